import { DataSource } from 'typeorm';
import { caseIdOfStream, TransferEvent } from '@mutasi/domain';
import { Appender, AppendResult, EventStore, PostgresEventStore } from '@mutasi/event-store';
import { poolOf } from '@mutasi/platform';
import { applyClaims, undoClaims } from './claim-store';
import { claimsOf } from './claims';

/**
 * The transfer pipeline's append: the claims a command's events make (places, employee, decree number) are taken in
 * the same PostgreSQL transaction as the events, so exactly the free places are taken under any concurrency and a
 * refused claim leaves nothing behind. With KurrentDB (no shared transaction) the claims are taken first and undone
 * if the append fails; a crash between the two leaves a claim that the placement projection releases when the case
 * ends (see docs/architecture.md).
 */
export function guardedAppender(store: EventStore, db: DataSource): Appender<TransferEvent> {
  return async (streamId, events, expected, decided): Promise<AppendResult> => {
    const caseId = caseIdOfStream(streamId);
    const ops = caseId === null ? [] : claimsOf(caseId, decided);
    if (ops.length === 0) return store.append(streamId, events, expected);
    if (store instanceof PostgresEventStore) {
      const client = await poolOf(db).connect();
      try {
        await client.query('BEGIN');
        // The append is the transaction's first write, so its transaction id (the global order) is given after the
        // previous revision committed: claims first would let a later revision sort before an earlier one.
        const result = await store.appendUsing(client, streamId, events, expected);
        await applyClaims(client, ops);
        await client.query('COMMIT');
        store.announce();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
    const made = await db.transaction((tx) => applyClaims(tx, ops));
    try {
      return await store.append(streamId, events, expected);
    } catch (error) {
      await undoClaims(db, made);
      throw error;
    }
  };
}
