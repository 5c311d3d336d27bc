import { catchUpSubscription, GlobalPosition, positionOf, ReadAllPage, RecordedEvent, START } from '@mutasi/event-store';

function fakeEvents(n: number): RecordedEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    streamId: 's',
    revision: i,
    eventId: `e${i}`,
    type: 'T.v1',
    data: {},
    metadata: { prevHash: '', hash: '' },
    globalPosition: positionOf(BigInt(i + 1), 0n),
  }));
}

describe('catch-up subscription', () => {
  it('applies backpressure: reads a page only when the consumer has taken the previous one', async () => {
    const all = fakeEvents(50);
    const reads: GlobalPosition[] = [];
    const readAll = async (after: GlobalPosition, limit: number): Promise<ReadAllPage> => {
      reads.push(after);
      const events = all.filter((e) => e.globalPosition > after).slice(0, limit);
      return { events, nextPosition: events.at(-1)?.globalPosition ?? after };
    };
    const iterator = catchUpSubscription(readAll, async () => undefined, { batchSize: 5 })[Symbol.asyncIterator]();
    for (let i = 0; i < 5; i += 1) await iterator.next();
    expect(reads).toEqual([START]);
    await iterator.next();
    expect(reads).toHaveLength(2);
    await iterator.return(undefined);
  });

  it('waits for news only when caught up, and resumes from where it stopped', async () => {
    const all = fakeEvents(3);
    let waits = 0;
    const readAll = async (after: GlobalPosition): Promise<ReadAllPage> => {
      const events = all.filter((e) => e.globalPosition > after);
      return { events, nextPosition: events.at(-1)?.globalPosition ?? after };
    };
    const controller = new AbortController();
    const iterator = catchUpSubscription(
      readAll,
      async () => {
        waits += 1;
        all.push(...fakeEvents(5).slice(3));
      },
      { batchSize: 10, signal: controller.signal },
    )[Symbol.asyncIterator]();
    const got: string[] = [];
    for (let i = 0; i < 5; i += 1) got.push(((await iterator.next()).value as RecordedEvent).eventId);
    expect(got).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(waits).toBe(1);
    controller.abort();
    await iterator.return(undefined);
  });
});
