/**
 * The audit bundle as the browser reads it: `mutasi-audit-bundle/v2`, JSON Lines (libs/integrity/src/bundle/types.ts
 * is the reference). Line 1 is the header; then, per stream, a stream line followed by its events in revision order;
 * last, one end line.
 */
export const BUNDLE_FORMAT = 'mutasi-audit-bundle/v2';
export const BUNDLE_FORMAT_V1 = 'mutasi-audit-bundle/v1';

/** A map leaf with its RFC 6962 inclusion proof (base64) in the map's tree. */
export interface MapLeafProof {
  readonly index: number;
  readonly entry: string;
  readonly proof: readonly string[];
}

/** A stream's head in the stream-heads map, with the entries on either side (other streams). */
export interface StreamHeadProof {
  readonly head: MapLeafProof | null;
  readonly before: MapLeafProof | null;
  readonly after: MapLeafProof | null;
}

/** An agency's whole case list in the agency-cases map, with the entries on either side (other agencies). */
export interface AgencyCasesProof {
  readonly agencyId: string;
  readonly entries: readonly MapLeafProof[];
  readonly before: MapLeafProof | null;
  readonly after: MapLeafProof | null;
}

export type BundleScope = { kind: 'case'; caseId: string; streamId: string } | { kind: 'agency'; agencyId: string };

export interface BundleHeader {
  format: string;
  origin: string;
  verifierKey: string;
  treeHead: { treeSize: number; rootHash: string; timestamp: string; checkpoint: string };
  scope: BundleScope;
  agencyCases: AgencyCasesProof | null;
  consistencyProofs: { fromSize: number; fromRoot: string; proof: string[] }[];
}

/** An event line's event: the stored record, its leaf in the global ledger and its inclusion proof (base64). */
export interface BundleEvent {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  leafIndex: number;
  inclusionProof: string[];
}

/** A witness policy: at least `threshold` of these cosigner verifier keys must have cosigned the checkpoint. */
export interface WitnessPolicy {
  readonly threshold: number;
  readonly witnesses: readonly string[];
}

/**
 * Why a place fails, as a code the page shows with its label (VERIFY_FAILURES in i18n/labels.ts). The codes of
 * {@link COMPLETENESS_CODES} say something was left out; every other one says something is wrong. (An input that is
 * no bundle at all is not a failure but `unusable`; the page shows it as NOT_A_BUNDLE.)
 */
export const FAILURE_CODES = [
  'PINNED_KEY_INVALID',
  'KEY_NOT_PINNED',
  'CHECKPOINT_SIGNATURE',
  'TREE_HEAD_MISMATCH',
  'NO_COMPLETENESS_MAPS',
  'WITNESS_POLICY',
  'CONSISTENCY',
  'HELD_CHECKPOINT',
  'AGENCY_CASES_UNPROVEN',
  'NOT_THE_CASE',
  'LINE_MALFORMED',
  'STREAM_TWICE',
  'STREAM_OUT_OF_SCOPE',
  'HEAD_UNPROVEN',
  'STREAM_NOT_IN_CHECKPOINT',
  'STREAM_MISMATCH',
  'MALFORMED_RECORD',
  'REVISION_GAP',
  'CHAIN_BROKEN',
  'HASH_MISMATCH',
  'LEAF_UNHASHABLE',
  'NOT_IN_TREE',
  'REVISIONS_MISSING',
  'BEYOND_HEAD',
  'HEAD_MISMATCH',
  'CUT_SHORT',
  'END_MISCOUNT',
  'END_MALFORMED',
  'STREAM_LEFT_OUT',
  'UNEXPECTED',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** Failures that only say the bundle holds less than the checkpoint proves: the verdict is "Tidak lengkap". */
export const COMPLETENESS_CODES: ReadonlySet<FailureCode> = new Set<FailureCode>(['REVISIONS_MISSING', 'STREAM_LEFT_OUT', 'CUT_SHORT', 'END_MISCOUNT']);

/**
 * One failing place, in Indonesian: `place` names it (`kepala pohon`, `aliran <id>`, `aliran <id> revisi <n>`,
 * `daun <i>`, …), in the order and at the places of the reference verifier's `position`s.
 */
export interface VerificationFailure {
  readonly place: string;
  readonly code: FailureCode;
  readonly eventId: string | null;
  readonly reason: string;
}

/** A stream whose last revisions the bundle left out (`to` null: the whole stream, which the bundle never named). */
export interface MissingRevisions {
  readonly streamId: string;
  readonly from: number;
  readonly to: number | null;
}

/** The three verdicts the page shows: Terverifikasi, Gagal verifikasi, Tidak lengkap (VERIFY_OUTCOMES). */
export type Outcome = 'VERIFIED' | 'FAILED' | 'INCOMPLETE';

export interface BundleVerification {
  readonly ok: boolean;
  readonly outcome: Outcome;
  /** Set when the input is no v2 bundle at all (not JSON lines, a v1 bundle): nothing could be judged. */
  readonly unusable: string | null;
  readonly checkedEvents: number;
  readonly checkedStreams: number;
  /** The size of the tree head signed by the pinned key, or null when no such signature verified. */
  readonly treeSize: number | null;
  /** When the log signed that tree head (ISO 8601, whole seconds), or null. */
  readonly signedAt: string | null;
  /** The name of the pinned key, or null when it could not be read. */
  readonly keyName: string | null;
  readonly scope: BundleScope | null;
  /** The signed checkpoint, with its cosignatures: what the page keeps as the held checkpoint once verified. */
  readonly checkpoint: string | null;
  /** The policy applied, or null for none ("tanpa kebijakan saksi"). */
  readonly witnessPolicy: { readonly threshold: number; readonly witnesses: number } | null;
  /** The policy's witnesses whose cosignature verified, with their latest cosigning time (ISO 8601). */
  readonly cosignedBy: readonly { readonly name: string; readonly time: string }[];
  /** The size of the held checkpoint the bundle was checked against, or null when none was given. */
  readonly heldSize: number | null;
  readonly missing: readonly MissingRevisions[];
  /** In check order: the first element is the first failing place. */
  readonly failures: readonly VerificationFailure[];
}

export interface VerifyOptions {
  /** The case the inspector asked about: the bundle's scope must be exactly that case. */
  readonly caseId?: string;
  /** A checkpoint kept from an earlier verification: the bundle's tree head must equal or extend it. */
  readonly heldCheckpoint?: string;
  /** Witnesses whose cosignatures the checkpoint must carry; none when left out. */
  readonly witnessPolicy?: WitnessPolicy;
}
