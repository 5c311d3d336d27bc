import type { ReferenceImportConflict } from '@mutasi/domain';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@mutasi/integrity';

/** One field an import changed on one record, with the old and new value (sensitive values as comparable hashes). */
export interface FieldChange {
  readonly field: string;
  /** ADDED: a value where there was none (a new year's SKP rating); CHANGED: an earlier value altered or removed. */
  readonly kind: 'ADDED' | 'CHANGED';
  readonly old: unknown;
  readonly new: unknown;
  readonly sensitive: boolean;
}

/** What an import did to one record. */
export interface RecordChange {
  readonly entity: 'agency' | 'position' | 'employee' | 'mutationPlan' | 'delegation' | 'user' | 'holidayCalendar';
  readonly key: string;
  readonly created: boolean;
  readonly fields: readonly FieldChange[];
}

/** Fields whose values are personal (UU 27/2022): recorded as hashes that compare equal when the values are equal. */
const SENSITIVE = new Set(['discipline', 'relations', 'study']);

/** A sensitive value as `sha256:<hex>` of the record key, field and canonical value: equal values give equal hashes. */
export function sensitiveHash(key: string, field: string, value: unknown): string {
  return `sha256:${createHash('sha256')
    .update(canonicalJson({ key, field, value: value ?? null }))
    .digest('hex')}`;
}

/** Whether `next` only adds to `current`: a value where there was none, or list items appended with none altered or removed. */
function changeKind(current: unknown, next: unknown): FieldChange['kind'] {
  if (current === null || current === undefined) return 'ADDED';
  if (Array.isArray(current) && Array.isArray(next)) {
    const kept = new Set(next.map((v) => canonicalJson(v)));
    return current.every((v) => kept.has(canonicalJson(v))) ? 'ADDED' : 'CHANGED';
  }
  return 'CHANGED';
}

/** The fields of `next` that differ from `current`, compared as canonical JSON; null `current` means a new record. */
export function diffRecord(
  entity: RecordChange['entity'],
  key: string,
  current: Readonly<Record<string, unknown>> | null,
  next: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): RecordChange | null {
  if (current === null) return { entity, key, created: true, fields: [] };
  const changed = fields
    .filter((f) => canonicalJson(current[f] ?? null) !== canonicalJson(next[f] ?? null))
    .map((field): FieldChange => {
      const sensitive = SENSITIVE.has(field);
      return {
        field,
        kind: changeKind(current[field], next[field]),
        sensitive,
        old: sensitive ? sensitiveHash(key, field, current[field]) : (current[field] ?? null),
        new: sensitive ? sensitiveHash(key, field, next[field]) : (next[field] ?? null),
      };
    });
  return changed.length > 0 ? { entity, key, created: false, fields: changed } : null;
}

/** A field an import would have changed against a newer placement: reported and kept as the placement says. */
export type ImportConflict = ReferenceImportConflict;
