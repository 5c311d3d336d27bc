import { createHash, createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { toBase64, tryFromBase64 } from '../encoding';
import { NoteError } from '../errors';

/** Signature type byte of Ed25519 in c2sp.org/signed-note (also the first byte of encoded keys). */
export const ALG_ED25519 = 0x01;

// DER wrappers that turn raw Ed25519 key bytes into the PKCS #8 / SPKI forms node:crypto imports (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX_KEY_ID = /^[0-9a-fA-F]{8}$/;

/** A public key that can check note signatures, as named by a verifier key string. */
export interface NoteVerifierKey {
  readonly name: string;
  /** The 4-byte key ID that prefixes its signatures. */
  readonly keyId: Buffer;
  readonly publicKey: Buffer;
  readonly keyObject: KeyObject;
}

/** A private key that signs notes, as named by a signer key string. */
export interface NoteSignerKey extends NoteVerifierKey {
  readonly privateKey: KeyObject;
  readonly seed: Buffer;
}

/**
 * Key names (c2sp.org/signed-note): non-empty, no Unicode spaces, no plus sign. We also refuse control characters
 * and unpaired surrogates, which a signed note may not contain anyway.
 */
export function isValidKeyName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && !/[\s\u0085+\u0000-\u001f\u007f]/.test(name) && isWellFormed(name);
}

/** True when a string has no unpaired UTF-16 surrogates, so it encodes to UTF-8 and back unchanged. */
export function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** Ed25519 key ID: the first 4 bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key). */
export function ed25519KeyId(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ALG_ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/**
 * A new signer key string `PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ 32-byte seed)>` (the form of Go's
 * golang.org/x/mod/sumdb/note). Keep it out of the database: whoever holds it can sign tree heads.
 * @throws NoteError `INVALID_KEY_NAME`
 */
export function generateSignerKey(name: string): string {
  if (!isValidKeyName(name)) throw new NoteError('INVALID_KEY_NAME', `invalid key name ${JSON.stringify(name)}: non-empty, no spaces, no "+"`);
  const seed = randomBytes(32);
  const { publicKey } = keysFromSeed(seed);
  const id = ed25519KeyId(name, publicKey).toString('hex');
  return `PRIVATE+KEY+${name}+${id}+${toBase64(Buffer.concat([Buffer.from([ALG_ED25519]), seed]))}`;
}

/**
 * The verifier key string `<name>+<hex key id>+<base64(0x01 ‖ public key)>` that goes with a signer key.
 * @throws NoteError `INVALID_SIGNER_KEY`
 */
export function verifierKeyFromSignerKey(signerKey: string): string {
  const key = parseSignerKey(signerKey);
  return formatVerifierKey(key.name, key.publicKey);
}

/** Encodes an Ed25519 public key as a verifier key string. */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  const id = ed25519KeyId(name, publicKey).toString('hex');
  return `${name}+${id}+${toBase64(Buffer.concat([Buffer.from([ALG_ED25519]), publicKey]))}`;
}

/**
 * Parses `<name>+<hex key id>+<base64(0x01 ‖ 32-byte public key)>`, checking the key ID against the key.
 * @throws NoteError `INVALID_VERIFIER_KEY`
 */
export function parseVerifierKey(verifierKey: unknown): NoteVerifierKey {
  const bad = (why: string): NoteError => new NoteError('INVALID_VERIFIER_KEY', `invalid verifier key: ${why}`);
  if (typeof verifierKey !== 'string') throw bad('not a string');
  const [name, idHex, encoded] = splitPlus(verifierKey, 3);
  if (!isValidKeyName(name)) throw bad('bad key name');
  const keyBytes = decodeKeyBytes(idHex, encoded);
  if (keyBytes === undefined) throw bad('expected <name>+<8 hex digits>+<base64(0x01 ‖ 32-byte Ed25519 public key)>');
  const publicKey = keyBytes;
  if (!ed25519KeyId(name, publicKey).equals(Buffer.from(idHex as string, 'hex'))) throw bad('key ID does not match the key');
  try {
    const keyObject = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
    return { name, keyId: ed25519KeyId(name, publicKey), publicKey, keyObject };
  } catch {
    throw bad('not an Ed25519 public key');
  }
}

/**
 * Parses `PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ 32-byte seed)>`, checking the key ID against the
 * public key the seed gives.
 * @throws NoteError `INVALID_SIGNER_KEY`
 */
export function parseSignerKey(signerKey: unknown): NoteSignerKey {
  // Never quote the key itself in the message: it is a secret.
  const bad = (why: string): NoteError => new NoteError('INVALID_SIGNER_KEY', `invalid signer key: ${why}`);
  if (typeof signerKey !== 'string') throw bad('not a string');
  const [private1, private2, name, idHex, encoded] = splitPlus(signerKey, 5);
  if (private1 !== 'PRIVATE' || private2 !== 'KEY') throw bad('does not start with PRIVATE+KEY+');
  if (!isValidKeyName(name)) throw bad('bad key name');
  const seed = decodeKeyBytes(idHex, encoded);
  if (seed === undefined) throw bad('expected PRIVATE+KEY+<name>+<8 hex digits>+<base64(0x01 ‖ 32-byte Ed25519 seed)>');
  const { privateKey, publicKey, keyObject } = keysFromSeed(seed);
  const keyId = ed25519KeyId(name, publicKey);
  if (!keyId.equals(Buffer.from(idHex as string, 'hex'))) throw bad('key ID does not match the key');
  return { name, keyId, publicKey, keyObject, privateKey, seed };
}

/** Splits at the first `parts − 1` plus signs; the last part keeps any further "+" (base64 uses it). */
function splitPlus(text: string, parts: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let rest = text;
  for (let i = 0; i < parts - 1; i += 1) {
    const at = rest.indexOf('+');
    if (at < 0) return [];
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out;
}

/** The 32 key bytes after the Ed25519 type byte, when the id is 8 hex digits and the base64 is well-formed. */
function decodeKeyBytes(idHex: string | undefined, encoded: string | undefined): Buffer | undefined {
  if (idHex === undefined || !HEX_KEY_ID.test(idHex)) return undefined;
  const bytes = tryFromBase64(encoded);
  if (bytes === undefined || bytes.length !== 33 || bytes[0] !== ALG_ED25519) return undefined;
  return bytes.subarray(1);
}

function keysFromSeed(seed: Buffer): { privateKey: KeyObject; keyObject: KeyObject; publicKey: Buffer } {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const keyObject = createPublicKey(privateKey);
  const publicKey = keyObject.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
  return { privateKey, keyObject, publicKey };
}
