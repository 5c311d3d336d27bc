import { EntityManager } from 'typeorm';
import { CaseState, evolve, initialState, isCaseStream, readTransferEvent, TransferEvent } from '@mutasi/domain';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { Projection } from '@mutasi/read-models';
import { MailIntake, mailText, outboxStatus } from './mail-intake';
import { noticesFor } from './notices';
import { mailAddressOf, notificationId, recipientsOf } from './recipients';

/** The web app's page of a case, where every notification links to. */
export const caseLink = (caseId: string): string => `/app/kasus/${caseId}`;

/**
 * Turns case events into notifications for persons (the bell) and, in the same transaction, their e-mails into the
 * outbox. Each event is judged on the case before and after it (`noticesFor`); one notification per event and
 * recipient, keyed by a derived id, so a replay or a rebuild writes the same rows and never queues a mail twice.
 */
export class NotificationsProjection implements Projection {
  readonly name = 'notifications';
  /** The read marks and the outbox are not rebuilt: see the migration. */
  readonly tables = ['notifications'];

  constructor(
    private readonly store: EventStore,
    private readonly mail: MailIntake,
  ) {}

  handles(event: RecordedEvent): boolean {
    return isCaseStream(event.streamId);
  }

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
    for (const [streamId, fresh] of byStream) {
      // One read of the stream per batch: fold it once, judging each fresh event on the state just before it.
      const wanted = new Map(fresh.map((e) => [e.revision, e]));
      const history = await this.store.readStream(streamId, { maxCount: Math.max(...wanted.keys()) + 1 });
      let state: CaseState = initialState();
      for (const recorded of history) {
        const event = readTransferEvent(recorded);
        if (event === null) continue;
        const before = state;
        state = evolve(state, event);
        const mine = wanted.get(recorded.revision);
        if (mine) await this.notify(tx, mine, event, before, state);
      }
    }
  }

  private async notify(tx: EntityManager, recorded: RecordedEvent, event: TransferEvent, before: CaseState, after: CaseState): Promise<void> {
    const caseId = event.metadata.caseId;
    const at = new Date(event.metadata.recordedAt);
    const addressed = new Set<string>([event.metadata.actor.userId]); // nobody is told of their own act
    for (const n of noticesFor(event, before, after)) {
      for (const r of await recipientsOf(tx, n.audience)) {
        if (addressed.has(r.userId)) continue; // one notification per event and recipient: the first notice wins
        addressed.add(r.userId);
        const id = notificationId(recorded.eventId, r.userId);
        await tx.query(
          `INSERT INTO notifications (id, user_id, case_id, event_id, global_position, kind, topic, title, body, link, deadline, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
          [id, r.userId, caseId, recorded.eventId, recorded.globalPosition, n.kind, n.topic, n.title, n.body, caseLink(caseId), n.deadline, at],
        );
        const address = mailAddressOf(r);
        const { status, skippedBecause } = outboxStatus(this.mail, address, at);
        await tx.query(
          `INSERT INTO notification_outbox (notification_id, recipient, subject, body, status, skipped_because, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (notification_id) DO NOTHING`,
          [id, address, n.title, mailText(n.body, caseLink(caseId), this.mail.publicUrl ?? null), status, skippedBecause, status === 'PENDING' ? at : null, at],
        );
      }
    }
  }
}
