import { DataSource } from 'typeorm';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const PAGE = 50;

export interface CaseFilter {
  readonly stage?: string;
  readonly status?: string;
  readonly route?: string;
  readonly q?: string;
  readonly candidateNip?: string;
  readonly agencies: Agencies;
  readonly cursor?: string;
}

/** Agencies a dashboard is limited to (the reader's scope or a filter within it); null: every agency. */
export type Agencies = readonly string[] | null;

const caseIn = (agencies: Agencies, param = 1): string => (agencies === null ? 'true' : `(target_agency = ANY($${param}) OR origin_agency = ANY($${param}))`);
const params = (agencies: Agencies): unknown[] => (agencies === null ? [] : [[...agencies]]);

/** The dashboard read models behind `/api/dashboard/*`, each limited to the agencies the reader may see. */
export class DashboardQueries {
  constructor(private readonly db: DataSource) {}

  async pipeline(agencies: Agencies) {
    const rows = (await this.db.query(
      `SELECT stage, coalesce(route, 'NOT_YET_PROPOSED') AS route, count(*)::int AS cases FROM dashboard_cases
       WHERE open AND ${caseIn(agencies)} GROUP BY stage, route ORDER BY stage, route`,
      params(agencies),
    )) as { stage: string; route: string; cases: number }[];
    const stages = ['ANALISIS_KEBUTUHAN', 'USULAN', 'SOSIALISASI', 'PERSETUJUAN', 'SK', 'EVALUASI'];
    return {
      agencies,
      stages: stages.map((stage) => ({
        stage,
        total: rows.filter((r) => r.stage === stage).reduce((a, r) => a + r.cases, 0),
        byRoute: rows.filter((r) => r.stage === stage).map(({ route, cases }) => ({ route, cases })),
      })),
    };
  }

  async leadTimes(agencies: Agencies) {
    const rows = (await this.db.query(
      `SELECT d.stage, count(*)::int AS completed, percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY d.days) AS p90
       FROM dashboard_stage_durations d JOIN dashboard_cases USING (case_id) WHERE d.left_at IS NOT NULL AND ${caseIn(agencies)} GROUP BY d.stage ORDER BY d.stage`,
      params(agencies),
    )) as { stage: string; completed: number; median: string; p90: string }[];
    return rows.map((r) => ({ stage: r.stage, completed: r.completed, medianDays: Number(Number(r.median).toFixed(2)), p90Days: Number(Number(r.p90).toFixed(2)) }));
  }

  async workloadBalance(agencies: Agencies) {
    const rows = (await this.db.query(
      `SELECT p.agency_id, p.position_id, p.title, p.kebutuhan, p.bezetting, p.kebutuhan - p.bezetting AS gap, count(c.case_id)::int AS under_way
       FROM dashboard_positions p LEFT JOIN dashboard_cases c ON c.target_position = p.position_id AND c.open
       ${agencies === null ? '' : 'WHERE p.agency_id = ANY($1)'} GROUP BY p.position_id ORDER BY p.agency_id, p.position_id`,
      params(agencies),
    )) as { agency_id: string; position_id: string; title: string; kebutuhan: number; bezetting: number; gap: number; under_way: number }[];
    return rows.map((r) => ({
      agencyId: r.agency_id,
      positionId: r.position_id,
      title: r.title,
      kebutuhan: r.kebutuhan,
      bezetting: r.bezetting,
      gap: r.gap,
      casesUnderWay: r.under_way,
    }));
  }

  /** Training completion (R-09) per receiving agency: items planned, completed, waived, overdue, and still holding a decree. */
  async training(agencies: Agencies) {
    const rows = (await this.db.query(
      `SELECT target_agency, count(*)::int AS cases, sum(items)::int AS items, sum(completed)::int AS completed, sum(waived)::int AS waived, sum(overdue)::int AS overdue,
         sum(open_before_tmt)::int AS open_before_tmt FROM dashboard_training ${agencies === null ? '' : 'WHERE target_agency = ANY($1)'} GROUP BY target_agency ORDER BY target_agency`,
      params(agencies),
    )) as { target_agency: string; cases: number; items: number; completed: number; waived: number; overdue: number; open_before_tmt: number }[];
    return rows.map((r) => ({
      agencyId: r.target_agency,
      cases: r.cases,
      items: r.items,
      completed: r.completed,
      waived: r.waived,
      overdue: r.overdue,
      openBeforeTmt: r.open_before_tmt,
      completionRate: r.items > 0 ? Math.round((r.completed / r.items) * 1000) / 1000 : null,
    }));
  }

  /**
   * Everything waiting for the caller, overdue first: the active approval steps (and the decree) of their role and
   * agency, the other tasks of their role and agency (dashboard_tasks), and, for an employee, the tasks of their NIP.
   */
  async inbox(who: { roles: readonly string[]; agencyId: string; nip: string | null }, today: string) {
    const rows = (await this.db.query(
      `SELECT s.case_id, 'step:' || s.step_id AS task_id, CASE WHEN s.kind = 'DECREE' THEN 'DECREE' ELSE 'STEP' END AS kind, s.step_id, s.role, s.agency_id, s.title,
              s.deadline::text AS deadline, s.escalations, c.position_title, c.candidate_name, c.route, c.status
         FROM dashboard_steps s JOIN dashboard_cases c USING (case_id)
        WHERE s.status = 'ACTIVE' AND s.agency_id = $1 AND s.role = ANY($2)
       UNION ALL
       SELECT t.case_id, t.task_key, t.kind, NULL, t.role, t.agency_id, t.title, t.deadline::text, 0, c.position_title, c.candidate_name, c.route, c.status
         FROM dashboard_tasks t JOIN dashboard_cases c USING (case_id)
        WHERE c.status <> 'FROZEN' AND ((t.nip IS NULL AND t.agency_id = $1 AND t.role = ANY($2)) OR (t.nip IS NOT NULL AND t.nip = $3 AND 'PNS' = ANY($2)))`,
      [who.agencyId, who.roles, who.nip],
    )) as {
      case_id: string;
      task_id: string;
      kind: string;
      step_id: string | null;
      role: string;
      agency_id: string;
      title: string;
      deadline: string | null;
      escalations: number;
      position_title: string | null;
      candidate_name: string | null;
      route: string | null;
      status: string;
    }[];
    const seen = new Set<string>();
    return rows
      .filter((r) => !seen.has(`${r.case_id}/${r.task_id}`) && Boolean(seen.add(`${r.case_id}/${r.task_id}`)))
      .map((r) => ({
        caseId: r.case_id,
        taskId: r.task_id,
        kind: r.kind,
        stepId: r.step_id,
        role: r.role,
        agencyId: r.agency_id,
        title: r.title,
        deadline: r.deadline,
        overdue: r.deadline !== null && r.deadline < today,
        escalations: r.escalations,
        position: r.position_title,
        candidate: r.candidate_name,
        route: r.route,
        status: r.status,
      }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.caseId.localeCompare(b.caseId));
  }

  async evaluations(agencies: Agencies) {
    const rows = (await this.db.query(
      `SELECT * FROM dashboard_evaluations ${agencies === null ? '' : 'WHERE target_agency = ANY($1)'} ORDER BY recorded_at DESC LIMIT 200`,
      params(agencies),
    )) as {
      case_id: string;
      period_months: number;
      target_agency: string;
      skp_before: string;
      skp_after: string;
      competency_fit: number;
      vacancy_closed: boolean;
      score: string;
      verdict: string;
      recorded_at: Date;
    }[];
    const items = rows.map((r) => ({
      caseId: r.case_id,
      periodMonths: r.period_months,
      agencyId: r.target_agency,
      skpBefore: r.skp_before,
      skpAfter: r.skp_after,
      competencyFit: r.competency_fit,
      vacancyClosed: r.vacancy_closed,
      score: Number(r.score),
      verdict: r.verdict,
      recordedAt: r.recorded_at.toISOString(),
    }));
    const count = items.length;
    return {
      summary: {
        evaluations: count,
        vacancyClosedShare: count ? items.filter((i) => i.vacancyClosed).length / count : null,
        averageScore: count ? items.reduce((a, i) => a + i.score, 0) / count : null,
        met: items.filter((i) => i.verdict === 'MET').length,
      },
      items,
    };
  }

  /** The case list: filters by stage, status, route, agency; `q` finds a NIP, a case id (or its start) or a name. */
  async cases(filter: CaseFilter, now: Date) {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.stage) where.push(`stage = $${values.push(filter.stage)}`);
    if (filter.status) where.push(`status = $${values.push(filter.status)}`);
    if (filter.route) where.push(`route = $${values.push(filter.route)}`);
    if (filter.candidateNip) where.push(`candidate_nip = $${values.push(filter.candidateNip)}`);
    if (filter.q) {
      const n = values.push(filter.q);
      where.push(`(candidate_nip = $${n} OR case_id LIKE $${n} || '%' OR candidate_name ILIKE '%' || $${n} || '%' OR position_title ILIKE '%' || $${n} || '%')`);
    }
    if (filter.agencies !== null) where.push(caseIn(filter.agencies, values.push([...filter.agencies])));
    if (filter.cursor) where.push(`case_id > $${values.push(filter.cursor)}`);
    const rows = (await this.db.query(`SELECT * FROM dashboard_cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY case_id LIMIT ${PAGE + 1}`, values)) as {
      case_id: string;
      target_agency: string;
      origin_agency: string | null;
      target_position: string;
      position_title: string | null;
      route: string | null;
      stage: string;
      status: string;
      open: boolean;
      candidate_nip: string | null;
      candidate_name: string | null;
      opened_at: Date | null;
      stage_since: Date;
      updated_at: Date;
    }[];
    const items = rows.slice(0, PAGE).map((r) => ({
      caseId: r.case_id,
      targetAgencyId: r.target_agency,
      originAgencyId: r.origin_agency,
      targetPositionId: r.target_position,
      position: r.position_title,
      route: r.route,
      stage: r.stage,
      status: r.status,
      open: r.open,
      candidate: r.candidate_nip ? { nip: r.candidate_nip, name: r.candidate_name } : null,
      openedAt: r.opened_at?.toISOString() ?? null,
      daysInStage: num(Math.round(((now.getTime() - r.stage_since.getTime()) / 86_400_000) * 10) / 10),
      updatedAt: r.updated_at.toISOString(),
    }));
    return { items, nextCursor: rows.length > PAGE ? (items.at(-1)?.caseId ?? null) : null };
  }
}
