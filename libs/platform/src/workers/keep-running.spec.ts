import { keepRunning } from './keep-running';

describe('keepRunning', () => {
  it('starts the loop again after a failure, logging why, until the signal aborts', async () => {
    const stop = new AbortController();
    const warnings: string[] = [];
    let runs = 0;
    await keepRunning(
      'feed',
      stop.signal,
      async () => {
        runs += 1;
        if (runs < 3) throw new Error(`broken ${runs}`);
        stop.abort();
      },
      (line) => warnings.push(line),
      1,
    );
    expect(runs).toBe(3);
    expect(warnings).toEqual(['feed stopped, restarting in 1 ms: Error: broken 1', 'feed stopped, restarting in 1 ms: Error: broken 2']);
  });

  it('ends at once when aborted during the pause, without waiting it out', async () => {
    const stop = new AbortController();
    const finished = keepRunning(
      'relay',
      stop.signal,
      async () => {
        throw new Error('down');
      },
      () => stop.abort(),
      3_600_000,
    );
    await expect(finished).resolves.toBeUndefined();
  });

  it('does not log a failure caused by the abort itself', async () => {
    const stop = new AbortController();
    const warnings: string[] = [];
    await keepRunning(
      'scheduler',
      stop.signal,
      async () => {
        stop.abort();
        throw new Error('aborted');
      },
      (line) => warnings.push(line),
    );
    expect(warnings).toEqual([]);
  });
});
