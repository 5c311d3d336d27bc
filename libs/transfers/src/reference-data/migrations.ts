import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference data tables, idempotency keys, and the scheduler's durable due-date table. */
export class TransferServiceTables1700000000200 implements MigrationInterface {
  name = 'TransferServiceTables1700000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE agencies (id text PRIMARY KEY, name text NOT NULL, kind text NOT NULL, province_code text, kanreg_agency_id text NOT NULL,
      ppk_status text NOT NULL, head_inauguration_date date, election_calendar jsonb, abroad boolean NOT NULL DEFAULT false, authority text)`);
    await q.query(`CREATE TABLE positions (id text PRIMARY KEY, agency_id text NOT NULL REFERENCES agencies(id), unit text NOT NULL, title text NOT NULL,
      position_class text NOT NULL, functional_level text, required_competencies jsonb NOT NULL, required_education_fields jsonb NOT NULL,
      kebutuhan integer NOT NULL CHECK (kebutuhan >= 0), bezetting integer NOT NULL CHECK (bezetting >= 0), pilkada_scope boolean NOT NULL)`);
    await q.query('CREATE INDEX positions_agency ON positions (agency_id)');
    await q.query(`CREATE TABLE employees (nip text PRIMARY KEY, name text NOT NULL, kind text NOT NULL, golongan text NOT NULL, tmt_cpns date, tmt_pns date,
      agency_id text NOT NULL REFERENCES agencies(id), position_id text NOT NULL REFERENCES positions(id), position_since date NOT NULL,
      jpt_inauguration_date date, education_field text NOT NULL, competencies jsonb NOT NULL, skp jsonb NOT NULL, discipline jsonb NOT NULL,
      study jsonb NOT NULL, relations jsonb NOT NULL, last_transfer_date date)`);
    await q.query('CREATE INDEX employees_agency_nip ON employees (agency_id, nip)');
    await q.query('CREATE INDEX employees_position ON employees (position_id)');
    await q.query('CREATE INDEX employees_name ON employees (lower(name) text_pattern_ops)');
    await q.query(`CREATE TABLE delegations (id text PRIMARY KEY, grantor jsonb NOT NULL, grantee_user_id text NOT NULL, scope jsonb NOT NULL,
      valid_from date NOT NULL, valid_until date NOT NULL, legal_basis text NOT NULL, revoked boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE TABLE dev_users (user_id text PRIMARY KEY, name text NOT NULL, agency_id text NOT NULL, roles jsonb NOT NULL, nip text, title text NOT NULL)`);
    await q.query(`CREATE TABLE idempotency_keys (actor_id text NOT NULL, key text NOT NULL, request_hash text NOT NULL, status integer,
      response jsonb, etag text, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (actor_id, key))`);
    await q.query(`CREATE TABLE due_work (case_id text NOT NULL, kind text NOT NULL, work_key text NOT NULL, due_on date NOT NULL,
      status text NOT NULL DEFAULT 'PENDING', attempts integer NOT NULL DEFAULT 0, outcome text, updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, kind, work_key, due_on))`);
    await q.query(`CREATE INDEX due_work_pending ON due_work (due_on) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['due_work', 'idempotency_keys', 'dev_users', 'delegations', 'employees', 'positions', 'agencies']) await q.query(`DROP TABLE ${table}`);
  }
}
