import { isWellFormed, shorten, tryFromBase64 } from './bytes';

/**
 * c2sp.org/signed-note in the browser: the syntax of a signed note and of key strings, and Ed25519 through WebCrypto.
 * The same rules as libs/integrity/src/note/signed-note.ts, so a note one refuses the other refuses too.
 */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: Uint8Array;
  /** The bytes after the 4-byte key ID: a 64-byte signature, or (cosignature/v1) a timestamp and a signature. */
  readonly signature: Uint8Array<ArrayBuffer>;
}

const SIGNATURE_PREFIX = '\u2014 ';
export const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f]/;
// Go's note package stops at 100 signatures; so does the server's verifier.
const MAX_SIGNATURES = 100;
const MAX_NOTE_LENGTH = 1 << 20;

/** Key names: non-empty, no Unicode space, no "+", no control character, no unpaired surrogate. */
export const isKeyName = (name: unknown): name is string => typeof name === 'string' && name.length > 0 && !/[\s\u0085+\u0000-\u001f\u007f]/.test(name) && isWellFormed(name);

/**
 * Splits a signed note into its text (ending in a newline) and its signature lines, separated by the LAST blank
 * line. Only the syntax: signatures are not checked here. Throws an Error with the reason in Indonesian.
 */
export function parseNote(note: unknown): { text: string; signatures: NoteSignature[] } {
  if (typeof note !== 'string') throw new Error('checkpoint bukan teks');
  if (note.length > MAX_NOTE_LENGTH) throw new Error('checkpoint terlalu panjang');
  if (CONTROL_EXCEPT_NEWLINE.test(note)) throw new Error('checkpoint memuat karakter kendali selain baris baru (akhir baris Windows?)');
  if (!isWellFormed(note)) throw new Error('checkpoint bukan Unicode yang sah');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('checkpoint tanpa baris kosong sebelum tanda tangan');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new Error('blok tanda tangan checkpoint kosong atau tidak diakhiri baris baru');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new Error(`checkpoint memuat lebih dari ${MAX_SIGNATURES} tanda tangan`);
  const signatures = lines.map((line): NoteSignature => {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw new Error(`baris tanda tangan checkpoint tidak diawali "— ": ${JSON.stringify(shorten(line))}`);
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const bytes = space < 0 ? undefined : tryFromBase64(rest.slice(space + 1));
    if (!isKeyName(name)) throw new Error(`nama kunci tidak sah pada baris tanda tangan: ${JSON.stringify(shorten(name))}`);
    if (bytes === undefined || bytes.length < 5) throw new Error(`tanda tangan ${name} bukan base64 dari id kunci dan tanda tangan`);
    return { name, keyId: bytes.slice(0, 4), signature: bytes.slice(4) };
  });
  return { text, signatures };
}

/** `<name>+<hex id>+<base64>`: the three parts at the first two "+" (base64 may hold more), or null. */
export function splitKey(text: string): [string, string, string] | null {
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) return null;
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
}

const keys = new Map<string, Promise<CryptoKey>>();

/** The WebCrypto Ed25519 public key of 32 raw bytes (imported once per key). */
export function importEd25519(publicKey: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const id = Array.from(publicKey).join(',');
  let key = keys.get(id);
  if (key === undefined) {
    key = crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']).catch((e: unknown) => {
      keys.delete(id);
      if (e instanceof Error && e.name === 'NotSupportedError') throw new Error('peramban ini tidak mendukung Ed25519 di WebCrypto; gunakan versi peramban yang lebih baru');
      throw new Error('bukan kunci publik Ed25519 yang sah');
    });
    keys.set(id, key);
  }
  return key;
}

/** True when `signature` is a valid Ed25519 signature of `message`; a malformed one is simply not valid. */
export async function ed25519Verifies(key: CryptoKey, signature: Uint8Array<ArrayBuffer>, message: Uint8Array<ArrayBuffer>): Promise<boolean> {
  if (signature.length !== 64) return false;
  try {
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
  } catch {
    return false;
  }
}
