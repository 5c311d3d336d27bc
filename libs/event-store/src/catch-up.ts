import { GlobalPosition, START } from './position';
import { ReadAllPage, RecordedEvent, SubscribeOptions } from './types';

/**
 * Resolves when new events may be available (a notification, or a poll interval as a safety net), or when the
 * signal aborts. Implementations must not miss a wake-up that happens between two waits.
 */
export type WaitForNews = (signal: AbortSignal | undefined) => Promise<void>;

/**
 * A catch-up subscription over `readAll`: pages through history, then waits for news and reads on. It is a pull
 * iterator: the next page is read only when the consumer has taken the previous events (backpressure).
 */
export async function* catchUpSubscription(
  readAll: (after: GlobalPosition, limit: number) => Promise<ReadAllPage>,
  waitForNews: WaitForNews,
  options: SubscribeOptions = {},
): AsyncGenerator<RecordedEvent> {
  let after = options.after ?? START;
  const batch = options.batchSize ?? 500;
  const { signal } = options;
  while (!signal?.aborted) {
    const page = await readAll(after, batch);
    for (const event of page.events) {
      if (signal?.aborted) return;
      yield event;
    }
    after = page.nextPosition;
    if (page.events.length < batch) await waitForNews(signal);
  }
}

/** A wake-up latch: `notify()` releases current and the next waiter, so a notification between waits is not lost. */
export class NewsLatch {
  private pending = false;
  private waiters: (() => void)[] = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    if (waiters.length === 0) this.pending = true;
    waiters.forEach((wake) => wake());
  }

  /** Waits for a notification, `maxWaitMs` at most, or the signal. */
  wait(signal: AbortSignal | undefined, maxWaitMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.push(done);
    });
  }
}
