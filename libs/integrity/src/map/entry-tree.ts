import { toBase64 } from '../encoding';
import { IntegrityError } from '../errors';
import { emptyRoot, leafHash, nodeHash } from '../merkle/hash';
import { buildInclusionProof, rootFromNodes } from '../merkle/build';
import { compareEntries } from './entries';

/** A map leaf with its RFC 6962 inclusion proof (base64) in the map's tree. */
export interface MapLeafProof {
  readonly index: number;
  /** The entry's exact text. */
  readonly entry: string;
  readonly proof: readonly string[];
}

/** What a checkpoint says of a map: how many entries, and the root of their tree. */
export interface MapRoot {
  readonly count: number;
  readonly root: Buffer;
}

/**
 * The RFC 6962 tree over a map's entries, held in memory as its perfect subtrees (about 2 hashes per entry), so the
 * root and any inclusion proof come without rehashing. Entries must be strictly increasing in byte order.
 */
export class EntryTree {
  private readonly levels: Buffer[][];

  private constructor(readonly entries: readonly string[]) {
    const level0 = entries.map((e) => leafHash(Buffer.from(e, 'utf8')));
    this.levels = [level0];
    for (let below = level0; below.length > 1;) {
      const up: Buffer[] = [];
      for (let i = 0; i + 1 < below.length; i += 2) up.push(nodeHash(below[i] as Buffer, below[i + 1] as Buffer));
      this.levels.push(up);
      below = up;
    }
  }

  /** @throws IntegrityError `MAP_UNSORTED` when the entries are not strictly increasing */
  static of(entries: readonly string[]): EntryTree {
    for (let i = 1; i < entries.length; i += 1) {
      if (compareEntries(entries[i - 1] as string, entries[i] as string) >= 0) throw new IntegrityError('MAP_UNSORTED', `map entry ${i} is not after entry ${i - 1} in byte order`);
    }
    return new EntryTree(entries);
  }

  /** Sorts the entries (byte order) and builds the tree. */
  static sorted(entries: string[]): EntryTree {
    return EntryTree.of(entries.sort(compareEntries));
  }

  get count(): number {
    return this.entries.length;
  }

  mapRoot(): MapRoot {
    return { count: this.count, root: this.count === 0 ? emptyRoot() : rootFromNodes(this.count, this.lookup()) };
  }

  /** The entry at `index` with its inclusion proof. */
  proof(index: number): MapLeafProof {
    const entry = this.entries[index];
    if (entry === undefined) throw new IntegrityError('MAP_INDEX', `map has no entry ${index}`);
    return { index, entry, proof: buildInclusionProof(index, this.count, this.lookup()).map(toBase64) };
  }

  /** Index of the first entry not before `probe` in byte order (binary search). */
  lowerBound(probe: string): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(this.entries[mid] as string, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lookup() {
    return (key: { level: number; index: number }): Buffer | undefined => this.levels[key.level]?.[key.index];
  }
}
