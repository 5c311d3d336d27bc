/**
 * Test support: an in-memory ledger that keeps only perfect-subtree hashes, the way audit-service stores them,
 * plus a naive RFC 6962 reference that works from all leaves, to check the node-based functions against.
 */
import { buildConsistencyProof, buildInclusionProof, leafHash, newNodesOnAppend, nodeHash, nodeKeyString, rootFromNodes, type NodeKey } from '../src';

/** Perfect-subtree hashes in a Map, appended with newNodesOnAppend like the ledger table. */
export class MemoryLedger {
  readonly nodes = new Map<string, Buffer>();
  readonly lookups: NodeKey[] = [];
  size = 0;

  /** Appends leaf data and stores the nodes that became complete. */
  appendData(data: Uint8Array): void {
    this.appendHash(leafHash(data));
  }

  /** Appends a leaf hash and stores the nodes that became complete. */
  appendHash(hash: Buffer): void {
    for (const node of newNodesOnAppend(this.size, hash, this.lookup)) this.nodes.set(nodeKeyString(node.key), node.hash);
    this.size += 1;
  }

  /** Records every key asked for, so tests can compare with the planning functions. */
  readonly lookup = (key: NodeKey): Buffer | undefined => {
    this.lookups.push(key);
    return this.nodes.get(nodeKeyString(key));
  };

  /** Root at any size up to the current one, from stored nodes. */
  root(treeSize = this.size): Buffer {
    return rootFromNodes(treeSize, this.lookup);
  }

  /** Inclusion proof from stored nodes. */
  inclusionProof(leafIndex: number, treeSize = this.size): Buffer[] {
    return buildInclusionProof(leafIndex, treeSize, this.lookup);
  }

  /** Consistency proof from stored nodes. */
  consistencyProof(size1: number, size2 = this.size): Buffer[] {
    return buildConsistencyProof(size1, size2, this.lookup);
  }
}

/** RFC 6962 MTH(D[n]) straight from the definition. */
export function referenceRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0] as Buffer;
  const k = split(leaves.length);
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]) straight from the definition. */
export function referenceInclusionProof(m: number, leaves: readonly Buffer[]): Buffer[] {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...referenceInclusionProof(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k))]
    : [...referenceInclusionProof(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) straight from the definition. */
export function referenceConsistencyProof(m: number, leaves: readonly Buffer[]): Buffer[] {
  return subproof(m, leaves, true);
}

function subproof(m: number, leaves: readonly Buffer[], complete: boolean): Buffer[] {
  if (m === leaves.length) return complete ? [] : [referenceRoot(leaves)];
  const k = split(leaves.length);
  return m <= k ? [...subproof(m, leaves.slice(0, k), complete), referenceRoot(leaves.slice(k))] : [...subproof(m - k, leaves.slice(k), false), referenceRoot(leaves.slice(0, k))];
}

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A copy of the proof (or hash) with one bit flipped. */
export function flipBit(hashes: readonly Buffer[], hashIndex: number, bit: number): Buffer[] {
  return hashes.map((h, i) => {
    if (i !== hashIndex) return h;
    const copy = Buffer.from(h);
    copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
    return copy;
  });
}
