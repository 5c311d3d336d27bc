import { EntityManager } from 'typeorm';
import { caseIdOfStream, fold, isCaseStream, readTransferEvents, scheduledWork, ScheduledWork } from '@mutasi/domain';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { Projection } from '@mutasi/read-models';

/** The key that tells two due items of one case and kind apart (the step, or the evaluation period). */
export function workKey(work: ScheduledWork): string {
  if (work.kind === 'EscalateOverdueStep') return work.stepId;
  if (work.kind === 'AnnounceEvaluationDue') return String(work.periodMonths);
  if (work.kind === 'FlagTrainingItemOverdue') return work.itemId;
  return '-';
}

/**
 * Keeps the durable `due_work` table: after any event of a case, the case's pending due items are replaced by what
 * its state holds now (`scheduledWork`). Items already done stay done; nothing depends on in-memory timers.
 */
export class SchedulerProjection implements Projection {
  readonly name = 'scheduler-due-work';
  readonly tables = ['due_work'];

  constructor(private readonly store: EventStore) {}

  handles(event: RecordedEvent): boolean {
    return isCaseStream(event.streamId);
  }

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const streamId of new Set(events.map((e) => e.streamId))) {
      const caseId = caseIdOfStream(streamId);
      if (caseId === null) continue;
      // The case as it stands at the batch's last event of it, not at the stream's head: a rebuild, or an event applied
      // alone after a failed batch, then writes what the live run wrote, and a bad later event cannot undo earlier ones.
      const upTo = Math.max(...events.filter((e) => e.streamId === streamId).map((e) => e.revision));
      const history = await this.store.readStream(streamId, { maxCount: upTo + 1 });
      const work = scheduledWork(fold(readTransferEvents(history)));
      await tx.query(
        `DELETE FROM due_work WHERE case_id = $1 AND status = 'PENDING' AND NOT ((kind, work_key, due_on) IN (SELECT * FROM unnest($2::text[], $3::text[], $4::date[])))`,
        [caseId, work.map((w) => w.kind), work.map(workKey), work.map((w) => w.dueOn)],
      );
      for (const w of work) {
        await tx.query('INSERT INTO due_work (case_id, kind, work_key, due_on) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [caseId, w.kind, workKey(w), w.dueOn]);
      }
    }
  }
}
