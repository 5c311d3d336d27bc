import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ScheduledWork, toDate } from '@mutasi/domain';
import { eventIdFor } from '@mutasi/event-store';
import { Clock } from '@mutasi/platform';
import { TransferCases } from '../cases/transfer-cases.service';

interface DueRow {
  case_id: string;
  kind: string;
  work_key: string;
  due_on: string;
}

const STALE_CLAIM_MINUTES = 5;

/** The due item of a row (the projection wrote it from `scheduledWork`; `workKey` is the inverse), or null for a kind it never writes. */
function workOf(row: DueRow): ScheduledWork | null {
  const dueOn = row.due_on;
  switch (row.kind) {
    case 'EscalateOverdueStep':
      return { kind: row.kind, dueOn, stepId: row.work_key };
    case 'AnnounceEvaluationDue':
      return { kind: row.kind, dueOn, periodMonths: Number(row.work_key) };
    case 'FlagTrainingItemOverdue':
      return { kind: row.kind, dueOn, itemId: row.work_key };
    case 'CloseObjectionWindow':
    case 'FlagObjectionDecisionOverdue':
    case 'FlagAppointmentOverdue':
    case 'FlagReplacementReportOverdue':
      return { kind: row.kind, dueOn };
    default:
      return null;
  }
}

/**
 * Turns due dates into commands: claims due items from the durable table, sends each as the scheduler (with a
 * command id derived from the item, so a repeat appends nothing), and records the outcome. Claims of a crashed run
 * are taken over after a few minutes.
 */
@Injectable()
export class Scheduler {
  private readonly logger = new Logger('Scheduler');

  constructor(
    private readonly db: DataSource,
    private readonly cases: TransferCases,
    private readonly clock: Clock,
  ) {}

  /** Sends every item due today or earlier; returns how many commands appended events. */
  async runDue(limit = 100): Promise<number> {
    const today = toDate(this.clock.now().toISOString());
    const result = (await this.db.query(
      `UPDATE due_work SET status = 'CLAIMED', updated_at = now(), attempts = attempts + 1
       WHERE (case_id, kind, work_key, due_on) IN (
         SELECT case_id, kind, work_key, due_on FROM due_work
         WHERE due_on <= $1 AND (status = 'PENDING' OR (status = 'CLAIMED' AND updated_at < now() - interval '${STALE_CLAIM_MINUTES} minutes'))
         ORDER BY due_on LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING case_id, kind, work_key, due_on::text AS due_on`,
      [today, limit],
    )) as [DueRow[], number];
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const rows = result[0];
    let sent = 0;
    for (const row of rows) {
      const outcome = await this.send(row);
      if (outcome.sent) sent += 1;
      await this.db.query('UPDATE due_work SET status = $5, outcome = $6, updated_at = now() WHERE case_id = $1 AND kind = $2 AND work_key = $3 AND due_on = $4', [
        row.case_id,
        row.kind,
        row.work_key,
        row.due_on,
        outcome.status,
        outcome.detail,
      ]);
    }
    return sent;
  }

  private async send(row: DueRow): Promise<{ sent: boolean; status: 'DONE' | 'OBSOLETE' | 'PENDING'; detail: string }> {
    const commandId = eventIdFor(`scheduler\n${row.case_id}\n${row.kind}\n${row.work_key}\n${row.due_on}`, 0);
    const work = workOf(row);
    if (work === null) return { sent: false, status: 'OBSOLETE', detail: `no scheduled command ${row.kind}` };
    try {
      const result = await this.cases.executeAsScheduler(row.case_id, work, commandId);
      return { sent: !result.idempotent, status: 'DONE', detail: result.idempotent ? 'already done' : `${row.kind} appended` };
    } catch (error) {
      if (error instanceof DomainError) return { sent: false, status: 'OBSOLETE', detail: `${error.code}: ${error.message}` };
      this.logger.warn(`${row.kind} for case ${row.case_id} failed, will retry: ${String(error)}`);
      return { sent: false, status: 'PENDING', detail: String(error) };
    }
  }
}
