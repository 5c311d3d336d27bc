/**
 * One task at a time per key, in arrival order; different keys run side by side. The witness runs each
 * add-checkpoint of one log through it, so checking the old size and saving the new checkpoint are one step: two
 * requests can never both pass the check against the same stored size (the rollback race of c2sp.org/tlog-witness).
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `task` once every earlier task of `key` has finished (whether it succeeded or failed). */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
