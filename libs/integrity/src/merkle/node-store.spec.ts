import fc from 'fast-check';
import { MemoryLedger } from '../../test/memory-ledger';
import { newNodesOnAppend } from './append';
import { buildConsistencyProof, buildInclusionProof, rootFromNodes } from './build';
import { leafHash, nodeHash } from './hash';
import { consistencyProofNodes, inclusionProofNodes, rootNodes, type NodeKey } from './plan';
import { codeOf } from '../../test/error-code';

// Leaves are hashed per test (beforeEach runs inside each test): hashed while the file loads they would make the hash
// code "static" to mutation testing.
let leaves: Buffer[];
beforeEach(() => {
  leaves = [0, 1, 2, 3].map((i) => leafHash(Buffer.from([i])));
});

/** The error's stable code, or 'no error'. */
describe('Appending leaves to the node store', () => {
  it('stores the leaf and every parent it completes, with their RFC 6962 hashes', () => {
    const ledger = new MemoryLedger();
    leaves.slice(0, 3).forEach((leaf) => ledger.appendHash(leaf));
    const nodes = newNodesOnAppend(3, leaves[3] as Buffer, ledger.lookup);
    const left = nodeHash(leaves[0] as Buffer, leaves[1] as Buffer);
    const right = nodeHash(leaves[2] as Buffer, leaves[3] as Buffer);
    expect(nodes.map((n) => [n.key, n.hash.toString('hex')])).toEqual([
      [{ level: 0, index: 3 }, (leaves[3] as Buffer).toString('hex')],
      [{ level: 1, index: 1 }, right.toString('hex')],
      [{ level: 2, index: 0 }, nodeHash(left, right).toString('hex')],
    ]);
  });

  it('stores only the leaf when it is a left child', () => {
    expect(newNodesOnAppend(4, leaves[0] as Buffer, () => undefined).map((n) => n.key)).toEqual([{ level: 0, index: 4 }]);
  });

  it('refuses to append when a left sibling is not stored (appends out of order)', () => {
    expect(codeOf(() => newNodesOnAppend(5, leaves[0] as Buffer, () => undefined))).toBe('MISSING_NODE');
  });

  it('refuses a leaf hash that is not 32 bytes and a negative index', () => {
    expect(codeOf(() => newNodesOnAppend(0, Buffer.alloc(31), () => undefined))).toBe('INVALID_HASH');
    expect(codeOf(() => newNodesOnAppend(-1, leaves[0] as Buffer, () => undefined))).toBe('INVALID_TREE_RANGE');
  });
});

describe('Assembling proofs and roots from stored nodes', () => {
  // Made per test (beforeEach runs inside the test), not in the describe body, which mutation testing counts as static.
  let ledger: MemoryLedger;
  beforeEach(() => {
    ledger = new MemoryLedger();
    leaves.forEach((leaf) => ledger.appendHash(leaf));
  });

  it('refuses a leaf outside the tree and a consistency proof that cannot exist', () => {
    expect(codeOf(() => buildInclusionProof(4, 4, ledger.lookup))).toBe('INVALID_TREE_RANGE');
    expect(codeOf(() => buildInclusionProof(0.5, 4, ledger.lookup))).toBe('INVALID_TREE_RANGE');
    expect(codeOf(() => buildConsistencyProof(0, 4, ledger.lookup))).toBe('INVALID_TREE_RANGE');
    expect(codeOf(() => buildConsistencyProof(3, 2, ledger.lookup))).toBe('INVALID_TREE_RANGE');
    expect(codeOf(() => rootFromNodes(-1, ledger.lookup))).toBe('INVALID_TREE_RANGE');
  });

  it('says which node is missing when the store lacks one', () => {
    expect(codeOf(() => buildInclusionProof(0, 5, ledger.lookup))).toBe('MISSING_NODE');
    expect(codeOf(() => rootFromNodes(5, ledger.lookup))).toBe('MISSING_NODE');
  });

  it('refuses a stored hash of the wrong length', () => {
    expect(codeOf(() => rootFromNodes(4, () => Buffer.alloc(16)))).toBe('INVALID_HASH');
  });

  it('gives an empty consistency proof between equal sizes', () => {
    expect(buildConsistencyProof(4, 4, ledger.lookup)).toEqual([]);
  });
});

describe('Planning which nodes a proof needs, for logs of any size', () => {
  const within =
    (size: number) =>
    (key: NodeKey): boolean =>
      (key.index + 1) * 2 ** key.level <= size;
  const bigSize = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

  it('only names complete subtrees inside the tree, about one per level', () => {
    fc.assert(
      fc.property(bigSize, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (size, where) => {
        const index = Math.floor(where * size);
        const keys = inclusionProofNodes(index, size);
        expect(keys.every(within(size))).toBe(true);
        expect(keys.length).toBeLessThanOrEqual(2 * 54);
        expect(rootNodes(size).every(within(size))).toBe(true);
        expect(consistencyProofNodes(Math.max(1, index), size).every(within(size))).toBe(true);
      }),
    );
  });

  it('lists the root nodes as the binary digits of the size', () => {
    expect(rootNodes(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(rootNodes(0)).toEqual([]);
  });
});
