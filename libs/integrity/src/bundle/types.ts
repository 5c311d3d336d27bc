import type { ChainFailureCode } from '../chain/verify-chain';
import type { EventRecord } from '../chain/event-hash';
import type { AgencyCasesProof, StreamHeadProof } from '../map/completeness';
import type { WitnessPolicy } from '../witness-policy';

/**
 * The format tag of version 2 bundles: JSON Lines (one JSON value per line), so exporter and verifier stream a
 * bundle of any size in flat memory. Line 1 is the {@link BundleHeader}; then, per stream, a {@link BundleStreamLine}
 * followed by its events in revision order, one {@link BundleEventLine} each; last, one {@link BundleEndLine}.
 */
export const AUDIT_BUNDLE_FORMAT = 'mutasi-audit-bundle/v2';
/** Version 1 (one JSON document) carried no completeness proofs: it is refused with a reason. */
export const AUDIT_BUNDLE_FORMAT_V1 = 'mutasi-audit-bundle/v1';

/** An event in a bundle: the stored record, its leaf in the global ledger and the inclusion proof (base64). */
export type BundleEvent = EventRecord & {
  leafIndex: number;
  inclusionProof: string[];
};

/** The signed tree head every proof of the bundle leads to. */
export interface BundleTreeHead {
  treeSize: number;
  /** Standard base64 of the 32-byte root. */
  rootHash: string;
  /** ISO 8601; the checkpoint carries it in whole seconds. */
  timestamp: string;
  /** The C2SP checkpoint: signed by the log, with the witnesses' cosignature lines. */
  checkpoint: string;
}

/** A proof that the bundle's tree head extends an earlier one of `fromSize` leaves and root `fromRoot`. */
export interface BundleConsistencyProof {
  fromSize: number;
  fromRoot: string;
  proof: string[];
}

/** What the bundle claims to hold in full: one case's stream, or every case stream of one agency. */
export type BundleScope = { kind: 'case'; caseId: string; streamId: string } | { kind: 'agency'; agencyId: string };

export interface BundleHeader {
  format: typeof AUDIT_BUNDLE_FORMAT;
  origin: string;
  verifierKey: string;
  treeHead: BundleTreeHead;
  scope: BundleScope;
  /** With an agency scope: the proof of the agency's whole case list in the checkpoint's agency-cases map. */
  agencyCases: AgencyCasesProof | null;
  consistencyProofs: BundleConsistencyProof[];
}

export interface BundleStreamLine {
  stream: { streamId: string; head: StreamHeadProof };
}

export interface BundleEventLine {
  event: BundleEvent;
}

export interface BundleEndLine {
  end: { streams: number; events: number };
}

/** One failing place in a bundle. `position` names it: `tree head`, `stream <id> revision <n>`, `leaf <i>`... */
export interface BundleFailure {
  readonly position: string;
  /** The event concerned, or null when the failure is not about one event. */
  readonly eventId: string | null;
  readonly reason: string;
  /** Set on a stream's hash-chain failures: the chain checker's code, as the server's `POST /api/audit/verify` gives it. */
  readonly code?: ChainFailureCode;
}

/** A stream whose last events the bundle left out: the revisions the checkpoint proves exist but are not here. */
export interface MissingRevisions {
  readonly streamId: string;
  readonly from: number;
  /** Null when the whole stream is missing: the bundle then carries no proof of its head. */
  readonly to: number | null;
}

/** Result of a bundle verification; failures are in check order, so `failures[0]` is the first failing place. */
export interface BundleVerification {
  readonly ok: boolean;
  /** Set when the input is not a bundle at all (not JSON lines, wrong format): nothing could be judged. */
  readonly unusable: string | null;
  readonly checkedEvents: number;
  readonly checkedStreams: number;
  readonly treeSize: number | null;
  readonly checkpointTime: string | null;
  readonly scope: BundleScope | null;
  /** Witnesses whose cosignature on the checkpoint verified under the policy, with their times. */
  readonly cosignedBy: readonly { name: string; time: string }[];
  /** Streams whose tail the bundle left out, and case streams of the scope it left out entirely (from 0). */
  readonly missing: readonly MissingRevisions[];
  readonly failures: readonly BundleFailure[];
}

/** Options of a bundle verification. */
export interface VerifyBundleOptions {
  /**
   * The log's verifier key, from the operator out of band: the bundle's own `verifierKey` must be exactly this one.
   * Without it, `trustBundleKey` must be set explicitly, and the result says the key was the bundle's own.
   */
  readonly trustedVerifierKey?: string;
  readonly trustBundleKey?: boolean;
  /** A checkpoint the verifier kept from earlier: the bundle's tree head must be the same or extend it. */
  readonly heldCheckpoint?: string;
  /** Witnesses whose cosignatures the checkpoint must carry. */
  readonly witnessPolicy?: WitnessPolicy;
}
