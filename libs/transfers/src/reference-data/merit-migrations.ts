import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The substance of a good mutasi as reference data: each position's workload analysis (ABK), each employee's
 * competency assessments (uji kompetensi), and the agencies' annual mutation plans.
 */
export class MeritWorkloadTables1700000000220 implements MigrationInterface {
  name = 'MeritWorkloadTables1700000000220';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE positions ADD COLUMN abk_tasks jsonb');
    await q.query(`ALTER TABLE employees ADD COLUMN assessments jsonb NOT NULL DEFAULT '[]'`);
    // New columns go last, so the views can be replaced in place.
    await q.query(`CREATE OR REPLACE VIEW employees_current AS
      SELECT e.nip, e.name, e.kind, e.golongan, e.tmt_cpns::text AS tmt_cpns, e.tmt_pns::text AS tmt_pns,
        COALESCE(p.to_agency_id, e.agency_id) AS agency_id, COALESCE(p.to_position_id, e.position_id) AS position_id,
        COALESCE(p.position_since, e.position_since)::text AS position_since,
        (CASE WHEN p.case_id IS NULL THEN e.jpt_inauguration_date ELSE p.jpt_inauguration_date END)::text AS jpt_inauguration_date,
        e.education_field, e.competencies, e.skp, e.discipline, e.study, e.relations,
        (CASE WHEN t.last_move IS NULL THEN e.last_transfer_date ELSE GREATEST(e.last_transfer_date, t.last_move) END)::text AS last_transfer_date,
        e.imported_at, e.imported_position, p.case_id AS placed_by_case, e.assessments
      FROM employees e
      LEFT JOIN LATERAL (SELECT * FROM placements pl WHERE pl.nip = e.nip AND pl.position > e.imported_position ORDER BY pl.position DESC LIMIT 1) p ON true
      LEFT JOIN LATERAL (SELECT max(pl.effective_on) AS last_move FROM placements pl WHERE pl.nip = e.nip AND pl.kind = 'APPOINTMENT') t ON true`);
    await q.query(`CREATE OR REPLACE VIEW positions_current AS
      SELECT pos.id, pos.agency_id, pos.unit, pos.title, pos.position_class, pos.functional_level, pos.required_competencies,
        pos.required_education_fields, pos.kebutuhan,
        GREATEST(0, pos.bezetting
          + (SELECT count(*)::int FROM placements pl WHERE pl.to_position_id = pos.id AND pl.position > pos.imported_position)
          - (SELECT count(*)::int FROM placements pl WHERE pl.from_position_id = pos.id AND pl.position > pos.imported_position)) AS bezetting,
        pos.pilkada_scope, pos.imported_at, pos.imported_position, pos.abk_tasks
      FROM positions pos`);
    await q.query(`CREATE TABLE mutation_plans (id text PRIMARY KEY, agency_id text NOT NULL REFERENCES agencies(id), year integer NOT NULL,
      title text NOT NULL, moves jsonb NOT NULL, imported_at timestamptz NOT NULL DEFAULT clock_timestamp(), import_id text)`);
    await q.query('CREATE INDEX mutation_plans_agency_year ON mutation_plans (agency_id, year)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mutation_plans');
    await q.query('DROP VIEW positions_current');
    await q.query('DROP VIEW employees_current');
    await q.query('ALTER TABLE positions DROP COLUMN abk_tasks');
    await q.query('ALTER TABLE employees DROP COLUMN assessments');
  }
}
