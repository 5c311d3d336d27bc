import { Base64Error } from './errors';

// Node's Buffer.from(s, 'base64') silently skips characters it does not know and accepts missing padding, so
// "abc!" and "abc" would both decode. Evidence must have exactly one spelling, so we check the alphabet and the
// padding first, and then that re-encoding gives the same text (which refuses non-zero padding bits).
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard base64 (RFC 4648 §4, padded), the encoding of hashes and signatures in checkpoints and bundles. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decodes canonical standard base64, or returns `undefined` for anything else (wrong alphabet, missing padding,
 * non-zero padding bits, not a string). For verifiers, which must not throw on garbage.
 */
export function tryFromBase64(text: unknown): Buffer | undefined {
  if (typeof text !== 'string' || !STD_BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/**
 * Decodes canonical standard base64.
 * @throws Base64Error (`INVALID_BASE64`) when the text is not canonical standard base64.
 */
export function fromBase64(text: string): Buffer {
  const bytes = tryFromBase64(text);
  if (bytes === undefined) throw new Base64Error(`not canonical standard base64: ${JSON.stringify(shorten(text, 40))}`);
  return bytes;
}

/** The first characters of a hex hash followed by an ellipsis, for human-readable failure reasons. */
export function shortHash(hex: string): string {
  return hex.length > 12 ? `${hex.slice(0, 12)}…` : hex;
}

/** Cuts long untrusted text so it can be quoted in a reason without flooding it. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * A short description of an untrusted value for a failure reason. Never calls the value's own toString, which
 * garbage input may have replaced with something that throws.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${value}`;
  if (typeof value === 'string') return JSON.stringify(shorten(value, 40));
  if (value === null || value === undefined) return `${value}`;
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}

/** True for a safe, non-negative integer: the only kind of size or index the ledger deals in. */
export function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
