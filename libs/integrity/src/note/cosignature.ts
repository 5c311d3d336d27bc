import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { toBase64, tryFromBase64 } from '../encoding';
import { NoteError } from '../errors';
import { ALG_ED25519, isValidKeyName, isWellFormed } from './keys';
import { parseSignedNote, type NoteSignature } from './signed-note';

/**
 * Witness cosignatures of checkpoints, Ed25519 type of c2sp.org/tlog-cosignature (`cosignature/v1`).
 *
 * A cosignature is a signed-note signature line `— <witness name> base64(key ID ‖ timestamp ‖ signature)`: a 4-byte
 * key ID, the signing time as a big-endian u64 of POSIX seconds, and a 64-byte Ed25519 signature over
 *
 *     cosignature/v1\ntime <seconds>\n<the whole checkpoint text, extension lines included>
 *
 * Cosigner keys have signature type 0x04, so a log's note key (type 0x01) can never pass for a witness key, and the
 * key ID (`SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[:4]`) differs from the one the same key would have as a note key.
 */
export const ALG_COSIGNATURE_V1 = 0x04;

/** A witness public key, as named by a cosigner verifier key string `<name>+<hex id>+<base64(0x04 ‖ key)>`. */
export interface CosignerVerifierKey {
  readonly name: string;
  readonly keyId: Buffer;
  readonly publicKey: Buffer;
  readonly keyObject: KeyObject;
}

/** A witness private key, as named by `PRIVATE+KEY+<name>+<hex id>+<base64(0x04 ‖ seed)>`. */
export interface CosignerSignerKey extends CosignerVerifierKey {
  readonly privateKey: KeyObject;
}

/** Outcome of {@link verifyCosignature}: who cosigned and when, or why not. */
export type CosignatureCheck = { readonly ok: true; readonly name: string; readonly time: Date } | { readonly ok: false; readonly reason: string };

const HEADER = 'cosignature/v1\n';
const SIGNATURE_PREFIX = '\u2014 ';
// Same DER wrappers as keys.ts (RFC 8410): raw Ed25519 bytes to the forms node:crypto imports.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX_KEY_ID = /^[0-9a-fA-F]{8}$/;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f]/;
// The spec caps timestamps at 2^63 − 1; a JavaScript Date stops earlier, at 8.64e12 seconds.
const MAX_SECONDS = 8.64e12;
const TIMESTAMPED_SIGNATURE_LENGTH = 8 + 64;

/** Ed25519 cosigner key ID: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x04 ‖ 32-byte public key). */
export function cosignerKeyId(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ALG_COSIGNATURE_V1]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/**
 * A new witness signer key `PRIVATE+KEY+<name>+<hex key id>+<base64(0x04 ‖ 32-byte seed)>`. Whoever holds it can
 * cosign in the witness's name: keep it in a file only the witness reads.
 * @throws NoteError `INVALID_KEY_NAME`
 */
export function generateCosignerKey(name: string): string {
  if (!isValidKeyName(name)) throw new NoteError('INVALID_KEY_NAME', `invalid key name ${JSON.stringify(name)}: non-empty, no spaces, no "+"`);
  const seed = randomBytes(32);
  const id = cosignerKeyId(name, publicKeyOf(privateKeyFromSeed(seed))).toString('hex');
  return `PRIVATE+KEY+${name}+${id}+${toBase64(Buffer.concat([Buffer.from([ALG_COSIGNATURE_V1]), seed]))}`;
}

/**
 * The cosigner verifier key `<name>+<hex key id>+<base64(0x04 ‖ public key)>` that goes with a witness signer key:
 * what log clients put in their witness policy.
 * @throws NoteError `INVALID_SIGNER_KEY`
 */
export function cosignerVerifierKey(signerKey: string): string {
  const key = parseCosignerSignerKey(signerKey);
  return `${key.name}+${key.keyId.toString('hex')}+${toBase64(Buffer.concat([Buffer.from([ALG_COSIGNATURE_V1]), key.publicKey]))}`;
}

/**
 * Parses `<name>+<hex key id>+<base64(0x04 ‖ 32-byte public key)>`, checking the key ID. A note key (type 0x01,
 * what a log signs checkpoints with) is refused by name: the two are not interchangeable.
 * @throws NoteError `INVALID_VERIFIER_KEY`
 */
export function parseCosignerVerifierKey(verifierKey: unknown): CosignerVerifierKey {
  const bad = (why: string): NoteError => new NoteError('INVALID_VERIFIER_KEY', `invalid cosigner verifier key: ${why}`);
  if (typeof verifierKey !== 'string') throw bad('not a string');
  const [name, idHex, encoded] = splitKey(verifierKey, 0);
  if (!isValidKeyName(name)) throw bad('bad key name');
  const publicKey = keyMaterial(idHex, encoded, (why) => bad(why), '32-byte Ed25519 public key');
  let keyObject: KeyObject;
  try {
    keyObject = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
  } catch {
    throw bad('not an Ed25519 public key');
  }
  const keyId = cosignerKeyId(name, publicKey);
  if (!keyId.equals(Buffer.from(idHex as string, 'hex'))) throw bad('key ID does not match the key');
  return { name, keyId, publicKey, keyObject };
}

/**
 * Parses `PRIVATE+KEY+<name>+<hex key id>+<base64(0x04 ‖ 32-byte seed)>`, checking the key ID against the seed.
 * @throws NoteError `INVALID_SIGNER_KEY` (the message never quotes the key: it is a secret)
 */
export function parseCosignerSignerKey(signerKey: unknown): CosignerSignerKey {
  const bad = (why: string): NoteError => new NoteError('INVALID_SIGNER_KEY', `invalid cosigner signer key: ${why}`);
  if (typeof signerKey !== 'string') throw bad('not a string');
  if (!signerKey.startsWith('PRIVATE+KEY+')) throw bad('does not start with PRIVATE+KEY+');
  const [name, idHex, encoded] = splitKey(signerKey, 'PRIVATE+KEY+'.length);
  if (!isValidKeyName(name)) throw bad('bad key name');
  const seed = keyMaterial(idHex, encoded, (why) => bad(why), '32-byte Ed25519 seed');
  const privateKey = privateKeyFromSeed(seed);
  const publicKey = publicKeyOf(privateKey);
  const keyId = cosignerKeyId(name, publicKey);
  if (!keyId.equals(Buffer.from(idHex as string, 'hex'))) throw bad('key ID does not match the key');
  return { name, keyId, publicKey, keyObject: createPublicKey(privateKey), privateKey };
}

/**
 * The bytes a `cosignature/v1` signature covers: the header line, `time <seconds>`, then the note text.
 * @throws NoteError `MALFORMED_NOTE` for a text that is no note text or a time before 1970
 */
export function cosignedMessage(noteText: string, time: Date): Buffer {
  if (typeof noteText !== 'string' || noteText === '' || !noteText.endsWith('\n') || CONTROL_EXCEPT_NEWLINE.test(noteText) || !isWellFormed(noteText)) {
    throw new NoteError('MALFORMED_NOTE', 'the cosigned text must be a note text: non-empty, ending with a newline, no control characters but newline');
  }
  const seconds = secondsOf(time);
  return Buffer.from(`${HEADER}time ${seconds}\n${noteText}`, 'utf8');
}

/**
 * Cosigns a checkpoint's note text (without its signature lines) at `time` (whole seconds; milliseconds are dropped)
 * and returns the signature line, ending in a newline, to append to the signed checkpoint.
 * @throws NoteError `INVALID_SIGNER_KEY`, `MALFORMED_NOTE`
 */
export function cosignatureLine(signerKey: string | CosignerSignerKey, noteText: string, time: Date): string {
  const key = typeof signerKey === 'string' ? parseCosignerSignerKey(signerKey) : signerKey;
  const message = cosignedMessage(noteText, time);
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64BE(BigInt(secondsOf(time)));
  const signature = sign(null, message, key.privateKey);
  return `${SIGNATURE_PREFIX}${key.name} ${toBase64(Buffer.concat([key.keyId, timestamp, signature]))}\n`;
}

/**
 * Checks a signed note for a cosignature by one witness key. Lines by other keys are ignored (the log's own
 * signature, other witnesses); every line with the witness's name and key ID must verify, and one must be present.
 * Gives the witness name and the latest cosigning time. Never throws: every problem is a `reason`.
 */
export function verifyCosignature(signedNote: string, cosignerVerifierKey: string | CosignerVerifierKey): CosignatureCheck {
  let key: CosignerVerifierKey;
  let text: string;
  let signatures: readonly NoteSignature[];
  try {
    key = typeof cosignerVerifierKey === 'string' ? parseCosignerVerifierKey(cosignerVerifierKey) : cosignerVerifierKey;
    ({ text, signatures } = parseSignedNote(signedNote));
  } catch (error: unknown) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const mine = signatures.filter((s) => s.name === key.name && s.keyId.equals(key.keyId));
  let latest: number | null = null;
  for (const line of mine) {
    const seconds = checkLine(line, text, key);
    if (typeof seconds === 'string') return { ok: false, reason: `the cosignature by ${key.name} (key ${key.keyId.toString('hex')}) ${seconds}` };
    latest = latest === null ? seconds : Math.max(latest, seconds);
  }
  if (latest !== null) return { ok: true, name: key.name, time: new Date(latest * 1000) };
  const sameName = signatures.find((s) => s.name === key.name);
  if (sameName !== undefined) {
    return { ok: false, reason: `signed by another key named ${key.name} (key ${sameName.keyId.toString('hex')}), not by the cosigner key ${key.keyId.toString('hex')}` };
  }
  return { ok: false, reason: `no cosignature by ${key.name}` };
}

/** The line's time in seconds when its signature verifies, or what is wrong with it. */
function checkLine(line: NoteSignature, text: string, key: CosignerVerifierKey): number | string {
  if (line.signature.length !== TIMESTAMPED_SIGNATURE_LENGTH) return 'is not a timestamp and an Ed25519 signature';
  const stamp = line.signature.readBigUInt64BE(0);
  if (stamp > BigInt(MAX_SECONDS)) return `has a time beyond what can be represented (${stamp})`;
  const seconds = Number(stamp);
  try {
    if (verify(null, cosignedMessage(text, new Date(seconds * 1000)), key.keyObject, line.signature.subarray(8))) return seconds;
  } catch {
    // A malformed signature is simply not a valid one.
  }
  return 'does not verify: the checkpoint text, the time or the signature was changed';
}

function secondsOf(time: Date): number {
  if (!(time instanceof Date) || Number.isNaN(time.getTime()) || time.getTime() < 0) {
    throw new NoteError('MALFORMED_NOTE', 'the cosignature time must be a valid date after 1970');
  }
  return Math.floor(time.getTime() / 1000);
}

/** `<name>+<id>+<base64>` after `skip` characters; the base64 part keeps any further "+". */
function splitKey(text: string, skip: number): (string | undefined)[] {
  const rest = text.slice(skip);
  const first = rest.indexOf('+');
  const second = first < 0 ? -1 : rest.indexOf('+', first + 1);
  if (second < 0) return [];
  return [rest.slice(0, first), rest.slice(first + 1, second), rest.slice(second + 1)];
}

/** The 32 bytes after the type byte 0x04, or an error that says which part is wrong (a 0x01 note key by name). */
function keyMaterial(idHex: string | undefined, encoded: string | undefined, bad: (why: string) => NoteError, what: string): Buffer {
  const expected = `expected <name>+<8 hex digits>+<base64(0x04 ‖ ${what})>`;
  if (idHex === undefined || !HEX_KEY_ID.test(idHex)) throw bad(expected);
  const bytes = tryFromBase64(encoded);
  if (bytes === undefined || bytes.length !== 33) throw bad(expected);
  if (bytes[0] === ALG_ED25519) throw bad('this is a note signing key (type 0x01, what a log signs checkpoints with), not a cosigner key (type 0x04)');
  if (bytes[0] !== ALG_COSIGNATURE_V1) throw bad(`unknown key type 0x${(bytes[0] as number).toString(16).padStart(2, '0')}; ${expected}`);
  return bytes.subarray(1);
}

function privateKeyFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function publicKeyOf(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
}
