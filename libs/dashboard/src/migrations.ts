import { MigrationInterface, QueryRunner } from 'typeorm';

/** dashboard-service's read models: one per screen (docs/api.md, "Dashboard"). */
export class DashboardTables1700000000500 implements MigrationInterface {
  name = 'DashboardTables1700000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dashboard_cases (case_id text PRIMARY KEY, target_agency text NOT NULL, origin_agency text, target_position text NOT NULL, position_title text,
      route text, stage text NOT NULL, status text NOT NULL, open boolean NOT NULL, candidate_nip text, candidate_name text, opened_at timestamptz, stage_since timestamptz NOT NULL,
      updated_at timestamptz NOT NULL, last_sequence integer NOT NULL, last_event_id uuid NOT NULL)`);
    await q.query('CREATE INDEX dashboard_cases_open ON dashboard_cases (open, stage, route)');
    await q.query('CREATE INDEX dashboard_cases_target ON dashboard_cases (target_agency, case_id)');
    await q.query('CREATE INDEX dashboard_cases_origin ON dashboard_cases (origin_agency, case_id)');
    await q.query('CREATE INDEX dashboard_cases_position ON dashboard_cases (target_position) WHERE open');
    await q.query(`CREATE TABLE dashboard_stage_durations (case_id text NOT NULL, stage text NOT NULL, entered_at timestamptz NOT NULL, left_at timestamptz, days numeric,
      PRIMARY KEY (case_id, stage, entered_at))`);
    await q.query(
      `CREATE TABLE dashboard_positions (position_id text PRIMARY KEY, agency_id text NOT NULL, title text NOT NULL, kebutuhan integer NOT NULL, bezetting integer NOT NULL, updated_at timestamptz NOT NULL)`,
    );
    await q.query(`CREATE TABLE dashboard_steps (case_id text NOT NULL, step_id text NOT NULL, kind text NOT NULL, role text NOT NULL, agency_id text NOT NULL, title text NOT NULL,
      status text NOT NULL, deadline date, escalations integer NOT NULL DEFAULT 0, ordinal integer NOT NULL, PRIMARY KEY (case_id, step_id))`);
    await q.query(`CREATE INDEX dashboard_steps_inbox ON dashboard_steps (agency_id, role, deadline) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE TABLE dashboard_evaluations (case_id text NOT NULL, period_months integer NOT NULL, target_agency text NOT NULL, skp_before text NOT NULL, skp_after text NOT NULL,
      competency_fit integer NOT NULL, vacancy_closed boolean NOT NULL, score numeric NOT NULL, verdict text NOT NULL, recorded_at timestamptz NOT NULL, PRIMARY KEY (case_id, period_months))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dashboard_evaluations', 'dashboard_steps', 'dashboard_positions', 'dashboard_stage_durations', 'dashboard_cases']) await q.query(`DROP TABLE ${t}`);
  }
}

/** Training completion per case (pengembangan kompetensi, R-09), from the counts training events carry. */
export class DashboardTraining1700000000510 implements MigrationInterface {
  name = 'DashboardTraining1700000000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dashboard_training (case_id text PRIMARY KEY, target_agency text NOT NULL, items integer NOT NULL, completed integer NOT NULL,
      waived integer NOT NULL, overdue integer NOT NULL, open_before_tmt integer NOT NULL, updated_at timestamptz NOT NULL)`);
    await q.query('CREATE INDEX dashboard_training_agency ON dashboard_training (target_agency)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dashboard_training');
  }
}

/** The inbox's tasks besides approval steps (libs/dashboard/src/inbox-tasks.ts): per role and agency, or per employee's NIP. */
export class DashboardTasks1700000000520 implements MigrationInterface {
  name = 'DashboardTasks1700000000520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dashboard_tasks (case_id text NOT NULL, task_key text NOT NULL, kind text NOT NULL, role text NOT NULL, agency_id text NOT NULL, nip text,
      title text NOT NULL, deadline date, PRIMARY KEY (case_id, task_key, role))`);
    await q.query('CREATE INDEX dashboard_tasks_official ON dashboard_tasks (agency_id, role) WHERE nip IS NULL');
    await q.query('CREATE INDEX dashboard_tasks_employee ON dashboard_tasks (nip) WHERE nip IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dashboard_tasks');
  }
}

/** Every dashboard table, emptied by a rebuild. */
export const DASHBOARD_TABLES = [
  'dashboard_cases',
  'dashboard_stage_durations',
  'dashboard_positions',
  'dashboard_steps',
  'dashboard_evaluations',
  'dashboard_training',
  'dashboard_tasks',
];
