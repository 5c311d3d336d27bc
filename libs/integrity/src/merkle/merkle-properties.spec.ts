import fc from 'fast-check';
import { flipBit, MemoryLedger, referenceConsistencyProof, referenceInclusionProof, referenceRoot } from '../../test/memory-ledger';
import { leafHash, rootFromLeafHashes } from './hash';
import { consistencyProofNodes, inclusionProofNodes, rootNodes } from './plan';
import { verifyConsistency, verifyInclusion } from './verify';

/** A tree of 1..300 distinct leaves, built by appending to a node store. */
const treeArb = fc.record({ size: fc.integer({ min: 1, max: 300 }), salt: fc.string({ maxLength: 8 }) }).map(({ size, salt }) => {
  const leaves = Array.from({ length: size }, (_, i) => leafHash(Buffer.from(`${salt}/${i}`)));
  const ledger = new MemoryLedger();
  leaves.forEach((leaf) => ledger.appendHash(leaf));
  return { leaves, ledger };
});

/** A tree and a leaf index in it. */
const leafInTreeArb = treeArb.chain((tree) => fc.record({ tree: fc.constant(tree), index: fc.nat({ max: tree.leaves.length - 1 }) }));

/** A tree and an earlier size 1..n of it. */
const prefixOfTreeArb = treeArb.chain((tree) => fc.record({ tree: fc.constant(tree), size1: fc.integer({ min: 1, max: tree.leaves.length }) }));

const hex = (hashes: readonly Buffer[]): string[] => hashes.map((h) => h.toString('hex'));

describe('Merkle ledger kept as perfect-subtree hashes', () => {
  it('gives the same root from stored nodes as from all leaves, at every size', () => {
    fc.assert(
      fc.property(prefixOfTreeArb, ({ tree, size1 }) => {
        const fromLeaves = rootFromLeafHashes(tree.leaves.slice(0, size1));
        expect(tree.ledger.root(size1).equals(fromLeaves)).toBe(true);
        expect(fromLeaves.equals(referenceRoot(tree.leaves.slice(0, size1)))).toBe(true);
      }),
    );
  });

  it('stores exactly 2N − popcount(N) nodes for N leaves', () => {
    fc.assert(
      fc.property(treeArb, ({ leaves, ledger }) => {
        const popcount = leaves.length.toString(2).replace(/0/g, '').length;
        expect(ledger.nodes.size).toBe(2 * leaves.length - popcount);
      }),
    );
  });

  it('looks up exactly the nodes the planning functions list', () => {
    fc.assert(
      fc.property(leafInTreeArb, fc.nat(), ({ tree, index }, pick) => {
        const { ledger, leaves } = tree;
        const size1 = 1 + (pick % leaves.length);
        const asKeys = (run: () => unknown): string[] => {
          ledger.lookups.length = 0;
          run();
          return ledger.lookups.map((k) => `${k.level}:${k.index}`);
        };
        const keys = (list: { level: number; index: number }[]): string[] => list.map((k) => `${k.level}:${k.index}`);
        expect(asKeys(() => ledger.inclusionProof(index))).toEqual(keys(inclusionProofNodes(index, leaves.length)));
        expect(asKeys(() => ledger.consistencyProof(size1))).toEqual(keys(consistencyProofNodes(size1, leaves.length)));
        expect(asKeys(() => ledger.root())).toEqual(keys(rootNodes(leaves.length)));
      }),
    );
  });
});

describe('RFC 6962 inclusion proofs', () => {
  it('builds from stored nodes the same bytes as RFC 9162 PATH over all leaves, and they verify', () => {
    fc.assert(
      fc.property(leafInTreeArb, ({ tree, index }) => {
        const proof = tree.ledger.inclusionProof(index);
        expect(hex(proof)).toEqual(hex(referenceInclusionProof(index, tree.leaves)));
        const claim = { leafIndex: index, treeSize: tree.leaves.length, leafHash: tree.leaves[index] as Buffer, proof, root: tree.ledger.root() };
        expect(verifyInclusion(claim)).toEqual({ ok: true });
      }),
    );
  });

  it('refuses a proof or root with any single bit flipped', () => {
    fc.assert(
      fc.property(leafInTreeArb, fc.nat(), fc.nat({ max: 255 }), ({ tree, index }, which, bit) => {
        const proof = tree.ledger.inclusionProof(index);
        const root = tree.ledger.root();
        const base = { leafIndex: index, treeSize: tree.leaves.length, leafHash: tree.leaves[index] as Buffer };
        const [flippedRoot] = flipBit([root], 0, bit);
        expect(verifyInclusion({ ...base, proof, root: flippedRoot as Buffer }).ok).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion({ ...base, proof: flipBit(proof, which % proof.length, bit), root }).ok).toBe(false);
        }
        expect(verifyInclusion({ ...base, leafHash: flipBit([base.leafHash], 0, bit)[0] as Buffer, proof, root }).ok).toBe(false);
      }),
    );
  });

  // (Not the tree size: for some leaves, sizes n and n+1 take the same path, which is why the signed root, and
  // not the proof, binds the size.)
  it('refuses the proof of a leaf when it is claimed at another index', () => {
    fc.assert(
      fc.property(leafInTreeArb, fc.nat(), ({ tree, index }, shift) => {
        const n = tree.leaves.length;
        const other = (index + 1 + (shift % n)) % (n + 1);
        fc.pre(other !== index);
        const proof = tree.ledger.inclusionProof(index);
        const claim = { leafIndex: other, treeSize: n, leafHash: tree.leaves[index] as Buffer, proof, root: tree.ledger.root() };
        expect(verifyInclusion(claim).ok).toBe(false);
      }),
    );
  });
});

describe('RFC 6962 consistency proofs', () => {
  it('builds from stored nodes the same bytes as RFC 9162 PROOF over all leaves, and they verify', () => {
    fc.assert(
      fc.property(prefixOfTreeArb, ({ tree, size1 }) => {
        const proof = tree.ledger.consistencyProof(size1);
        expect(hex(proof)).toEqual(hex(referenceConsistencyProof(size1, tree.leaves)));
        const claim = { size1, size2: tree.leaves.length, root1: tree.ledger.root(size1), root2: tree.ledger.root(), proof };
        expect(verifyConsistency(claim)).toEqual({ ok: true });
      }),
    );
  });

  it('refuses a proof or either root with any single bit flipped', () => {
    fc.assert(
      fc.property(prefixOfTreeArb, fc.nat(), fc.nat({ max: 255 }), ({ tree, size1 }, which, bit) => {
        const proof = tree.ledger.consistencyProof(size1);
        const claim = { size1, size2: tree.leaves.length, root1: tree.ledger.root(size1), root2: tree.ledger.root(), proof };
        expect(verifyConsistency({ ...claim, root1: flipBit([claim.root1], 0, bit)[0] as Buffer }).ok).toBe(false);
        expect(verifyConsistency({ ...claim, root2: flipBit([claim.root2], 0, bit)[0] as Buffer }).ok).toBe(false);
        if (proof.length > 0) {
          expect(verifyConsistency({ ...claim, proof: flipBit(proof, which % proof.length, bit) }).ok).toBe(false);
        }
      }),
    );
  });

  it('refuses a proof with a hash added or removed', () => {
    fc.assert(
      fc.property(prefixOfTreeArb, ({ tree, size1 }) => {
        const proof = tree.ledger.consistencyProof(size1);
        const claim = { size1, size2: tree.leaves.length, root1: tree.ledger.root(size1), root2: tree.ledger.root(), proof };
        expect(verifyConsistency({ ...claim, proof: [...proof, claim.root2] }).ok).toBe(false);
        if (proof.length > 0) expect(verifyConsistency({ ...claim, proof: proof.slice(1) }).ok).toBe(false);
      }),
    );
  });
});

describe('Merkle proof verification on garbage', () => {
  it('never throws and never accepts arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        expect(verifyInclusion(a as never).ok).toBe(false);
        expect(verifyConsistency(b as never).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on claims whose fields have arbitrary types and values', () => {
    const field = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), fc.uint8Array({ maxLength: 40 }), fc.anything());
    const list = fc.oneof(fc.array(fc.uint8Array({ minLength: 31, maxLength: 33 }), { maxLength: 4 }), fc.anything());
    fc.assert(
      fc.property(field, field, field, list, field, (a, b, c, proof, d) => {
        expect(() => verifyInclusion({ leafIndex: a, treeSize: b, leafHash: c, proof, root: d } as never)).not.toThrow();
        expect(() => verifyConsistency({ size1: a, size2: b, root1: c, root2: d, proof } as never)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
