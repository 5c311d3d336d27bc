import fc from 'fast-check';
import { CompactRange } from './compact-range';
import { emptyRoot, leafHash, rootFromLeafHashes } from './hash';

describe('compact range (right edge of a growing Merkle tree)', () => {
  it('gives the RFC 6962 root of every prefix, equal to hashing all leaves', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 200 }), (datas) => {
        const leaves = datas.map((d) => leafHash(d));
        const range = new CompactRange();
        expect(range.root()).toEqual(emptyRoot());
        leaves.forEach((leaf, i) => {
          range.append(leaf);
          expect(range.size).toBe(i + 1);
          expect(range.root().equals(rootFromLeafHashes(leaves.slice(0, i + 1)))).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });
});
