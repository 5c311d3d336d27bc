import { sign, verify } from 'node:crypto';
import { shorten, toBase64, tryFromBase64 } from '../encoding';
import { NoteError } from '../errors';
import { isValidKeyName, isWellFormed, parseSignerKey, parseVerifierKey, type NoteSignerKey, type NoteVerifierKey } from './keys';

/** One signature line of a signed note: `— <name> <base64(4-byte key ID ‖ signature)>`. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: Buffer;
  readonly signature: Buffer;
}

/** A signed note split into its text (ending in a newline) and its signature lines. */
export interface SignedNote {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** Outcome of {@link openNote}. */
export type NoteCheck = { readonly ok: true; readonly note: SignedNote } | { readonly ok: false; readonly reason: string };

// U+2014 EM DASH then a space opens every signature line.
const SIGNATURE_PREFIX = '\u2014 ';
// Go's note package stops at 100 signatures; the spec asks verifiers to accept at least 16.
const MAX_SIGNATURES = 100;
// Far above any checkpoint; bounds the work an attacker can make a verifier do.
const MAX_NOTE_LENGTH = 1 << 20;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f]/;

/**
 * Splits a signed note (c2sp.org/signed-note) into its text and signatures, checking the syntax only: valid
 * UTF-8, no control characters but newline, text separated from the signatures by the LAST blank line, each
 * signature line well-formed. Signatures are not verified here.
 * @throws NoteError `MALFORMED_NOTE`
 */
export function parseSignedNote(note: unknown): SignedNote {
  const bad = (why: string): NoteError => new NoteError('MALFORMED_NOTE', `malformed signed note: ${why}`);
  if (typeof note !== 'string') throw bad('not a string');
  if (note.length > MAX_NOTE_LENGTH) throw bad('too long');
  if (CONTROL_EXCEPT_NEWLINE.test(note)) throw bad('contains a control character other than newline (a CR from a Windows line ending?)');
  if (!isWellFormed(note)) throw bad('not valid Unicode');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw bad('no blank line between the text and the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw bad('the signature block is empty or does not end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw bad(`more than ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw bad(`signature line does not start with "— ": ${JSON.stringify(shorten(line, 40))}`);
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const bytes = space < 0 ? undefined : tryFromBase64(rest.slice(space + 1));
    if (!isValidKeyName(name)) throw bad(`bad key name in signature line: ${JSON.stringify(shorten(name, 40))}`);
    if (bytes === undefined || bytes.length < 5) throw bad(`signature by ${name} is not base64 of a key ID and a signature`);
    return { name, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) };
  });
  return { text, signatures };
}

/**
 * Signs a note text with an Ed25519 signer key and returns the signed note: the text, a blank line, and one
 * signature line `— <key name> <base64(key ID ‖ signature)>`. The text must end with a newline.
 * @throws NoteError `MALFORMED_NOTE` (bad text), `INVALID_SIGNER_KEY`
 */
export function signNote(text: string, signerKey: string | NoteSignerKey): string {
  const key = typeof signerKey === 'string' ? parseSignerKey(signerKey) : signerKey;
  if (typeof text !== 'string' || text === '' || !text.endsWith('\n')) {
    throw new NoteError('MALFORMED_NOTE', 'note text must be non-empty and end with a newline');
  }
  if (CONTROL_EXCEPT_NEWLINE.test(text) || !isWellFormed(text)) {
    throw new NoteError('MALFORMED_NOTE', 'note text must be valid Unicode without control characters other than newline');
  }
  const signature = sign(null, Buffer.from(text, 'utf8'), key.privateKey);
  return `${text}\n${SIGNATURE_PREFIX}${key.name} ${toBase64(Buffer.concat([key.keyId, signature]))}\n`;
}

/**
 * Parses a signed note and verifies it against one trusted key, following c2sp.org/signed-note: signature lines
 * from other keys are ignored (witness cosignatures, rotated keys), a line that names the trusted key (same name
 * and key ID) must verify or the whole note is refused, and at least one must be present.
 * Never throws: every problem is a `reason`.
 */
export function openNote(note: unknown, verifierKey: string | NoteVerifierKey): NoteCheck {
  let key: NoteVerifierKey;
  let parsed: SignedNote;
  try {
    key = typeof verifierKey === 'string' ? parseVerifierKey(verifierKey) : verifierKey;
    parsed = parseSignedNote(note);
  } catch (error: unknown) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const message = Buffer.from(parsed.text, 'utf8');
  const byKey = parsed.signatures.filter((s) => s.name === key.name && s.keyId.equals(key.keyId));
  for (const s of byKey) {
    if (!ed25519Verifies(message, key, s.signature)) {
      return { ok: false, reason: `the signature by ${key.name} (key ${key.keyId.toString('hex')}) does not verify: the text was changed or the signature damaged` };
    }
  }
  if (byKey.length > 0) return { ok: true, note: parsed };
  const sameName = parsed.signatures.find((s) => s.name === key.name);
  if (sameName !== undefined) {
    return {
      ok: false,
      reason: `signed by another key named ${key.name} (key ${sameName.keyId.toString('hex')}), not by the trusted key ${key.keyId.toString('hex')}`,
    };
  }
  return { ok: false, reason: `no signature by ${key.name}; signed only by ${parsed.signatures.map((s) => s.name).join(', ')}` };
}

function ed25519Verifies(message: Buffer, key: NoteVerifierKey, signature: Buffer): boolean {
  // A signature of the wrong length is simply not a valid signature; never let it turn into an exception.
  try {
    return signature.length === 64 && verify(null, message, key.keyObject, signature);
  } catch {
    return false;
  }
}
