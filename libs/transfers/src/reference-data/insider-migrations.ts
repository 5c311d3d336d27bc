import { MigrationInterface, QueryRunner } from 'typeorm';
import { START } from '@mutasi/event-store';

/**
 * Claims that keep invariants across cases (places, employees, decree numbers), placements that write the record
 * of a completed move back into the reference data, the evidence of every import, and policies and holiday
 * calendars as data.
 */
export class InsiderPathTables1700000000210 implements MigrationInterface {
  name = 'InsiderPathTables1700000000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE position_claims (case_id text PRIMARY KEY, position_id text NOT NULL, claimed_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query('CREATE INDEX position_claims_position ON position_claims (position_id, claimed_at, case_id)');
    await q.query(`CREATE TABLE employee_claims (nip text PRIMARY KEY, case_id text NOT NULL, claimed_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query('CREATE INDEX employee_claims_case ON employee_claims (case_id)');
    await q.query(`CREATE TABLE decree_numbers (signer_agency_id text NOT NULL, decree_number text NOT NULL, case_id text NOT NULL,
      PRIMARY KEY (signer_agency_id, decree_number))`);
    await q.query(`CREATE TABLE placements (case_id text NOT NULL, kind text NOT NULL CHECK (kind IN ('APPOINTMENT', 'REVOCATION')), nip text NOT NULL,
      from_agency_id text NOT NULL, from_position_id text NOT NULL, to_agency_id text NOT NULL, to_position_id text NOT NULL,
      position_since date NOT NULL, jpt_inauguration_date date, decree_number text NOT NULL, decree_date date NOT NULL,
      effective_on date NOT NULL, recorded_at timestamptz NOT NULL, event_id text NOT NULL, position text NOT NULL, PRIMARY KEY (case_id, kind))`);
    await q.query('CREATE INDEX placements_nip ON placements (nip, position DESC)');
    await q.query('CREATE INDEX placements_to ON placements (to_position_id, position)');
    await q.query('CREATE INDEX placements_from ON placements (from_position_id, position)');
    // Where in the global order of the event store each record was last imported (its import's event): placements
    // whose events come later still apply on top. The order of events, not the clock, decides, so a rebuild agrees.
    for (const table of ['employees', 'positions']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN imported_at timestamptz NOT NULL DEFAULT clock_timestamp(), ADD COLUMN import_id text,
        ADD COLUMN imported_position text NOT NULL DEFAULT '${START}'`);
    }
    // The record as it stands: the imported baseline overlaid with the placements recorded after it was imported.
    await q.query(`CREATE VIEW employees_current AS
      SELECT e.nip, e.name, e.kind, e.golongan, e.tmt_cpns::text AS tmt_cpns, e.tmt_pns::text AS tmt_pns,
        COALESCE(p.to_agency_id, e.agency_id) AS agency_id, COALESCE(p.to_position_id, e.position_id) AS position_id,
        COALESCE(p.position_since, e.position_since)::text AS position_since,
        (CASE WHEN p.case_id IS NULL THEN e.jpt_inauguration_date ELSE p.jpt_inauguration_date END)::text AS jpt_inauguration_date,
        e.education_field, e.competencies, e.skp, e.discipline, e.study, e.relations,
        (CASE WHEN t.last_move IS NULL THEN e.last_transfer_date ELSE GREATEST(e.last_transfer_date, t.last_move) END)::text AS last_transfer_date,
        e.imported_at, e.imported_position, p.case_id AS placed_by_case
      FROM employees e
      LEFT JOIN LATERAL (SELECT * FROM placements pl WHERE pl.nip = e.nip AND pl.position > e.imported_position ORDER BY pl.position DESC LIMIT 1) p ON true
      LEFT JOIN LATERAL (SELECT max(pl.effective_on) AS last_move FROM placements pl WHERE pl.nip = e.nip AND pl.kind = 'APPOINTMENT') t ON true`);
    await q.query(`CREATE VIEW positions_current AS
      SELECT pos.id, pos.agency_id, pos.unit, pos.title, pos.position_class, pos.functional_level, pos.required_competencies,
        pos.required_education_fields, pos.kebutuhan,
        GREATEST(0, pos.bezetting
          + (SELECT count(*)::int FROM placements pl WHERE pl.to_position_id = pos.id AND pl.position > pos.imported_position)
          - (SELECT count(*)::int FROM placements pl WHERE pl.from_position_id = pos.id AND pl.position > pos.imported_position)) AS bezetting,
        pos.pilkada_scope, pos.imported_at, pos.imported_position
      FROM positions pos`);
    await q.query(`CREATE TABLE reference_changes (import_id text NOT NULL, entity text NOT NULL, key text NOT NULL, field text NOT NULL,
      kind text NOT NULL, old_value jsonb, new_value jsonb, sensitive boolean NOT NULL, changed_at timestamptz NOT NULL, changed_by text NOT NULL,
      PRIMARY KEY (import_id, entity, key, field))`);
    await q.query('CREATE INDEX reference_changes_key ON reference_changes (entity, key, changed_at)');
    await q.query(`CREATE TABLE import_conflicts (import_id text NOT NULL, entity text NOT NULL, key text NOT NULL, field text NOT NULL,
      imported_value jsonb, kept_value jsonb, reason text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (import_id, entity, key, field))`);
    await q.query(`CREATE TABLE policy_versions (version text PRIMARY KEY, effective_from date NOT NULL, policy jsonb NOT NULL,
      published_at timestamptz NOT NULL DEFAULT clock_timestamp(), published_by text NOT NULL)`);
    await q.query(`CREATE TABLE holiday_calendars (year integer PRIMARY KEY, basis text NOT NULL, days jsonb NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT clock_timestamp(), imported_by text NOT NULL)`);
    await q.query('ALTER TABLE agencies ADD COLUMN oversight text');
    // Who a case involves (receiving, releasing, every step's agency, the signer's) and its candidate: read scope.
    await q.query('CREATE TABLE case_parties (case_id text PRIMARY KEY, candidate_nip text, agencies text[] NOT NULL)');
    await q.query('CREATE INDEX case_parties_agencies ON case_parties USING gin (agencies)');
    await q.query('CREATE INDEX case_parties_candidate ON case_parties (candidate_nip)');
    await q.query(`CREATE TABLE demo_clock (id integer PRIMARY KEY CHECK (id = 1), offset_ms bigint NOT NULL, high_water timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW positions_current');
    await q.query('DROP VIEW employees_current');
    await q.query('ALTER TABLE agencies DROP COLUMN oversight');
    for (const table of [
      'case_parties',
      'demo_clock',
      'holiday_calendars',
      'policy_versions',
      'import_conflicts',
      'reference_changes',
      'placements',
      'decree_numbers',
      'employee_claims',
      'position_claims',
    ])
      await q.query(`DROP TABLE ${table}`);
    for (const table of ['employees', 'positions']) await q.query(`ALTER TABLE ${table} DROP COLUMN imported_at, DROP COLUMN import_id, DROP COLUMN imported_position`);
  }
}
