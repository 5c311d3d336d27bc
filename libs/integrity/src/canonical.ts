import { canonicalize } from 'json-canonicalize';
import { CanonicalizationError } from './errors';

/**
 * RFC 8785 (JCS) canonical JSON of a value: object keys sorted by UTF-16 code units, no whitespace, ECMAScript
 * number formatting. Two parties that hold the same JSON data get the same text, so hashes of it can be compared.
 *
 * Like `JSON.stringify`, object properties whose value is `undefined` are left out and `undefined` array
 * elements become `null`: that is what a JSON store gives back after a write, so an event hashes the same before
 * it is stored and after it is read back.
 *
 * @throws CanonicalizationError (`NOT_JSON`) for values JSON cannot carry: a top-level `undefined`, functions,
 *   symbols, bigints, NaN or infinities, circular structures.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new CanonicalizationError('undefined has no JSON form');
  let text: string;
  try {
    text = canonicalize(value);
  } catch (error: unknown) {
    throw new CanonicalizationError(`value has no canonical JSON form: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The canonicalizer writes the text "undefined" for functions and symbols instead of refusing them; it has
  // already refused cycles, so this walk terminates.
  assertJsonValue(value, '$');
  return text;
}

/** UTF-8 bytes of {@link canonicalJson}: what gets hashed and what a Merkle leaf contains. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

function assertJsonValue(value: unknown, path: string): void {
  const kind = typeof value;
  if (kind === 'function' || kind === 'symbol' || kind === 'bigint') {
    throw new CanonicalizationError(`${kind} at ${path} has no JSON form`);
  }
  if (value === null || kind !== 'object') return;
  // Objects with toJSON (dates) are serialised through it, so their inside does not matter.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return;
  if (Array.isArray(value)) {
    value.forEach((element, index) => assertJsonValue(element, `${path}[${index}]`));
    return;
  }
  for (const [key, element] of Object.entries(value as Record<string, unknown>)) {
    if (element !== undefined) assertJsonValue(element, `${path}.${key}`);
  }
}
