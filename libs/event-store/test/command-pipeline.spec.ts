import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  CommandPipeline,
  Decider,
  EventData,
  EventMapping,
  EventStore,
  ExpectedRevision,
  InMemoryEventStore,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@mutasi/event-store';
import { upcast } from '@mutasi/domain';

type Cmd = { type: 'Add'; amount: number } | { type: 'Noop' };
type Ev = { type: 'Added.v1'; data: { amount: number } };
type State = { total: number; adds: number };

const decider: Decider<Cmd, Ev, State> = {
  initialState: () => ({ total: 0, adds: 0 }),
  evolve: (s, e) => ({ total: s.total + e.data.amount, adds: s.adds + 1 }),
  decide: (c) => (c.type === 'Add' ? [{ type: 'Added.v1', data: { amount: c.amount } }] : []),
};
const mapping: EventMapping<Ev> = {
  toEventData: (e, eventId, envelope) => ({
    eventId,
    type: e.type,
    data: e.data,
    metadata: { commandId: envelope.commandId, correlationId: envelope.correlationId, causationId: envelope.causationId },
  }),
  fromRecorded: (r) => ({ type: 'Added.v1', data: { amount: Number((r.data as { amount: number }).amount) } }),
};
const envelope = (commandId = randomUUID(), expectedRevision?: number) => ({
  commandId,
  correlationId: commandId,
  causationId: commandId,
  ...(expectedRevision === undefined ? {} : { expectedRevision }),
});

/** The store with a count of its stream reads. */
function countingReads(inner: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
    readStream: (...args: Parameters<EventStore['readStream']>) => {
      reads += 1;
      return inner.readStream(...args);
    },
  });
  return { store, reads: () => reads };
}

describe('command pipeline', () => {
  it('reads, folds, decides and appends with the expected revision', async () => {
    const pipeline = new CommandPipeline(new InMemoryEventStore(), decider, mapping);
    await pipeline.handle('counter-1', { type: 'Add', amount: 2 }, envelope());
    const result = await pipeline.handle('counter-1', { type: 'Add', amount: 3 }, envelope());
    expect(result).toMatchObject({ revision: 1, idempotent: false, state: { total: 5, adds: 2 } });
    expect(result.events[0]?.metadata).toMatchObject({ causationId: expect.any(String), prevHash: expect.any(String) });
  });

  it('handles a retried command once: same command id, same events, nothing appended', async () => {
    const store = new InMemoryEventStore();
    const pipeline = new CommandPipeline(store, decider, mapping);
    const id = randomUUID();
    const first = await pipeline.handle('counter-2', { type: 'Add', amount: 2 }, envelope(id));
    const again = await pipeline.handle('counter-2', { type: 'Add', amount: 2 }, envelope(id));
    expect(again.idempotent).toBe(true);
    expect(again.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    expect(await store.readStream('counter-2')).toHaveLength(1);
  });

  it('refuses a stale If-Match revision without retrying', async () => {
    const store = new InMemoryEventStore();
    const pipeline = new CommandPipeline(store, decider, mapping);
    await pipeline.handle('counter-3', { type: 'Add', amount: 1 }, envelope());
    await pipeline.handle('counter-3', { type: 'Add', amount: 1 }, envelope());
    await expect(pipeline.handle('counter-3', { type: 'Add', amount: 1 }, envelope(randomUUID(), 0))).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream('counter-3')).toHaveLength(2);
  });

  it('retries after a concurrent writer won, deciding again on the new state', async () => {
    const pipeline = new CommandPipeline(new InMemoryEventStore(), decider, mapping);
    const results = await Promise.all(Array.from({ length: 5 }, () => pipeline.handle('counter-4', { type: 'Add', amount: 1 }, envelope())));
    expect(results.map((r) => r.revision).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives up after a bounded number of conflicts', async () => {
    const inner = new InMemoryEventStore();
    let appends = 0;
    const alwaysLosing: EventStore = Object.assign(Object.create(inner) as EventStore, {
      append: async (streamId: string, _events: readonly EventData[], expected: ExpectedRevision): Promise<AppendResult> => {
        appends += 1;
        throw new WrongExpectedRevisionError(streamId, expected, 99);
      },
    });
    const pipeline = new CommandPipeline(alwaysLosing, decider, mapping, 3);
    await expect(pipeline.handle('counter-5', { type: 'Add', amount: 1 }, envelope())).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(appends).toBe(3);
  });

  describe('a command that expects a new stream', () => {
    const fresh = (commandId = randomUUID()) => ({ ...envelope(commandId), expectsNewStream: true });

    it('creates it without reading it first', async () => {
      const { store, reads } = countingReads(new InMemoryEventStore());
      const result = await new CommandPipeline(store, decider, mapping).handle('new-1', { type: 'Add', amount: 4 }, fresh());
      expect(result).toMatchObject({ revision: 0, idempotent: false, state: { total: 4, adds: 1 } });
      expect(reads()).toBe(0);
    });

    it('decides on the stream as it is when the stream exists after all', async () => {
      const inner = new InMemoryEventStore();
      await new CommandPipeline(inner, decider, mapping).handle('new-2', { type: 'Add', amount: 1 }, envelope());
      const result = await new CommandPipeline(inner, decider, mapping).handle('new-2', { type: 'Add', amount: 2 }, fresh());
      expect(result).toMatchObject({ revision: 1, idempotent: false, state: { total: 3, adds: 2 } });
    });

    it('answers a retry of the same command with the whole stream, not only its own events', async () => {
      const inner = new InMemoryEventStore();
      const id = randomUUID();
      await new CommandPipeline(inner, decider, mapping).handle('new-3', { type: 'Add', amount: 5 }, fresh(id));
      await new CommandPipeline(inner, decider, mapping).handle('new-3', { type: 'Add', amount: 1 }, envelope());
      const again = await new CommandPipeline(inner, decider, mapping).handle('new-3', { type: 'Add', amount: 5 }, fresh(id));
      expect(again).toMatchObject({ idempotent: true, revision: 1, state: { total: 6, adds: 2 } });
      expect(await inner.readStream('new-3')).toHaveLength(2);
    });

    it('gives the refusal of the stream as it is, not of an empty one', async () => {
      const refusesEmpty: Decider<Cmd, Ev, State> = {
        ...decider,
        decide: (c, s) => {
          if (s.adds === 0 && c.type === 'Add' && c.amount > 10) throw new Error('too much for an empty counter');
          return decider.decide(c, s);
        },
      };
      const inner = new InMemoryEventStore();
      await new CommandPipeline(inner, decider, mapping).handle('new-4', { type: 'Add', amount: 1 }, envelope());
      const result = await new CommandPipeline(inner, refusesEmpty, mapping).handle('new-4', { type: 'Add', amount: 20 }, fresh());
      expect(result).toMatchObject({ revision: 1, state: { total: 21 } });
    });
  });

  describe('a stream this process has seen', () => {
    it('is decided on its remembered state without a read', async () => {
      const { store, reads } = countingReads(new InMemoryEventStore());
      const pipeline = new CommandPipeline(store, decider, mapping);
      await pipeline.handle('seen-1', { type: 'Add', amount: 1 }, envelope());
      const before = reads();
      const result = await pipeline.handle('seen-1', { type: 'Add', amount: 2 }, envelope());
      expect(result).toMatchObject({ revision: 1, state: { total: 3, adds: 2 } });
      expect(reads()).toBe(before);
    });

    it('is read again and decided anew when another process appended in the meantime', async () => {
      const inner = new InMemoryEventStore();
      const here = new CommandPipeline(inner, decider, mapping);
      await here.handle('seen-2', { type: 'Add', amount: 1 }, envelope());
      await new CommandPipeline(inner, decider, mapping).handle('seen-2', { type: 'Add', amount: 10 }, envelope());
      const result = await here.handle('seen-2', { type: 'Add', amount: 100 }, envelope());
      expect(result).toMatchObject({ revision: 2, state: { total: 111, adds: 3 } });
      expect((await inner.readStream('seen-2')).map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('answers a command another process already handled on it as handled, with the whole stream', async () => {
      const inner = new InMemoryEventStore();
      const here = new CommandPipeline(inner, decider, mapping);
      await here.handle('seen-3', { type: 'Add', amount: 1 }, envelope());
      const id = randomUUID();
      await new CommandPipeline(inner, decider, mapping).handle('seen-3', { type: 'Add', amount: 7 }, envelope(id));
      const again = await here.handle('seen-3', { type: 'Add', amount: 7 }, envelope(id));
      expect(again).toMatchObject({ idempotent: true, revision: 1, state: { total: 8 } });
      expect(await inner.readStream('seen-3')).toHaveLength(2);
    });
  });

  it('appends nothing when the decider decides nothing', async () => {
    const store = new InMemoryEventStore();
    const result = await new CommandPipeline(store, decider, mapping).handle('counter-6', { type: 'Noop' }, envelope());
    expect(result).toMatchObject({ events: [], revision: -1 });
    expect(await store.readStream('counter-6')).toEqual([]);
  });
});

describe('upcasters', () => {
  it('reads an old event version as the newest without rewriting what is stored', () => {
    const stored = {
      streamId: 's',
      revision: 0,
      eventId: 'e',
      type: 'Added.v1',
      data: { amount: 2 },
      metadata: { prevHash: '', hash: '' },
      globalPosition: '',
    } as unknown as RecordedEvent;
    const read = upcast(stored, [
      { fromType: 'Added.v1', toType: 'Added.v2', upcast: (d) => ({ ...d, currency: 'IDR' }) },
      { fromType: 'Added.v2', toType: 'Added.v3', upcast: (d) => ({ ...d, amount: Number(d.amount) * 100 }) },
    ]);
    expect(read).toMatchObject({ type: 'Added.v3', data: { amount: 200, currency: 'IDR' } });
    expect(stored.type).toBe('Added.v1');
  });
});
