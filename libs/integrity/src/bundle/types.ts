import type { EventRecord } from '../chain/event-hash';

/** The format tag of version 1 bundles. */
export const AUDIT_BUNDLE_FORMAT = 'mutasi-audit-bundle/v1';

/** An event in a bundle: the stored record, its leaf in the global ledger and the inclusion proof (base64). */
export type BundleEvent = EventRecord & {
  leafIndex: number;
  inclusionProof: string[];
};

/** The signed tree head every inclusion proof of the bundle leads to. */
export interface BundleTreeHead {
  treeSize: number;
  /** Standard base64 of the 32-byte root. */
  rootHash: string;
  /** ISO 8601; the checkpoint carries it in whole seconds. */
  timestamp: string;
  /** The C2SP signed note (checkpoint) signing this head. */
  checkpoint: string;
}

/** A proof that the bundle's tree head extends an earlier one of `fromSize` leaves and root `fromRoot`. */
export interface BundleConsistencyProof {
  fromSize: number;
  fromRoot: string;
  proof: string[];
}

/**
 * A self-contained export (GET /api/audit/export) that `npx mutasi verify <file>` checks offline: whole streams
 * with their hashes, each event's inclusion proof, the signed tree head, the public key, and consistency proofs
 * from earlier tree heads so holders of those can check the log was only appended to.
 */
export interface AuditBundleV1 {
  format: typeof AUDIT_BUNDLE_FORMAT;
  origin: string;
  verifierKey: string;
  treeHead: BundleTreeHead;
  streams: { streamId: string; events: BundleEvent[] }[];
  consistencyProofs: BundleConsistencyProof[];
}

/** One failing place in a bundle. `position` names it: `tree head`, `stream <id> revision <n>`, `leaf <i>`... */
export interface BundleFailure {
  readonly position: string;
  /** The event concerned, or null when the failure is not about one event. */
  readonly eventId: string | null;
  readonly reason: string;
}

/** Result of {@link verifyBundle}; failures are in check order, so `failures[0]` is the first failing place. */
export interface BundleVerification {
  readonly ok: boolean;
  readonly checkedEvents: number;
  readonly failures: readonly BundleFailure[];
}

/** Options of {@link verifyBundle}. */
export interface VerifyBundleOptions {
  /** A checkpoint the verifier kept from earlier: the bundle's tree head must be the same or extend it. */
  readonly heldCheckpoint?: string;
  /**
   * The verifier key the verifier trusts (from the operator, out of band). When given, the bundle's own
   * `verifierKey` must be exactly this one: a bundle that brings its own key proves nothing on its own.
   */
  readonly trustedVerifierKey?: string;
}
