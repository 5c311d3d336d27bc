/** Waits `ms` (a back-off before a retry), or less when `signal` aborts first. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return void setTimeout(resolve, ms);
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Keeps a background loop (a projection following the store, the relay, a feed) alive until `signal` aborts: a
 * failure is logged and the loop starts again after `pauseMs`, a pause that an abort cuts short so shutdown never
 * waits for it.
 */
export async function keepRunning(what: string, signal: AbortSignal, loop: () => Promise<void>, warn: (line: string) => void, pauseMs = 1_000): Promise<void> {
  while (!signal.aborted) {
    try {
      await loop();
    } catch (error) {
      if (signal.aborted) return;
      warn(`${what} stopped, restarting in ${pauseMs} ms: ${String(error)}`);
      await pause(pauseMs, signal);
    }
  }
}
