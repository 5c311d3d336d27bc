import { EntityManager } from 'typeorm';
import { IntegrationApprovalStep, IntegrationEvent, IntegrationTrainingPlan } from '@mutasi/messaging';
import { applyToTasks } from './inbox-tasks';

const TERMINAL = new Set(['COMPLETED', 'REJECTED', 'WITHDRAWN', 'REVOKED']);
const DAY_MS = 86_400_000;

type CaseRow = { case_id: string; stage: string; status: string; candidate_nip: string | null; stage_since: Date; last_sequence: number };

/**
 * Applies integration events to the dashboard's read models, in one transaction per batch. The same code runs
 * whether the events come from Kafka (distributed) or from the event store in process (standalone). Repeats are
 * dropped by the case's sequence: every event id is one (caseId, sequence), delivered in order per case.
 */
export class DashboardProjector {
  async apply(events: readonly IntegrationEvent[], tx: EntityManager): Promise<IntegrationEvent[]> {
    const applied: IntegrationEvent[] = [];
    const ids = [...new Set(events.map((e) => e.caseId))];
    const rows = (await tx.query('SELECT case_id, stage, status, candidate_nip, stage_since, last_sequence FROM dashboard_cases WHERE case_id = ANY($1) FOR UPDATE', [
      ids,
    ])) as CaseRow[];
    const known = new Map(rows.map((r) => [r.case_id, r]));
    const caseRows = new CaseRows();
    for (const e of events) {
      const row = known.get(e.caseId);
      if (row && e.sequence <= row.last_sequence) continue;
      await this.caseRow(tx, e, row, caseRows);
      await this.details(tx, e);
      // After the details, so that the step a rejection ended keeps its REJECTED and only the steps still to come are cancelled.
      if (TERMINAL.has(e.case.status)) await tx.query(`UPDATE dashboard_steps SET status = 'CANCELLED' WHERE case_id = $1 AND status IN ('ACTIVE', 'WAITING')`, [e.caseId]);
      const d = e.data as { candidateNip?: string };
      const candidateNip = d.candidateNip ?? row?.candidate_nip ?? null;
      await applyToTasks(tx, e, row?.status ?? null, candidateNip);
      known.set(e.caseId, {
        case_id: e.caseId,
        stage: e.case.stage,
        status: e.case.status,
        candidate_nip: candidateNip,
        stage_since: row && row.stage === e.case.stage ? row.stage_since : new Date(e.occurredAt),
        last_sequence: e.sequence,
      });
      applied.push(e);
    }
    await caseRows.write(tx);
    return applied;
  }

  private async caseRow(tx: EntityManager, e: IntegrationEvent, row: CaseRow | undefined, caseRows: CaseRows): Promise<void> {
    const at = new Date(e.occurredAt);
    const stageChanged = !row || row.stage !== e.case.stage;
    const open = !TERMINAL.has(e.case.status);
    if (row && (stageChanged || !open)) {
      await tx.query('UPDATE dashboard_stage_durations SET left_at = $3, days = $4 WHERE case_id = $1 AND stage = $2 AND left_at IS NULL', [
        e.caseId,
        row.stage,
        at,
        (at.getTime() - new Date(row.stage_since).getTime()) / DAY_MS,
      ]);
    }
    if (stageChanged && open)
      await tx.query('INSERT INTO dashboard_stage_durations (case_id, stage, entered_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [e.caseId, e.case.stage, at]);
    const d = e.data as Record<string, unknown>;
    const candidate = e.type.endsWith('CandidateProposed.v1') || e.type.endsWith('ProposalRevised.v1');
    caseRows.merge({
      caseId: e.caseId,
      targetAgency: e.case.targetAgencyId,
      originAgency: e.case.originAgencyId,
      targetPosition: e.case.targetPositionId,
      positionTitle: (d.positionTitle as string | undefined) ?? null,
      route: e.case.route,
      stage: e.case.stage,
      status: e.case.status,
      open,
      candidateNip: candidate ? ((d.candidateNip as string | undefined) ?? null) : null,
      candidateName: candidate ? ((d.candidateName as string | undefined) ?? null) : null,
      openedAt: e.type.endsWith('CaseOpened.v1') ? at : null,
      stageSince: row && !stageChanged ? new Date(row.stage_since) : at,
      updatedAt: at,
      lastSequence: e.sequence,
      lastEventId: e.eventId,
    });
  }

  private async details(tx: EntityManager, e: IntegrationEvent): Promise<void> {
    const d = e.data;
    if (e.type.startsWith('mutasi.transfer.Training')) {
      const plan = d.plan as IntegrationTrainingPlan;
      await tx.query(
        `INSERT INTO dashboard_training (case_id, target_agency, items, completed, waived, overdue, open_before_tmt, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (case_id) DO UPDATE SET items = excluded.items, completed = excluded.completed, waived = excluded.waived, overdue = excluded.overdue, open_before_tmt = excluded.open_before_tmt, updated_at = excluded.updated_at`,
        [e.caseId, e.case.targetAgencyId, plan.items, plan.completed, plan.waived, plan.overdue, plan.openBeforeTmt, new Date(e.occurredAt)],
      );
      return;
    }
    switch (e.type) {
      case 'mutasi.transfer.CaseOpened.v1':
        await tx.query(
          `INSERT INTO dashboard_positions (position_id, agency_id, title, kebutuhan, bezetting, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
          ON CONFLICT (position_id) DO UPDATE SET kebutuhan = excluded.kebutuhan, bezetting = excluded.bezetting, title = excluded.title, updated_at = excluded.updated_at WHERE dashboard_positions.updated_at <= excluded.updated_at`,
          [d.targetPositionId, d.targetAgencyId, d.positionTitle, d.kebutuhan, d.bezetting, new Date(e.occurredAt)],
        );
        return;
      case 'mutasi.transfer.ApprovalStarted.v1': {
        await tx.query('DELETE FROM dashboard_steps WHERE case_id = $1', [e.caseId]);
        const steps = d.steps as readonly IntegrationApprovalStep[];
        for (const [i, s] of steps.entries()) {
          await tx.query('INSERT INTO dashboard_steps (case_id, step_id, kind, role, agency_id, title, status, deadline, ordinal) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
            e.caseId,
            s.stepId,
            s.kind,
            s.role,
            s.agencyId,
            s.title,
            i === 0 ? 'ACTIVE' : 'WAITING',
            i === 0 ? d.firstDeadline : null,
            i,
          ]);
        }
        return;
      }
      case 'mutasi.transfer.ApprovalStepGranted.v1':
        await tx.query(`UPDATE dashboard_steps SET status = 'APPROVED' WHERE case_id = $1 AND step_id = $2`, [e.caseId, d.stepId]);
        if (d.nextStepId)
          await tx.query(`UPDATE dashboard_steps SET status = 'ACTIVE', deadline = $3 WHERE case_id = $1 AND step_id = $2`, [e.caseId, d.nextStepId, d.nextDeadline]);
        return;
      case 'mutasi.transfer.ApprovalStepRejected.v1':
      case 'mutasi.transfer.ProposalReturned.v1':
        await tx.query(`UPDATE dashboard_steps SET status = CASE WHEN step_id = $2 THEN $3 ELSE 'CANCELLED' END WHERE case_id = $1 AND status IN ('ACTIVE', 'WAITING')`, [
          e.caseId,
          d.stepId,
          e.type.endsWith('Rejected.v1') ? 'REJECTED' : 'RETURNED',
        ]);
        return;
      case 'mutasi.transfer.ApprovalStepEscalated.v1':
        await tx.query('UPDATE dashboard_steps SET escalations = $3 WHERE case_id = $1 AND step_id = $2', [e.caseId, d.stepId, d.escalation]);
        return;
      case 'mutasi.transfer.DecreeIssued.v1':
        await tx.query(`UPDATE dashboard_steps SET status = 'DONE' WHERE case_id = $1 AND kind = 'DECREE'`, [e.caseId]);
        return;
      case 'mutasi.transfer.EvaluationRecorded.v1':
        await tx.query(
          `INSERT INTO dashboard_evaluations (case_id, period_months, target_agency, skp_before, skp_after, competency_fit, vacancy_closed, score, verdict, recorded_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
          [e.caseId, d.periodMonths, e.case.targetAgencyId, d.skpBefore, d.skpAfter, d.competencyFit, d.vacancyClosed, d.score, d.verdict, new Date(e.occurredAt)],
        );
        return;
      default:
        return;
    }
  }
}

/** A case's row as the batch leaves it. */
interface CaseRowValues {
  readonly caseId: string;
  readonly targetAgency: string;
  readonly originAgency: string | null;
  readonly targetPosition: string;
  readonly positionTitle: string | null;
  readonly route: string | null;
  readonly stage: string;
  readonly status: string;
  readonly open: boolean;
  readonly candidateNip: string | null;
  readonly candidateName: string | null;
  readonly openedAt: Date | null;
  readonly stageSince: Date;
  readonly updatedAt: Date;
  readonly lastSequence: number;
  readonly lastEventId: string;
}

/**
 * The case rows of one batch: each case's events merged in order (the later value wins, a title or candidate only
 * when the event names one, the opening time from the opening), written by one statement at the end of the batch
 * instead of one per event. Nothing reads dashboard_cases in between.
 */
class CaseRows {
  private readonly rows = new Map<string, CaseRowValues>();

  merge(next: CaseRowValues): void {
    const prior = this.rows.get(next.caseId);
    this.rows.set(
      next.caseId,
      prior
        ? {
            ...next,
            targetAgency: prior.targetAgency,
            targetPosition: prior.targetPosition,
            positionTitle: next.positionTitle ?? prior.positionTitle,
            candidateNip: next.candidateNip ?? prior.candidateNip,
            candidateName: next.candidateName ?? prior.candidateName,
            openedAt: prior.openedAt ?? next.openedAt,
          }
        : next,
    );
  }

  async write(tx: EntityManager): Promise<void> {
    const rows = [...this.rows.values()];
    if (rows.length === 0) return;
    const column = <K extends keyof CaseRowValues>(key: K): CaseRowValues[K][] => rows.map((r) => r[key]);
    await tx.query(
      `INSERT INTO dashboard_cases (case_id, target_agency, origin_agency, target_position, position_title, route, stage, status, open, candidate_nip, candidate_name, opened_at, stage_since, updated_at, last_sequence, last_event_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::text[], $11::text[], $12::timestamptz[],
         $13::timestamptz[], $14::timestamptz[], $15::integer[], $16::uuid[])
       ON CONFLICT (case_id) DO UPDATE SET origin_agency = excluded.origin_agency, route = excluded.route, stage = excluded.stage, status = excluded.status, open = excluded.open,
         position_title = coalesce(excluded.position_title, dashboard_cases.position_title),
         candidate_nip = coalesce(excluded.candidate_nip, dashboard_cases.candidate_nip), candidate_name = coalesce(excluded.candidate_name, dashboard_cases.candidate_name),
         stage_since = excluded.stage_since, updated_at = excluded.updated_at, last_sequence = excluded.last_sequence, last_event_id = excluded.last_event_id`,
      [
        column('caseId'),
        column('targetAgency'),
        column('originAgency'),
        column('targetPosition'),
        column('positionTitle'),
        column('route'),
        column('stage'),
        column('status'),
        column('open'),
        column('candidateNip'),
        column('candidateName'),
        column('openedAt'),
        column('stageSince'),
        column('updatedAt'),
        column('lastSequence'),
        column('lastEventId'),
      ],
    );
  }
}
