import { MigrationInterface, QueryRunner } from 'typeorm';
import { CASE_STREAM_PREFIX } from '@mutasi/domain';

/**
 * audit-service's read models and ledger. Every audit query pages by the global position (a sortable text) with an
 * index that starts with its filter, so each query stays a short index range scan at millions of events.
 */
export class AuditTables1700000000300 implements MigrationInterface {
  name = 'AuditTables1700000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_events (position text PRIMARY KEY, stream_id text NOT NULL, revision integer NOT NULL, event_id uuid NOT NULL UNIQUE,
      type text NOT NULL, case_id text, actor_id text, actor_name text, actor_role text, actor_agency text, recorded_at timestamptz,
      what text NOT NULL, justification text, rule_outcomes jsonb NOT NULL, hash text NOT NULL, prev_hash text NOT NULL)`);
    await q.query('CREATE INDEX audit_events_case ON audit_events (case_id, position)');
    await q.query('CREATE INDEX audit_events_actor ON audit_events (actor_id, position)');
    await q.query('CREATE INDEX audit_events_type ON audit_events (type, position)');
    await q.query('CREATE INDEX audit_events_time ON audit_events (recorded_at, position)');
    await q.query('CREATE TABLE audit_event_agencies (agency_id text NOT NULL, position text NOT NULL, PRIMARY KEY (agency_id, position))');
    await q.query(`CREATE TABLE audit_cases (case_id text PRIMARY KEY, target_agency text, origin_agency text, employee_nip text, route text,
      penjabat_agencies text[] NOT NULL DEFAULT '{}', window_rules text[] NOT NULL DEFAULT '{}')`);
    await q.query(`CREATE TABLE audit_flag_cases (case_id text PRIMARY KEY, target_agency text, origin_agency text, employee_nip text, route text,
      penjabat_agencies text[] NOT NULL DEFAULT '{}', window_rules text[] NOT NULL DEFAULT '{}')`);
    await q.query(`CREATE TABLE audit_flags (flag_id text PRIMARY KEY, rule_id text NOT NULL, pattern text NOT NULL, case_id text, agency_id text, actor_id text,
      raised_at timestamptz NOT NULL, position text NOT NULL, reason text NOT NULL, event_ids text[] NOT NULL, details jsonb NOT NULL)`);
    await q.query('CREATE INDEX audit_flags_rule ON audit_flags (rule_id, position)');
    await q.query('CREATE INDEX audit_flags_agency ON audit_flags (agency_id, position)');
    await q.query('CREATE INDEX audit_flags_time ON audit_flags (raised_at)');
    await q.query('CREATE TABLE audit_decrees (case_id text PRIMARY KEY, employee_nip text NOT NULL, signer_id text NOT NULL, decree_date date NOT NULL, event_id text NOT NULL)');
    await q.query('CREATE INDEX audit_decrees_employee ON audit_decrees (employee_nip, decree_date)');
    await q.query('CREATE INDEX audit_decrees_signer ON audit_decrees (signer_id, decree_date)');
    await q.query(`CREATE TABLE audit_refusals (position text PRIMARY KEY, event_id uuid NOT NULL UNIQUE, actor_id text NOT NULL, actor_role text, actor_agency text,
      command text NOT NULL, case_id text, status integer NOT NULL, code text NOT NULL, rule_id text, reason text NOT NULL, recorded_at timestamptz NOT NULL, details jsonb NOT NULL)`);
    await q.query('CREATE INDEX audit_refusals_actor ON audit_refusals (actor_id, position)');
    await q.query('CREATE INDEX audit_refusals_time ON audit_refusals (recorded_at, position)');
    await q.query(`CREATE TABLE ledger_leaves (leaf_index bigint PRIMARY KEY, position text NOT NULL UNIQUE, event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL,
      revision integer NOT NULL, leaf_hash bytea NOT NULL)`);
    await q.query('CREATE INDEX ledger_leaves_stream ON ledger_leaves (stream_id, revision)');
    await q.query('CREATE TABLE ledger_nodes (level integer NOT NULL, idx bigint NOT NULL, hash bytea NOT NULL, PRIMARY KEY (level, idx))');
    await q.query('CREATE TABLE ledger_tree_heads (tree_size bigint PRIMARY KEY, root_hash bytea NOT NULL, signed_at timestamptz NOT NULL, checkpoint text NOT NULL)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'ledger_tree_heads',
      'ledger_nodes',
      'ledger_leaves',
      'audit_refusals',
      'audit_decrees',
      'audit_flags',
      'audit_flag_cases',
      'audit_cases',
      'audit_event_agencies',
      'audit_events',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}

/**
 * Inspectors see an event any projection had to quarantine as an S-02 flag, among the other flags: the trace of a
 * hostile or damaged event that reached the store.
 */
export class AuditQuarantineFlags1700000000310 implements MigrationInterface {
  name = 'AuditQuarantineFlags1700000000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW audit_flags_all AS
      SELECT flag_id, rule_id, pattern, case_id, agency_id, actor_id, raised_at, position, reason, event_ids, details FROM audit_flags
      UNION ALL
      SELECT 'quarantine:' || projection || ':' || event_id, 'S-02', 'PROJECTION_QUARANTINE',
        CASE WHEN stream_id LIKE 'transfer-%' THEN substr(stream_id, 10) END, NULL, actor_id, quarantined_at, global_position,
        'the ' || projection || ' projection could not apply ' || type || ' (' || stream_id || ' revision ' || revision || '): ' || reason,
        ARRAY[event_id], jsonb_build_object('projection', projection, 'streamId', stream_id, 'revision', revision, 'type', type)
      FROM projection_quarantine`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW audit_flags_all');
  }
}

/**
 * The two maps each checkpoint commits to (docs/completeness.md): the head of every stream and the case streams of
 * every agency, kept beside the ledger in the same transaction as its leaves; and the witnesses' cosignatures.
 */
export class AuditLedgerMaps1700000000320 implements MigrationInterface {
  name = 'AuditLedgerMaps1700000000320';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE ledger_stream_heads (stream_id text PRIMARY KEY, revision integer NOT NULL, leaf_index bigint NOT NULL, leaf_hash bytea NOT NULL)');
    await q.query('CREATE INDEX ledger_stream_heads_leaf ON ledger_stream_heads (leaf_index)');
    await q.query(`INSERT INTO ledger_stream_heads (stream_id, revision, leaf_index, leaf_hash)
      SELECT DISTINCT ON (l.stream_id) l.stream_id, l.revision, l.leaf_index, l.leaf_hash FROM ledger_leaves l ORDER BY l.stream_id, l.leaf_index DESC`);
    await q.query('CREATE TABLE ledger_case_agencies (agency_id text NOT NULL, stream_id text NOT NULL, first_leaf bigint NOT NULL, PRIMARY KEY (agency_id, stream_id))');
    await q.query("ALTER TABLE ledger_tree_heads ADD COLUMN cosignatures text NOT NULL DEFAULT ''");
    await q.query('CREATE TABLE ledger_witness_sizes (witness text PRIMARY KEY, tree_size bigint NOT NULL)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ledger_witness_sizes');
    await q.query('ALTER TABLE ledger_tree_heads DROP COLUMN cosignatures');
    for (const t of ['ledger_case_agencies', 'ledger_stream_heads']) await q.query(`DROP TABLE ${t}`);
  }
}

/**
 * The revision of its case stream each saved case context is at, so an event applied again (a replay over existing
 * rows) is placed with the context it had then, not with what the case learned later; and the global position of each
 * remembered decree, so a decree is only ever compared with the decrees before it. Both filled from what is already
 * stored: a context is at the revision its projection last applied of that stream (recorded in the same transaction),
 * a decree at its event's position in the trail. What cannot be filled stays NULL: a context without a revision is
 * rebuilt from the stream on its case's next event, a decree without a position counts as earlier than every other.
 */
export class AuditContextRevisions1700000000330 implements MigrationInterface {
  name = 'AuditContextRevisions1700000000330';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, projection] of [
      ['audit_cases', 'audit-trail'],
      ['audit_flag_cases', 'audit-flags'],
    ]) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN revision integer`);
      await q.query(`UPDATE ${table} c SET revision = v.revision FROM projection_stream_versions v WHERE v.projection = $1 AND v.stream_id = $2 || c.case_id`, [
        projection,
        CASE_STREAM_PREFIX,
      ]);
    }
    await q.query('ALTER TABLE audit_decrees ADD COLUMN position text');
    await q.query('UPDATE audit_decrees d SET position = e.position FROM audit_events e WHERE e.event_id::text = d.event_id');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_decrees DROP COLUMN position');
    for (const table of ['audit_flag_cases', 'audit_cases']) await q.query(`ALTER TABLE ${table} DROP COLUMN revision`);
  }
}
