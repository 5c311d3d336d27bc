/** A case's folded state at a revision, with the command ids already handled on it (for idempotent retries). */
export interface CachedState<S> {
  readonly state: S;
  readonly revision: number;
  readonly commandIds: ReadonlySet<string>;
}

/**
 * The most recently used streams' folded states, so a command reads only the events appended since (usually none).
 * Safe because events never change: a stale entry only means a few more events to read.
 */
export class StateCache<S> {
  private readonly entries = new Map<string, CachedState<S>>();

  constructor(private readonly capacity = 2_000) {}

  get(streamId: string): CachedState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, entry: CachedState<S>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
