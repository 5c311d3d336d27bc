import { HELD_SIZE, makeFixture, ORIGIN, type Fixture } from '../../test/bundle-fixture';
import { signCheckpoint } from '../checkpoint/checkpoint';
import { toBase64 } from '../encoding';
import { emptyRoot } from '../merkle/hash';
import { generateSignerKey } from '../note/keys';
import { checkConsistencyProofs, checkHeldCheckpoint, checkTreeHead } from './tree-head-checks';
import type { BundleHeader } from './types';

// The tree-head checks explain to an inspector why a bundle's head cannot be trusted: each test pins the exact words.
const SIZE = 13;
const headerOf = (f: Fixture): BundleHeader => f.agencyBundle()[0] as unknown as BundleHeader;
const hex12 = (b: Buffer): string => `${b.toString('hex').slice(0, 12)}…`;

function failuresOf(run: (fail: (position: string, reason: string) => void) => unknown): string[] {
  const out: string[] = [];
  run((position, reason) => out.push(`${position}: ${reason}`));
  return out;
}

describe('The bundle tree head against its signed checkpoint', () => {
  it('an intact head passes and gives the signed checkpoint', () => {
    const f = makeFixture();
    let head: unknown;
    expect(failuresOf((fail) => (head = checkTreeHead(headerOf(f), f.verifierKey, fail)))).toEqual([]);
    expect(head).toMatchObject({ origin: ORIGIN, treeSize: SIZE });
  });

  it('a checkpoint signed by another key is refused and no head is given', () => {
    const f = makeFixture();
    const other = makeFixture({ signerKey: generateSignerKey(ORIGIN) });
    let head: unknown = 'unset';
    const failures = failuresOf((fail) => (head = checkTreeHead(headerOf(f), other.verifierKey, fail)));
    expect(head).toBeNull();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^tree head: the checkpoint does not verify with the log's verifier key: /);
  });

  it('each claim of the header that differs from the signed checkpoint is named, with both values', () => {
    const f = makeFixture();
    const header = headerOf(f);
    const wrongRoot = Buffer.alloc(32, 9);
    const lying: BundleHeader = {
      ...header,
      origin: 'elsewhere/log',
      treeHead: { ...header.treeHead, treeSize: 12, rootHash: toBase64(wrongRoot), timestamp: '2025-03-01T10:00:01.000Z' },
    };
    expect(failuresOf((fail) => checkTreeHead(lying, f.verifierKey, fail))).toEqual([
      'tree head: the checkpoint is for origin "mutasi.example/ledger", not "elsewhere/log"',
      'tree head: treeHead.treeSize is 12 but the signed checkpoint says 13',
      `tree head: treeHead.rootHash ${hex12(wrongRoot)} is not the signed root ${hex12(f.ledger.root(SIZE))}`,
      'tree head: treeHead.timestamp 2025-03-01T10:00:01.000Z is not the signed time 2025-03-01T10:00:00.000Z',
    ]);
  });

  it('a timestamp within the signed second is the signed time (the checkpoint keeps whole seconds)', () => {
    const f = makeFixture();
    const header = headerOf(f);
    expect(failuresOf((fail) => checkTreeHead({ ...header, treeHead: { ...header.treeHead, timestamp: '2025-03-01T10:00:00.999Z' } }, f.verifierKey, fail))).toEqual([]);
  });

  it('a checkpoint without completeness maps is named as such', () => {
    const f = makeFixture();
    const header = headerOf(f);
    const old = signCheckpoint(f.signerKey, { origin: ORIGIN, treeSize: SIZE, rootHash: f.ledger.root(SIZE), timestamp: new Date('2025-03-01T10:00:00Z') });
    expect(failuresOf((fail) => checkTreeHead({ ...header, treeHead: { ...header.treeHead, checkpoint: old } }, f.verifierKey, fail))).toEqual([
      'tree head: the checkpoint commits to no stream heads or agency case lists: completeness cannot be proven (it was signed before completeness proofs existed)',
    ]);
  });
});

describe('Consistency proofs and the checkpoint the inspector holds', () => {
  const headOf = (f: Fixture) => {
    const head = checkTreeHead(headerOf(f), f.verifierKey, () => undefined);
    if (head === null) throw new Error('the fixture head verifies');
    return head;
  };

  it('a consistency proof that does not lead to the head is named by its size', () => {
    const f = makeFixture();
    const header = headerOf(f);
    expect(failuresOf((fail) => checkConsistencyProofs(header, headOf(f), fail))).toEqual([]);
    const forged = {
      ...header,
      consistencyProofs: [{ ...header.consistencyProofs[0], fromSize: HELD_SIZE, fromRoot: toBase64(Buffer.alloc(32, 1)), proof: header.consistencyProofs[0]?.proof ?? [] }],
    };
    const failures = failuresOf((fail) => checkConsistencyProofs(forged, headOf(f), fail));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^consistency proof from size 5: /);
  });

  it('a held checkpoint the head extends passes; at the same size it must be the same root', () => {
    const f = makeFixture();
    const check = (held: string, header = headerOf(f)) => failuresOf((fail) => checkHeldCheckpoint(header, held, f.verifierKey, headOf(f), fail));
    expect(check(f.heldCheckpoint)).toEqual([]);
    expect(check(f.signHead(SIZE))).toEqual([]);
    const forked = signCheckpoint(f.signerKey, { origin: ORIGIN, treeSize: SIZE, rootHash: Buffer.alloc(32, 3), timestamp: new Date('2025-03-01T10:00:00Z') });
    expect(check(forked)).toEqual(['held checkpoint: two different signed roots for tree size 13: the log has shown two different histories']);
  });

  it('a held checkpoint newer than the head, of another origin, unverifiable, or without a proof from its size is refused, saying why', () => {
    const f = makeFixture();
    const check = (held: string, header = headerOf(f)) => failuresOf((fail) => checkHeldCheckpoint(header, held, f.verifierKey, headOf(f), fail));
    const newer = signCheckpoint(f.signerKey, { origin: ORIGIN, treeSize: 20, rootHash: Buffer.alloc(32, 4), timestamp: new Date('2025-03-02T10:00:00Z') });
    expect(check(newer)).toEqual([
      "held checkpoint: the checkpoint you hold (size 20, 2025-03-02T10:00:00.000Z) is newer than the bundle's tree head (size 13): the bundle is stale or the log was rolled back",
    ]);
    const elsewhere = signCheckpoint(f.signerKey, { origin: 'elsewhere/log', treeSize: 3, rootHash: f.ledger.root(3), timestamp: new Date('2025-03-01T10:00:00Z') });
    expect(check(elsewhere)).toEqual(['held checkpoint: the checkpoint you hold is for origin "elsewhere/log", not "mutasi.example/ledger"']);
    expect(check('garbage')).toEqual([expect.stringMatching(/^held checkpoint: the checkpoint you hold does not verify with the log's verifier key: /)]);
    expect(check(f.signHead(4))).toEqual(['held checkpoint: the bundle has no consistency proof from size 4, the size of the checkpoint you hold']);
  });

  it('a held checkpoint the head does not extend: history was changed', () => {
    const f = makeFixture();
    const header = headerOf(f);
    const wrongProof = { ...header, consistencyProofs: [{ fromSize: HELD_SIZE, fromRoot: toBase64(f.ledger.root(HELD_SIZE)), proof: [toBase64(Buffer.alloc(32, 5))] }] };
    const failures = failuresOf((fail) => checkHeldCheckpoint(wrongProof, f.heldCheckpoint, f.verifierKey, headOf(f), fail));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^held checkpoint: the bundle's tree head does not extend the checkpoint you hold \(history was changed\): /);
  });

  it('a held empty tree is extended by any head, unless its root is not the empty root', () => {
    const f = makeFixture();
    const check = (held: string) => failuresOf((fail) => checkHeldCheckpoint(headerOf(f), held, f.verifierKey, headOf(f), fail));
    expect(check(signCheckpoint(f.signerKey, { origin: ORIGIN, treeSize: 0, rootHash: emptyRoot(), timestamp: new Date('2025-01-01T00:00:00Z') }))).toEqual([]);
    expect(check(signCheckpoint(f.signerKey, { origin: ORIGIN, treeSize: 0, rootHash: Buffer.alloc(32, 6), timestamp: new Date('2025-01-01T00:00:00Z') }))).toEqual([
      'held checkpoint: the checkpoint you hold has size 0 but is not the empty tree root',
    ]);
  });
});
