import { createHash, createPublicKey, verify } from 'node:crypto';
import { generateSignerKey, verifierKeyFromSignerKey } from '../note/keys';
import { parseSignedNote, signNote } from '../note/signed-note';
import { parseCheckpoint, signCheckpoint, verifyCheckpoint } from './checkpoint';
import { codeOf } from '../../test/error-code';

// The signer key of Go sumdb/note's documentation: a fixed key makes the signed output reproducible.
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ROOT = createHash('sha256').update('root').digest();
const HEAD = { origin: 'mutasi.example/ledger', treeSize: 42, rootHash: ROOT, timestamp: new Date('2025-03-01T10:00:00.789Z') };
const TEXT = `mutasi.example/ledger\n42\n${ROOT.toString('base64')}\ntimestamp 1740823200\n`;

describe('Signed tree heads as C2SP checkpoints', () => {
  // Made per test (beforeEach runs inside the test), not in the describe body, which mutation testing counts as static.
  let signed: string;
  beforeEach(() => {
    signed = signCheckpoint(SKEY, HEAD);
  });

  it('writes origin, size, base64 root and a timestamp extension line in whole POSIX seconds', () => {
    expect(parseSignedNote(signed).text).toBe(TEXT);
    expect(signed.startsWith(`${TEXT}\n\u2014 PeterNeumann `)).toBe(true);
  });

  it('signs the text with Ed25519 as a plain signed note that any note verifier can check', () => {
    const [, , b64] = signed.trimEnd().split('\n').at(-1)?.split(' ') ?? [];
    const bytes = Buffer.from(b64 as string, 'base64');
    expect(bytes.subarray(0, 4).toString('hex')).toBe('c74f20a3');
    // Checked without the library's key parsing: raw public key from the verifier key, wrapped as SPKI.
    const raw = Buffer.from(VKEY.split('+')[2] as string, 'base64').subarray(1);
    const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(TEXT), publicKey, bytes.subarray(4))).toBe(true);
  });

  it('verifies and parses back to the same tree head (timestamp truncated to the second)', () => {
    const check = verifyCheckpoint(signed, VKEY);
    expect(check.ok && { ...check.checkpoint, signatures: check.checkpoint.signatures.length }).toEqual({
      origin: HEAD.origin,
      treeSize: 42,
      rootHash: ROOT,
      timestamp: new Date('2025-03-01T10:00:00Z'),
      extensions: [],
      text: TEXT,
      signatures: 1,
    });
  });

  it('ignores signatures by other keys, such as witness cosignatures', () => {
    const witness = generateSignerKey('witness.example/w1');
    const cosigned = `${signed}${signNote(TEXT, witness).split('\n\n')[1]}`;
    expect(parseSignedNote(cosigned).signatures).toHaveLength(2);
    expect(verifyCheckpoint(cosigned, VKEY).ok).toBe(true);
    expect(verifyCheckpoint(cosigned, verifierKeyFromSignerKey(witness)).ok).toBe(true);
  });

  it('refuses an edited body', () => {
    const edited = signed.replace('\n42\n', '\n41\n');
    expect(verifyCheckpoint(edited, VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/does not verify/) });
  });

  it('refuses a checkpoint signed by another key, even with the same name', () => {
    const other = signCheckpoint(generateSignerKey('PeterNeumann'), HEAD);
    expect(verifyCheckpoint(other, VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/another key named PeterNeumann/) });
  });

  it('refuses a truncated signature and a missing blank line', () => {
    expect(verifyCheckpoint(signed.replace(/.{8}\n$/, '\n'), VKEY).ok).toBe(false);
    expect(verifyCheckpoint(signed.replace('\n\n', '\n'), VKEY).ok).toBe(false);
  });

  it('refuses a verified note whose text is not one of our checkpoints, saying why', () => {
    const cases: [string, RegExp][] = [
      [`${HEAD.origin}\n42\n${ROOT.toString('base64')}\n`, /exactly one "timestamp <seconds>" line, found 0/],
      [`${HEAD.origin}\n042\n${ROOT.toString('base64')}\ntimestamp 1\n`, /tree size/],
      [`${HEAD.origin}\n42\n${ROOT.subarray(1).toString('base64')}\ntimestamp 1\n`, /32-byte root hash/],
      [`${HEAD.origin}\n42\n${ROOT.toString('base64')}\ntimestamp 1\ntimestamp 2\n`, /found 2/],
      [`${HEAD.origin}\n42\n${ROOT.toString('base64')}\ntimestamp 01\n`, /POSIX seconds/],
    ];
    for (const [text, reason] of cases) {
      expect(verifyCheckpoint(signNote(text, SKEY), VKEY)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
      expect(codeOf(() => parseCheckpoint(signNote(text, SKEY)))).toBe('MALFORMED_CHECKPOINT');
    }
  });

  it('keeps other extension lines and parses the C2SP example note syntax', () => {
    const withExtra = signNote(`${TEXT}note kept\n`, SKEY);
    expect(parseCheckpoint(withExtra).extensions).toEqual(['note kept']);
    const c2spExample =
      'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
      '\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';
    expect(parseSignedNote(c2spExample).signatures[0]?.name).toBe('example.com/behind-the-sofa');
    // It has no timestamp line, which Mutasi tree heads always carry.
    expect(codeOf(() => parseCheckpoint(c2spExample))).toBe('MALFORMED_CHECKPOINT');
  });

  it('refuses to sign an impossible tree head', () => {
    for (const fields of [
      { ...HEAD, origin: '' },
      { ...HEAD, origin: 'two\nlines' },
      { ...HEAD, treeSize: -1 },
      { ...HEAD, treeSize: 1.5 },
      { ...HEAD, rootHash: ROOT.subarray(0, 31) },
      { ...HEAD, timestamp: new Date('nonsense') },
    ]) {
      expect(codeOf(() => signCheckpoint(SKEY, fields))).toBe('MALFORMED_CHECKPOINT');
    }
    expect(codeOf(() => signCheckpoint('PRIVATE+KEY+x', HEAD))).toBe('INVALID_SIGNER_KEY');
  });

  it('refuses garbage without throwing', () => {
    for (const input of [undefined, null, 42, '', '\n\n', {}, signed.replace('—', '--')]) {
      expect(verifyCheckpoint(input, VKEY).ok).toBe(false);
    }
    expect(verifyCheckpoint(signed, 'not a key').ok).toBe(false);
  });
});
