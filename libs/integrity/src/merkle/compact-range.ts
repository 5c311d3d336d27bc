import { emptyRoot, nodeHash } from './hash';

/**
 * A Merkle tree grown leaf by leaf that keeps only the right edge: one hash per level, like the carry of a binary
 * counter. Gives the RFC 6962 root of the leaves so far in O(log n) memory.
 */
export class CompactRange {
  private readonly levels: (Buffer | undefined)[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  append(leafHash: Uint8Array): void {
    let hash: Buffer = Buffer.from(leafHash);
    let level = 0;
    for (let n = this.count; n % 2 === 1; n = Math.floor(n / 2)) {
      hash = nodeHash(this.levels[level] as Buffer, hash);
      this.levels[level] = undefined;
      level += 1;
    }
    this.levels[level] = hash;
    this.count += 1;
  }

  /** RFC 6962 root of every leaf appended so far (the subtrees folded from the smallest, rightmost one). */
  root(): Buffer {
    let root: Buffer | undefined;
    for (const hash of this.levels) {
      if (hash === undefined) continue;
      root = root === undefined ? hash : nodeHash(hash, root);
    }
    return root ?? emptyRoot();
  }
}
