import type { Policy } from '../policy/policy';
import type { RuleOutcome } from '../rules/outcome';
import type { StoredEvent } from './upcasting';

/**
 * The stored-event catalogue: every stream and every stored event type that is not a transfer-case event, with its
 * payload, in one place. Writers build their events with these names and types, readers recognise them with the same
 * constants (never a bare string), so a new version changes one line here and the compiler finds every reader. The
 * transfer-case events are `TransferEvent` (transfer-case/events.ts) with their upcasters (transfer-upcasters.ts).
 */

/** Stream of the reference data imports (`ReferenceDataImported`, `ReferenceRecordsChanged`). */
export const REFERENCE_DATA_STREAM = 'reference-data';
/** Stream of the published policy versions. */
export const POLICY_STREAM = 'policy-versions';
/** Prefix of the streams of refused commands, one per actor (M-04). */
export const REFUSAL_STREAM_PREFIX = 'refusals-';

/** The audit stream of one actor's refused commands. */
export function refusalStreamId(actorId: string): string {
  return `${REFUSAL_STREAM_PREFIX}${actorId.replace(/[^A-Za-z0-9_.:@-]/g, '_').slice(0, 180)}`;
}

/** M-04: a refused command (403 or 422): who tried what on which case, and the permission or rule that refused it. */
export const COMMAND_REFUSED = 'CommandRefused.v1';
export type CommandRefusedData = {
  readonly command: string;
  readonly caseId: string | null;
  readonly status: number;
  readonly code: string;
  readonly ruleId: string | null;
  readonly reason: string;
  readonly legalBasis: string | null;
  /** What the client sent, printable and bounded. */
  readonly bodyExcerpt: string;
  /** The rule outcomes of a 422, when the refusal carried them. */
  readonly ruleOutcomes?: readonly RuleOutcome[];
};

/** A reference data import applied as a whole: its counts, its file's hash and how many change events follow it. */
export const REFERENCE_DATA_IMPORTED = 'ReferenceDataImported.v1';
export type ReferenceDataImportedData = {
  readonly source: 'api' | 'cli' | 'seed';
  readonly importId: string;
  readonly agencies: number;
  readonly positions: number;
  readonly employees: number;
  readonly delegations: number;
  readonly electionCalendars: number;
  readonly holidayCalendars: number;
  readonly users: number;
  readonly mutationPlans: number;
  readonly sha256: string;
  readonly changedRecords: number;
  readonly conflicts: readonly ReferenceImportConflict[];
  readonly changeEvents: number;
};

/** A field an import left as a newer placement says. */
export type ReferenceImportConflict = {
  readonly entity: 'position' | 'employee';
  readonly key: string;
  readonly field: string;
  readonly imported: unknown;
  readonly kept: unknown;
  readonly reason: string;
};

/** Up to a hundred records an import created or changed, field by field (sensitive values as comparable hashes). */
export const REFERENCE_RECORDS_CHANGED = 'ReferenceRecordsChanged.v1';
export type ReferenceRecordsChangedData = {
  readonly importId: string;
  readonly chunk: number;
  readonly changes: readonly ReferenceRecordChange[];
};

/** What an import did to one record. */
export type ReferenceRecordChange = {
  readonly entity: 'agency' | 'position' | 'employee' | 'mutationPlan' | 'delegation' | 'user' | 'holidayCalendar';
  readonly key: string;
  readonly created: boolean;
  readonly fields: readonly {
    readonly field: string;
    /** ADDED: a value where there was none; CHANGED: an earlier value altered or removed. */
    readonly kind: 'ADDED' | 'CHANGED';
    readonly old: unknown;
    readonly new: unknown;
    readonly sensitive: boolean;
  }[];
};

/** A policy version an administrator published. */
export const POLICY_VERSION_PUBLISHED = 'PolicyVersionPublished.v1';
export type PolicyVersionPublishedData = { readonly policy: Policy };

/** The payload of each stored type of the catalogue. */
export interface StoredPayloads {
  readonly [COMMAND_REFUSED]: CommandRefusedData;
  readonly [REFERENCE_DATA_IMPORTED]: ReferenceDataImportedData;
  readonly [REFERENCE_RECORDS_CHANGED]: ReferenceRecordsChangedData;
  readonly [POLICY_VERSION_PUBLISHED]: PolicyVersionPublishedData;
}

/**
 * The payload of a stored event of the catalogue when it has that type, else null. As a reader that must survive a
 * damaged event sees it: any field may be missing, so readers default each one (the store accepted the JSON).
 */
export function payloadOf<K extends keyof StoredPayloads>(stored: Pick<StoredEvent, 'type' | 'data'>, type: K): Partial<StoredPayloads[K]> | null {
  return stored.type === type ? (stored.data as Partial<StoredPayloads[K]>) : null;
}
