import { StreamHead } from '../hash-chain';

/**
 * The last revision and hash of recently used streams, so an append after a read needs no extra round trip. A
 * stale entry only costs a conflict and a re-read: the INSERT itself checks the revision.
 */
export class HeadCache {
  private readonly entries = new Map<string, StreamHead>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): StreamHead | undefined {
    const head = this.entries.get(streamId);
    if (head) {
      this.entries.delete(streamId);
      this.entries.set(streamId, head);
    }
    return head;
  }

  set(streamId: string, head: StreamHead): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, head);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }
}
