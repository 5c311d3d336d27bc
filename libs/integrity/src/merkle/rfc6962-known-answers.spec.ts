import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryLedger } from '../../test/memory-ledger';
import { emptyRoot, leafHash, rootFromLeafHashes } from './hash';

const VECTORS = join(__dirname, '..', '..', 'test-vectors', 'rfc6962');
const b64 = (hashes: readonly Buffer[]): string[] => hashes.map((h) => h.toString('base64'));

// The eight leaves of the RFC 6962 reference tests (Certificate Transparency, transparency-dev/merkle), from
// which the happy-path vectors were generated.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) => Buffer.from(hex, 'hex'));

function ledgerOf(leaves: readonly Buffer[]): MemoryLedger {
  const ledger = new MemoryLedger();
  leaves.forEach((leaf) => ledger.appendData(leaf));
  return ledger;
}

describe('RFC 6962 hashing known answers', () => {
  it('hashes the empty tree to SHA-256 of the empty string', () => {
    expect(emptyRoot().toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(rootFromLeafHashes([]).equals(emptyRoot())).toBe(true);
  });

  it('hashes a leaf with the 0x00 prefix', () => {
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  });

  it('gives the reference root of the eight-leaf tree, from all leaves and from stored nodes alike', () => {
    const expected = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';
    expect(rootFromLeafHashes(LEAVES.map(leafHash)).toString('hex')).toBe(expected);
    expect(ledgerOf(LEAVES).root().toString('hex')).toBe(expected);
  });
});

describe('RFC 6962 proofs built from stored nodes are byte-identical to the reference vectors', () => {
  // Made per test (beforeEach runs inside the test), not in the describe body, which mutation testing counts as static.
  let ledger: MemoryLedger;
  beforeEach(() => {
    ledger = ledgerOf(LEAVES);
  });

  it.each([0, 1, 2, 3, 4])('inclusion/%i/happy-path.json', (dir) => {
    const v = JSON.parse(readFileSync(join(VECTORS, 'inclusion', String(dir), 'happy-path.json'), 'utf8'));
    expect(ledger.root(v.treeSize).toString('base64')).toBe(v.root);
    expect(leafHash(LEAVES[v.leafIdx] as Buffer).toString('base64')).toBe(v.leafHash);
    expect(b64(ledger.inclusionProof(v.leafIdx, v.treeSize))).toEqual(v.proof ?? []);
  });

  it.each([0, 1, 2, 3, 4])('consistency/%i/happy-path.json', (dir) => {
    const v = JSON.parse(readFileSync(join(VECTORS, 'consistency', String(dir), 'happy-path.json'), 'utf8'));
    expect(ledger.root(v.size1).toString('base64')).toBe(v.root1);
    expect(ledger.root(v.size2).toString('base64')).toBe(v.root2);
    expect(b64(ledger.consistencyProof(v.size1, v.size2))).toEqual(v.proof ?? []);
  });
});
