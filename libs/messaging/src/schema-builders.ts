/** Tiny builders for JSON Schema (draft 2020-12) fragments, so each contract reads as its fields. */
export type Schema = Record<string, unknown>;

export const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
export const nstr = (extra: Schema = {}): Schema => ({ type: ['string', 'null'], ...extra });
export const int = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra });
export const num = (): Schema => ({ type: 'number' });
export const bool = (): Schema => ({ type: 'boolean' });
export const date = (): Schema => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const ndate = (): Schema => ({ type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const instant = (): Schema => ({ type: 'string', format: 'date-time' });
export const sha256 = (): Schema => ({ type: 'string', pattern: '^[0-9a-f]{64}$' });
export const arr = (items: Schema): Schema => ({ type: 'array', items });

/** An object schema: every listed property required, nothing else allowed. */
export function obj(properties: Record<string, Schema>): Schema {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}
