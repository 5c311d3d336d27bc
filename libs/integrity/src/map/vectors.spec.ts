import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toBase64 } from '../encoding';
import { agencyCaseEntry, streamHeadEntry } from './entries';
import { EntryTree } from './entry-tree';
import { proveAgencyCases, proveStreamHead, verifyAgencyCases, verifyStreamHead } from './completeness';

/**
 * The test vectors of docs/completeness.md (libs/integrity/test-vectors/completeness/maps.json): fixed entries, the
 * map roots they give, and proofs, for anyone writing a verifier from the document alone. The file is checked
 * here byte for byte; set WRITE_VECTORS=1 to write it after a deliberate format change.
 */
const FILE = join(__dirname, '..', '..', 'test-vectors', 'completeness', 'maps.json');
const hash = (n: number): Buffer => Buffer.alloc(32, n);

function vectors(): unknown {
  const heads = EntryTree.sorted([
    streamHeadEntry({ streamId: 'transfer-0b1c', revision: 12, leafIndex: 40, leafHash: hash(1) }),
    streamHeadEntry({ streamId: 'transfer-0a9f', revision: 3, leafIndex: 41, leafHash: hash(2) }),
    streamHeadEntry({ streamId: 'reference-agencies', revision: 0, leafIndex: 0, leafHash: hash(3) }),
  ]);
  const cases = EntryTree.sorted([
    agencyCaseEntry({ agencyId: 'kota-bandar-lestari', streamId: 'transfer-0a9f' }),
    agencyCaseEntry({ agencyId: 'kota-bandar-lestari', streamId: 'transfer-0b1c' }),
    agencyCaseEntry({ agencyId: 'kab-lembah-hijau', streamId: 'transfer-0b1c' }),
    agencyCaseEntry({ agencyId: 'prov-nb', streamId: 'transfer-0a9f' }),
  ]);
  const root = (t: EntryTree) => ({ count: t.count, root: toBase64(t.mapRoot().root) });
  return {
    note: 'docs/completeness.md: entries in byte order, RFC 6962 leaf hash SHA-256(0x00 || entry), node hash SHA-256(0x01 || left || right), empty map SHA-256("")',
    streamHeads: {
      entries: heads.entries,
      ...root(heads),
      proofOf: { streamId: 'transfer-0a9f', proof: proveStreamHead(heads, 'transfer-0a9f') },
      absent: { streamId: 'transfer-0aaa', proof: proveStreamHead(heads, 'transfer-0aaa') },
    },
    agencyCases: { entries: cases.entries, ...root(cases), proofOf: { agencyId: 'kota-bandar-lestari', proof: proveAgencyCases(cases, 'kota-bandar-lestari') } },
    empty: root(EntryTree.sorted([])),
    checkpointLines: [`mutasi/stream-heads ${heads.count} ${toBase64(heads.mapRoot().root)}`, `mutasi/agency-cases ${cases.count} ${toBase64(cases.mapRoot().root)}`],
  };
}

describe('completeness test vectors (docs/completeness.md)', () => {
  // Made per test (beforeEach runs inside the test), not in the describe body, which mutation testing counts as static.
  let text: string;
  beforeEach(() => {
    text = `${JSON.stringify(vectors(), null, 2)}\n`;
    if (process.env.WRITE_VECTORS === '1') writeFileSync(FILE, text);
  });

  it('are what the implementation computes, byte for byte', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(text);
  });

  it('verify: the head of a stream, a stream proven absent, and an agency’s whole case list', () => {
    const v = JSON.parse(text) as {
      streamHeads: { count: number; root: string; proofOf: { proof: unknown }; absent: { proof: unknown } };
      agencyCases: { count: number; root: string; proofOf: { proof: unknown } };
    };
    const heads = { count: v.streamHeads.count, root: Buffer.from(v.streamHeads.root, 'base64') };
    expect(verifyStreamHead('transfer-0a9f', v.streamHeads.proofOf.proof, heads)).toMatchObject({ ok: true, value: { revision: 3, leafIndex: 41 } });
    expect(verifyStreamHead('transfer-0aaa', v.streamHeads.absent.proof, heads)).toEqual({ ok: true, value: null });
    expect(verifyStreamHead('transfer-0b1c', v.streamHeads.proofOf.proof, heads).ok).toBe(false);
    const cases = { count: v.agencyCases.count, root: Buffer.from(v.agencyCases.root, 'base64') };
    expect(verifyAgencyCases('kota-bandar-lestari', v.agencyCases.proofOf.proof, cases)).toEqual({ ok: true, value: ['transfer-0a9f', 'transfer-0b1c'] });
    expect(verifyAgencyCases('prov-nb', v.agencyCases.proofOf.proof, cases).ok).toBe(false);
  });

  it('proves every position of maps of 0 to 9 entries: first, last, absent before, between and after', () => {
    for (let n = 0; n <= 9; n += 1) {
      const ids = Array.from({ length: n }, (_, i) => `s${String(i * 2 + 1).padStart(2, '0')}`);
      const tree = EntryTree.sorted(ids.map((streamId, i) => streamHeadEntry({ streamId, revision: i, leafIndex: i, leafHash: hash(i) })));
      const map = tree.mapRoot();
      ids.forEach((id, i) => expect(verifyStreamHead(id, proveStreamHead(tree, id), map)).toMatchObject({ ok: true, value: { revision: i } }));
      for (let i = 0; i <= n; i += 1)
        expect(verifyStreamHead(`s${String(i * 2).padStart(2, '0')}`, proveStreamHead(tree, `s${String(i * 2).padStart(2, '0')}`), map)).toEqual({ ok: true, value: null });
    }
  });
});
