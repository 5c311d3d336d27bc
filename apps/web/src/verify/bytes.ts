/** Byte helpers for the in-browser verifier: WebCrypto SHA-256, base64 and hex, with no library in between. */
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

export async function sha256(...parts: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

// atob() accepts missing padding, whitespace and non-zero padding bits, so "abc" and "abc=" and "abd=" could all
// pass for one hash. Evidence has exactly one spelling (as the server's verifier demands): padded standard base64
// whose re-encoding is the same text.
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  let raw = '';
  for (const b of bytes) raw += String.fromCharCode(b);
  return btoa(raw);
}

/** Canonical standard base64 (RFC 4648 §4, padded) decoded, or undefined for anything else. Never throws. */
export function tryFromBase64(text: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof text !== 'string' || !STD_BASE64.test(text)) return undefined;
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  return toBase64(bytes) === text ? bytes : undefined;
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The first characters of a hex hash and an ellipsis, for readable reasons. */
export const shortHash = (hex: string): string => (hex.length > 12 ? `${hex.slice(0, 12)}…` : hex);

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Byte order of two byte strings (negative, zero or positive), as Buffer.compare. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/** True when a string has no unpaired UTF-16 surrogate, so it encodes to UTF-8 and back unchanged. */
export const isWellFormed = (text: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/** Cuts long untrusted text so a reason can quote it. */
export const shorten = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** A short description of an untrusted value for a reason; never calls the value's own methods. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value));
  if (typeof value === 'number' || typeof value === 'boolean') return `${value}`;
  if (value === null || value === undefined) return `${value}`;
  return Array.isArray(value) ? 'sebuah daftar' : `nilai bertipe ${typeof value}`;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
