import type { ChainFailureCode } from '@mutasi/integrity';

/**
 * What a stream's chain failure means for the record, said after the chain checker's own reason. Keyed by every
 * code of libs/integrity's chain checker (the one checker the server and the offline `mutasi verify` share).
 */
export const CHAIN_CONSEQUENCE: Readonly<Record<ChainFailureCode, string>> = {
  HASH_MISMATCH: 'the event was changed after it was stored',
  CHAIN_BROKEN: 'the chain is broken',
  REVISION_GAP: 'events are missing before it, or events were reordered',
  STREAM_MISMATCH: 'the event was moved between streams',
  MALFORMED_RECORD: 'the record cannot be checked',
};

/** Codes of the ledger, its tree heads and maps: what only the server's check (which holds the ledger) can see. */
const LEDGER_CODES = [
  /** A leaf no longer matches its event: the event was changed after it was recorded. */
  'LEAF_MISMATCH',
  /** An event stands elsewhere in the global order than where the ledger recorded it: inserted or reordered. */
  'LEAF_MOVED',
  /** The ledger records an event the store no longer holds: deleted, or its stream truncated. */
  'EVENT_DELETED',
  /** A signed tree head's signature does not verify. */
  'CHECKPOINT_SIGNATURE',
  /** A signed tree head disagrees with the stored head or with the root of the ledger's leaves. */
  'TREE_HEAD_MISMATCH',
  /** A checkpoint carries no completeness maps. */
  'NO_COMPLETENESS_MAPS',
  /** A checkpoint's maps are not the maps of its events. */
  'MAP_MISMATCH',
  /** The stored subtree hashes do not give the root of the leaves. */
  'LEDGER_NODES',
  /** The latest tree head lacks the cosignatures the witness policy asks for. */
  'WITNESS_POLICY',
  /** The tree head the caller holds is not signed by this ledger, or the ledger no longer extends it. */
  'HELD_CHECKPOINT',
] as const;

/** Why a place fails in `POST /api/audit/verify`: a chain checker's code, or a ledger code. */
export type VerificationFailureCode = ChainFailureCode | (typeof LEDGER_CODES)[number];

/** Every code, for the API's schema. */
export const VERIFICATION_FAILURE_CODES: readonly VerificationFailureCode[] = [...(Object.keys(CHAIN_CONSEQUENCE) as ChainFailureCode[]), ...LEDGER_CODES];
