import { EntityManager } from 'typeorm';
import { CaseState, evolve, initialState, isCaseStream, readTransferEvent, TransferEvent } from '@mutasi/domain';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { Projection } from '@mutasi/read-models';
import { MailIntake, mailText, outboxStatus } from './mail-intake';
import { noticesFor } from './notices';
import { Audience } from './notices';
import { mailAddressOf, notificationId, Recipient, recipientsOf } from './recipients';

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
    const batch = new NotificationBatch(tx);
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
        if (mine) await this.notify(batch, mine, event, before, state);
      }
    }
    await batch.write();
  }

  private async notify(batch: NotificationBatch, recorded: RecordedEvent, event: TransferEvent, before: CaseState, after: CaseState): Promise<void> {
    const caseId = event.metadata.caseId;
    const at = new Date(event.metadata.recordedAt);
    const addressed = new Set<string>([event.metadata.actor.userId]); // nobody is told of their own act
    for (const n of noticesFor(event, before, after)) {
      for (const r of await batch.recipients(n.audience)) {
        if (addressed.has(r.userId)) continue; // one notification per event and recipient: the first notice wins
        addressed.add(r.userId);
        const id = notificationId(recorded.eventId, r.userId);
        const address = mailAddressOf(r);
        const { status, skippedBecause } = outboxStatus(this.mail, address, at);
        batch.add(
          [id, r.userId, caseId, recorded.eventId, recorded.globalPosition, n.kind, n.topic, n.title, n.body, caseLink(caseId), n.deadline, at],
          [id, address, n.title, mailText(n.body, caseLink(caseId), this.mail.publicUrl ?? null), status, skippedBecause, status === 'PENDING' ? at : null, at],
        );
      }
    }
  }
}

type Cell = string | Date | null;

/**
 * The notifications and e-mails of one batch of events, written by two statements at its end rather than two per
 * recipient, and the directory looked up once per audience in the batch (the same transaction, so the same answer).
 */
class NotificationBatch {
  private readonly directory = new Map<string, Promise<Recipient[]>>();
  private readonly notifications: Cell[][] = [];
  private readonly mails: Cell[][] = [];

  constructor(private readonly tx: EntityManager) {}

  recipients(audience: readonly Audience[]): Promise<Recipient[]> {
    const key = JSON.stringify(audience);
    const known = this.directory.get(key) ?? recipientsOf(this.tx, audience);
    this.directory.set(key, known);
    return known;
  }

  add(notification: Cell[], mail: Cell[]): void {
    this.notifications.push(notification);
    this.mails.push(mail);
  }

  async write(): Promise<void> {
    if (this.notifications.length === 0) return;
    const columns = (rows: Cell[][], width: number): Cell[][] => Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? null));
    await this.tx.query(
      `INSERT INTO notifications (id, user_id, case_id, event_id, global_position, kind, topic, title, body, link, deadline, created_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::date[], $12::timestamptz[])
       ON CONFLICT (id) DO NOTHING`,
      columns(this.notifications, 12),
    );
    await this.tx.query(
      `INSERT INTO notification_outbox (notification_id, recipient, subject, body, status, skipped_because, next_attempt_at, created_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
       ON CONFLICT (notification_id) DO NOTHING`,
      columns(this.mails, 8),
    );
  }
}
