import { RecordedEvent } from './types';

const TICK = Symbol('tick');
const nextTick = (): Promise<typeof TICK> => new Promise((resolve) => setImmediate(() => resolve(TICK)));

/**
 * Groups a subscription's events into batches for one transaction or one send each: whatever has already arrived,
 * up to `max`, without waiting for more (a single live event goes out on its own at once).
 */
export async function* inBatches(events: AsyncIterable<RecordedEvent>, max: number): AsyncGenerator<RecordedEvent[]> {
  const iterator = events[Symbol.asyncIterator]();
  try {
    let pending = iterator.next();
    for (;;) {
      const first = await pending;
      if (first.done) return;
      const batch: RecordedEvent[] = [first.value];
      pending = iterator.next();
      while (batch.length < max) {
        const ready = await Promise.race([pending, nextTick()]);
        if (ready === TICK || ready.done) break;
        batch.push(ready.value);
        pending = iterator.next();
      }
      yield batch;
    }
  } finally {
    await iterator.return?.();
  }
}
