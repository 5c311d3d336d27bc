import { createHash, createPublicKey, verify } from 'node:crypto';
import { signCheckpoint } from '../checkpoint/checkpoint';
import { generateSignerKey, parseVerifierKey, verifierKeyFromSignerKey } from './keys';
import { parseSignedNote } from './signed-note';
import { cosignatureLine, cosignerKeyId, cosignerVerifierKey, generateCosignerKey, parseCosignerSignerKey, parseCosignerVerifierKey, verifyCosignature } from './cosignature';
import { codeOf } from '../../test/error-code';

// Keys and notes are made per test (beforeEach runs inside each test): made while the file loads, every line of the
// signing code they run would be a "static" mutant, rerun with every test of the suite.
const ROOT = createHash('sha256').update('root').digest();
let LOG_KEY: string;
let CHECKPOINT: string;
let TEXT: string;
let WITNESS: string;
let WITNESS_VKEY: string;
beforeEach(() => {
  LOG_KEY = generateSignerKey('mutasi.example/ledger');
  CHECKPOINT = signCheckpoint(LOG_KEY, { origin: 'mutasi.example/ledger', treeSize: 42, rootHash: ROOT, timestamp: new Date('2025-03-01T10:00:00Z') });
  TEXT = parseSignedNote(CHECKPOINT).text;
  WITNESS = generateCosignerKey('witness.inspektorat.example');
  WITNESS_VKEY = cosignerVerifierKey(WITNESS);
});
const TIME = new Date('2025-03-01T10:00:05.999Z');
/** The base64 key material of a key string (it may itself hold "+"). */
const materialOf = (key: string, skip: number): string => key.split('+').slice(skip).join('+');

describe('Witness cosignatures (c2sp.org/tlog-cosignature, Ed25519 cosignature/v1)', () => {
  let line: string;
  let cosigned: string;
  beforeEach(() => {
    line = cosignatureLine(WITNESS, TEXT, TIME);
    cosigned = `${CHECKPOINT}${line}`;
  });

  it('writes one signature line with the witness name and base64(key ID ‖ u64 time ‖ Ed25519 signature)', () => {
    expect(line).toMatch(/^\u2014 witness\.inspektorat\.example [A-Za-z0-9+/]+=*\n$/);
    const bytes = Buffer.from(line.trimEnd().split(' ')[2] as string, 'base64');
    expect(bytes).toHaveLength(4 + 8 + 64);
    expect(bytes.subarray(0, 4)).toEqual(parseCosignerVerifierKey(WITNESS_VKEY).keyId);
    expect(bytes.readBigUInt64BE(4)).toBe(1740823205n);
  });

  it('signs "cosignature/v1", the time line and the whole checkpoint text, checked without the library', () => {
    const bytes = Buffer.from(line.trimEnd().split(' ')[2] as string, 'base64');
    const raw = Buffer.from(materialOf(WITNESS_VKEY, 2), 'base64');
    expect(raw[0]).toBe(0x04);
    const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw.subarray(1)]), format: 'der', type: 'spki' });
    const message = Buffer.from(`cosignature/v1\ntime 1740823205\n${TEXT}`);
    expect(verify(null, message, publicKey, bytes.subarray(12))).toBe(true);
  });

  it('computes the key ID over the name, a newline, the type 0x04 and the public key', () => {
    const key = parseCosignerVerifierKey(WITNESS_VKEY);
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.from('witness.inspektorat.example\n'), Buffer.from([0x04]), key.publicKey]))
      .digest()
      .subarray(0, 4);
    expect(cosignerKeyId(key.name, key.publicKey)).toEqual(expected);
    expect(WITNESS_VKEY.split('+')[1]).toBe(expected.toString('hex'));
  });

  it('verifies round trip: the witness name and the time in whole seconds', () => {
    expect(verifyCosignature(cosigned, WITNESS_VKEY)).toEqual({ ok: true, name: 'witness.inspektorat.example', time: new Date('2025-03-01T10:00:05Z') });
  });

  it('covers extension lines of the checkpoint', () => {
    const text = `${TEXT}mutasi/extra 1\n`;
    const withExtension = `${text}\n${CHECKPOINT.split('\n\n')[1]}${cosignatureLine(WITNESS, text, TIME)}`;
    expect(verifyCosignature(withExtension, WITNESS_VKEY).ok).toBe(true);
    const dropped = `${TEXT}\n${withExtension.split('\n\n')[1]}`;
    expect(verifyCosignature(dropped, WITNESS_VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/does not verify/) });
  });

  it('refuses a tampered checkpoint body', () => {
    expect(verifyCosignature(cosigned.replace('\n42\n', '\n43\n'), WITNESS_VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/does not verify/) });
  });

  it('refuses a tampered time', () => {
    const bytes = Buffer.from(line.trimEnd().split(' ')[2] as string, 'base64');
    bytes.writeBigUInt64BE(1740823206n, 4);
    const retimed = `${CHECKPOINT}\u2014 witness.inspektorat.example ${bytes.toString('base64')}\n`;
    expect(verifyCosignature(retimed, WITNESS_VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/does not verify/) });
  });

  it('refuses a damaged or truncated cosignature line', () => {
    const bytes = Buffer.from(line.trimEnd().split(' ')[2] as string, 'base64');
    const flipped = Buffer.from(bytes);
    flipped[40] = (flipped[40] as number) ^ 1;
    const damaged = `${CHECKPOINT}\u2014 witness.inspektorat.example ${flipped.toString('base64')}\n`;
    expect(verifyCosignature(damaged, WITNESS_VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/does not verify/) });
    const truncated = `${CHECKPOINT}\u2014 witness.inspektorat.example ${bytes.subarray(0, 70).toString('base64')}\n`;
    expect(verifyCosignature(truncated, WITNESS_VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/not a timestamp and an Ed25519 signature/) });
  });

  it('refuses a cosignature by another key of the same name (wrong key ID)', () => {
    const impostor = generateCosignerKey('witness.inspektorat.example');
    const forged = `${CHECKPOINT}${cosignatureLine(impostor, TEXT, TIME)}`;
    expect(verifyCosignature(forged, WITNESS_VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/another key named witness\.inspektorat\.example/) });
  });

  it('says when the witness did not cosign at all, and ignores other witnesses', () => {
    const other = generateCosignerKey('witness.bkn.example');
    const byOther = `${CHECKPOINT}${cosignatureLine(other, TEXT, TIME)}`;
    expect(verifyCosignature(byOther, WITNESS_VKEY)).toEqual({ ok: false, reason: 'no cosignature by witness.inspektorat.example' });
    expect(verifyCosignature(`${byOther}${line}`, WITNESS_VKEY).ok).toBe(true);
  });

  it('never throws on garbage', () => {
    expect(verifyCosignature('not a note', WITNESS_VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/malformed signed note/) });
    expect(verifyCosignature(cosigned, 'garbage')).toEqual({ ok: false, reason: expect.stringMatching(/invalid cosigner verifier key/) });
    expect(verifyCosignature(undefined as unknown as string, WITNESS_VKEY).ok).toBe(false);
  });

  it('refuses a log key (type 0x01) as a cosigner key, and a cosigner key as a log key', () => {
    expect(() => parseCosignerVerifierKey(verifierKeyFromSignerKey(LOG_KEY))).toThrow(/note signing key \(type 0x01/);
    expect(() => parseCosignerSignerKey(LOG_KEY)).toThrow(/note signing key \(type 0x01/);
    expect(codeOf(() => parseCosignerVerifierKey(verifierKeyFromSignerKey(LOG_KEY)))).toBe('INVALID_VERIFIER_KEY');
    expect(() => cosignatureLine(LOG_KEY, TEXT, TIME)).toThrow(/invalid cosigner signer key/);
    expect(verifyCosignature(cosigned, verifierKeyFromSignerKey(LOG_KEY))).toEqual({ ok: false, reason: expect.stringMatching(/type 0x01/) });
    expect(codeOf(() => parseVerifierKey(WITNESS_VKEY))).toBe('INVALID_VERIFIER_KEY');
  });

  it('refuses keys whose key ID does not match and never quotes a signer key in errors', () => {
    const name = WITNESS_VKEY.split('+')[0] as string;
    expect(() => parseCosignerVerifierKey(`${name}+00000000+${materialOf(WITNESS_VKEY, 2)}`)).toThrow(/key ID does not match/);
    const seed = materialOf(WITNESS, 4);
    const wrongId = `PRIVATE+KEY+${name}+00000000+${seed}`;
    expect(codeOf(() => parseCosignerSignerKey(wrongId))).toBe('INVALID_SIGNER_KEY');
    expect(() => parseCosignerSignerKey(wrongId)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(seed) }));
  });

  it('refuses to cosign a text that is not a note text, or at a time before 1970', () => {
    expect(() => cosignatureLine(WITNESS, 'no final newline', TIME)).toThrow(/note text/);
    expect(() => cosignatureLine(WITNESS, TEXT, new Date(-1000))).toThrow(/after 1970/);
    expect(() => generateCosignerKey('has space')).toThrow(/invalid key name/);
  });
});
