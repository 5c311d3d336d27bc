/**
 * @mutasi/integrity: what guards the record (docs/architecture.md, "Integrity").
 *
 * - per-stream hash chains over RFC 8785 canonical JSON,
 * - an RFC 6962 Merkle ledger kept as perfect-subtree hashes, with proofs byte-identical to RFC 9162,
 * - signed tree heads as C2SP checkpoints (signed notes with Ed25519),
 * - the offline verification of audit bundles.
 *
 * Depends only on node:crypto and json-canonicalize, so it can be audited on its own.
 */
export { Base64Error, CanonicalizationError, IntegrityError, MerkleError, NoteError, type IntegrityErrorCode } from './errors';
export { fromBase64, toBase64, tryFromBase64 } from './encoding';
export { canonicalBytes, canonicalJson } from './canonical';

export { computeEventHash, eventLeafData, GENESIS_HASH, hashAndLeaf, type EventRecord } from './chain/event-hash';
export { ChainCursor, verifyStreamChain, type ChainFailure, type ChainFailureCode, type ChainOptions } from './chain/verify-chain';

export { emptyRoot, HASH_SIZE, leafHash, nodeHash, rootFromLeafHashes } from './merkle/hash';
export { consistencyProofNodes, inclusionProofNodes, nodeKeyString, rootNodes, type NodeKey } from './merkle/plan';
export { buildConsistencyProof, buildInclusionProof, rootFromNodes, type NodeLookup } from './merkle/build';
export { newNodesOnAppend, type StoredNode } from './merkle/append';
export { CompactRange } from './merkle/compact-range';
export { verifyConsistency, verifyInclusion, type ConsistencyClaim, type InclusionClaim, type ProofCheck } from './merkle/verify';

export {
  ed25519KeyId,
  formatVerifierKey,
  generateSignerKey,
  parseSignerKey,
  parseVerifierKey,
  verifierKeyFromSignerKey,
  type NoteSignerKey,
  type NoteVerifierKey,
} from './note/keys';
export { openNote, parseSignedNote, signNote, type NoteCheck, type NoteSignature, type SignedNote } from './note/signed-note';
export { formatCheckpointText, parseCheckpoint, signCheckpoint, verifyCheckpoint, type Checkpoint, type CheckpointCheck, type CheckpointFields } from './checkpoint/checkpoint';

export { BundleVerifier, verifyBundleText } from './bundle/bundle-verifier';
export {
  AUDIT_BUNDLE_FORMAT,
  AUDIT_BUNDLE_FORMAT_V1,
  type BundleConsistencyProof,
  type BundleEndLine,
  type BundleEvent,
  type BundleEventLine,
  type BundleFailure,
  type BundleHeader,
  type BundleScope,
  type BundleStreamLine,
  type BundleTreeHead,
  type BundleVerification,
  type MissingRevisions,
  type VerifyBundleOptions,
} from './bundle/types';

export {
  agencyCaseEntry,
  compareEntries,
  parseAgencyCaseEntry,
  parseStreamHeadEntry,
  streamHeadEntry,
  AGENCY_CASE_TAG,
  STREAM_HEAD_TAG,
  type AgencyCase,
  type StreamHead,
} from './map/entries';
export { EntryTree, type MapLeafProof, type MapRoot } from './map/entry-tree';
export { MapBuilder } from './map/map-builder';
export {
  proveAgencyCases,
  proveStreamHead,
  verifyAgencyCases,
  verifyMapLeaf,
  verifyStreamHead,
  type AgencyCasesProof,
  type Checked,
  type StreamHeadProof,
} from './map/completeness';

export * from './note/cosignature';
export * from './witness-policy';
