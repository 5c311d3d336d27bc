import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, verifyStreamChain } from '@mutasi/integrity';
import { DuplicateEventIdError, EventData, EventRejectedError, EventStore, GlobalPosition, RecordedEvent, WrongExpectedRevisionError } from '@mutasi/event-store';

/** How a contract run gets a fresh, empty store, and gives it back. */
export interface StoreFixture {
  readonly store: EventStore;
  dispose(): Promise<void>;
}

const event = (type = 'SomethingHappened.v1', data: Record<string, unknown> = { n: 1 }): EventData => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { caseId: 'c', actor: { id: 'u1' } },
});
const events = (n: number, prefix = 'Step'): EventData[] => Array.from({ length: n }, (_, i) => event(`${prefix}${i}Done.v1`, { i }));
const stream = (): string => `test-${randomUUID()}`;

async function take(iterable: AsyncIterable<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  if (count === 0) return out;
  for await (const e of iterable) {
    out.push(e);
    if (out.length === count) break;
  }
  return out;
}

/**
 * The contract every EventStore adapter must pass (PostgreSQL, KurrentDB, in-memory): optimistic concurrency,
 * idempotency, ordering, read-all, catch-up subscriptions, the hash chain, and refusal of bad events.
 */
export function eventStoreContract(name: string, fixture: () => Promise<StoreFixture>, capabilities: { globalEventIdIndex: boolean } = { globalEventIdIndex: true }): void {
  describe(`EventStore contract: ${name}`, () => {
    let f: StoreFixture;
    let store: EventStore;
    beforeAll(async () => {
      f = await fixture();
      store = f.store;
    });
    afterAll(async () => f.dispose());

    it('appends to a new stream and reads it back in revision order', async () => {
      const id = stream();
      const result = await store.append(id, events(3), 'no_stream');
      expect(result).toMatchObject({ nextExpectedRevision: 2, idempotent: false });
      const read = await store.readStream(id);
      expect(read.map((e) => [e.revision, e.type])).toEqual([
        [0, 'Step0Done.v1'],
        [1, 'Step1Done.v1'],
        [2, 'Step2Done.v1'],
      ]);
      expect(read.map((e) => e.data)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('checks the expected revision: no stream, exact, any', async () => {
      const id = stream();
      await store.append(id, events(2), 'no_stream');
      await expect(store.append(id, events(1), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(id, events(1), 0)).rejects.toMatchObject({ code: 'STREAM_REVISION_CONFLICT', actual: 1 });
      await expect(store.append(stream(), events(1), 3)).rejects.toMatchObject({ actual: 'no_stream' });
      expect((await store.append(id, events(1), 1)).nextExpectedRevision).toBe(2);
      expect((await store.append(id, events(2), 'any')).nextExpectedRevision).toBe(4);
      expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    });

    it('lets exactly one of many concurrent appends at the same revision win', async () => {
      const id = stream();
      await store.append(id, events(1), 'no_stream');
      const attempts = await Promise.allSettled(Array.from({ length: 12 }, () => store.append(id, events(2), 0)));
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const losers = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(losers).toHaveLength(11);
      for (const l of losers) expect(l.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(id)).toHaveLength(3);
    });

    it('lets exactly one of many concurrent appends that expect no stream create it', async () => {
      const id = stream();
      const attempts = await Promise.allSettled(Array.from({ length: 12 }, () => store.append(id, events(3), 'no_stream')));
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      for (const l of attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected')) expect(l.reason).toMatchObject({ code: 'STREAM_REVISION_CONFLICT', actual: 2 });
      expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('treats a repeated append of the same event ids as done, appending nothing', async () => {
      const id = stream();
      const batch = events(2);
      const first = await store.append(id, batch, 'no_stream');
      const again = await store.append(id, batch, 'no_stream');
      expect(again.idempotent).toBe(true);
      expect(again.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
      expect(again.events.map((e) => e.metadata.hash)).toEqual(first.events.map((e) => e.metadata.hash));
      const retriedWithOtherExpectation = await store.append(id, batch, 'any');
      expect(retriedWithOtherExpectation.idempotent).toBe(true);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('refuses an event id mixed with new events in a retry', async () => {
      const id = stream();
      const batch = events(2);
      await store.append(id, batch, 'no_stream');
      await expect(store.append(id, [batch[1] as EventData, event()], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    if (capabilities.globalEventIdIndex) {
      it('refuses an event id reused in another stream (backends with a global event id index)', async () => {
        const batch = events(1);
        await store.append(stream(), batch, 'no_stream');
        await expect(store.append(stream(), batch, 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      });
    }

    it('sets the per-stream hash chain at append, whatever the client put in metadata', async () => {
      const id = stream();
      const forged = { ...event(), metadata: { prevHash: 'f'.repeat(64), hash: 'e'.repeat(64), caseId: 'x' } };
      await store.append(id, [forged], 'no_stream');
      await store.append(id, events(3), 0);
      const read = await store.readStream(id);
      expect(read[0]?.metadata.prevHash).toBe(GENESIS_HASH);
      expect(read[1]?.metadata.prevHash).toBe(read[0]?.metadata.hash);
      expect(verifyStreamChain(read, { expectFromStart: true })).toEqual([]);
      const tampered = read.map((e, i) => (i === 2 ? { ...e, data: { i: 99 } } : e));
      expect(verifyStreamChain(tampered, { expectFromStart: true })[0]).toMatchObject({ revision: 2, code: 'HASH_MISMATCH' });
    });

    it('keeps per-stream and global order in read-all, across streams, page by page', async () => {
      const start = await store.headPosition();
      const [a, b] = [stream(), stream()];
      await store.append(a, events(2, 'A'), 'no_stream');
      await store.append(b, events(1, 'B'), 'no_stream');
      await store.append(a, events(2, 'C'), 1);
      const last = await store.append(b, events(2, 'D'), 0);
      const seen = await readAllThrough(store, start, last.events.at(-1)?.globalPosition as GlobalPosition, 2);
      const mine = seen.filter((e) => e.streamId === a || e.streamId === b);
      expect(mine.map((e) => e.type)).toEqual(['A0Done.v1', 'A1Done.v1', 'B0Done.v1', 'C0Done.v1', 'C1Done.v1', 'D0Done.v1', 'D1Done.v1']);
      const positions = seen.map((e) => e.globalPosition);
      expect([...positions].sort()).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
    });

    it('delivers a catch-up subscription in order, then switches to live', async () => {
      const before = await store.headPosition();
      const id = stream();
      await store.append(id, events(3), 'no_stream');
      const controller = new AbortController();
      const subscription = store.subscribeToAll({ after: before, batchSize: 2, signal: controller.signal });
      const iterator = subscription[Symbol.asyncIterator]();
      const caughtUp: RecordedEvent[] = [];
      for (let i = 0; i < 3; i += 1) caughtUp.push((await iterator.next()).value as RecordedEvent);
      expect(caughtUp.map((e) => e.revision)).toEqual([0, 1, 2]);
      const live = iterator.next();
      await store.append(id, events(2, 'Live'), 2);
      const next = [(await live).value as RecordedEvent, (await iterator.next()).value as RecordedEvent];
      expect(next.map((e) => [e.streamId, e.type])).toEqual([
        [id, 'Live0Done.v1'],
        [id, 'Live1Done.v1'],
      ]);
      controller.abort();
      await iterator.return?.();
    });

    it('knows its head: the position of the newest event appended', async () => {
      const result = await store.append(stream(), events(2), 'no_stream');
      expect(await store.headPosition()).toBe(result.events.at(-1)?.globalPosition);
    });

    it('ends a subscription when its signal aborts', async () => {
      const controller = new AbortController();
      const after = await store.headPosition();
      const pending = take(store.subscribeToAll({ after, signal: controller.signal }), 1);
      controller.abort();
      expect(await pending).toEqual([]);
    });

    it('refuses malformed events with a clear error and appends nothing', async () => {
      const id = stream();
      const bad: [Partial<EventData> & Record<string, unknown>, string][] = [
        [{ ...event(), eventId: 'not-a-uuid' }, 'eventId'],
        [{ ...event(), type: 'somethingHappened' }, 'type'],
        [{ ...event(), data: { text: 'a\u0000b' } }, 'data'],
        [{ ...event(), data: { n: Number.NaN } }, 'data'],
        [{ ...event(), data: { s: '\ud800' } }, 'data'],
        [{ ...event(), data: [] as unknown as Record<string, unknown> }, 'data'],
        [{ ...event(), metadata: null as unknown as Record<string, unknown> }, 'metadata'],
      ];
      for (const [candidate, field] of bad) {
        const attempt = store.append(id, [candidate as EventData], 'any');
        await expect(attempt).rejects.toBeInstanceOf(EventRejectedError);
        await expect(attempt).rejects.toMatchObject({ code: 'EVENT_MALFORMED', field });
      }
      await expect(store.append('$system', events(1), 'any')).rejects.toMatchObject({ field: 'streamId' });
      await expect(store.append(id, [], 'any')).rejects.toBeInstanceOf(EventRejectedError);
      expect(await store.readStream(id)).toEqual([]);
    });

    it('refuses an oversized event and an oversized batch', async () => {
      const id = stream();
      await expect(store.append(id, [event('Big.v1', { blob: 'x'.repeat(300 * 1024) })], 'any')).rejects.toMatchObject({ code: 'EVENT_TOO_LARGE' });
      await expect(store.append(id, events(101), 'any')).rejects.toMatchObject({ code: 'BATCH_TOO_LARGE' });
      expect(await store.readStream(id)).toEqual([]);
    });
  });
}

/** Every event after `after`, following pages, as far as the store hands them out now. */
export async function readAllFrom(store: EventStore, after: RecordedEvent['globalPosition']): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let position = after;
  for (;;) {
    const page = await store.readAll({ after: position, limit: 1000 });
    if (page.events.length === 0) return out;
    out.push(...page.events);
    position = page.nextPosition;
  }
}

/**
 * Every event after `after` up to and including `through`, in pages of `limit`. PostgreSQL hands out only what
 * committed before every running transaction of the cluster (another suite's open transaction holds the reader
 * back), so an empty page before `through` is waited out, within a bound, instead of taken as the end.
 */
export async function readAllThrough(store: EventStore, after: GlobalPosition, through: GlobalPosition, limit = 1000): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  const deadline = Date.now() + 20_000;
  for (let position = after; position < through;) {
    const page = await store.readAll({ after: position, limit });
    out.push(...page.events);
    position = page.nextPosition;
    if (page.events.length > 0) continue;
    if (Date.now() > deadline) throw new Error(`read-all stopped at ${position}, before ${through}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return out;
}
