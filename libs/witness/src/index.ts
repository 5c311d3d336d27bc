/**
 * @mutasi/witness: a transparency-log witness (c2sp.org/tlog-witness, cosignatures per c2sp.org/tlog-cosignature)
 * that an institution outside the ministry (Inspektorat, BKN, Ombudsman) runs against the Mutasi ledger; see
 * docs/witness.md. Framework-free: node:http, node:fs, node:crypto and @mutasi/integrity.
 */
export { DEFAULT_WITNESS_PORT, loadWitnessConfig, WITNESS_VARIABLES, WitnessConfigError, type WitnessConfig } from './config/witness-config';
export { loadWitnessKey, type WitnessKey } from './config/witness-key';
export { splitKeyList, trustedLogs, type TrustedLogs } from './config/trusted-logs';
export { MAX_PROOF_LINES, parseAddCheckpointRequest, type AddCheckpointRequest } from './protocol/add-checkpoint-request';
export { readCheckpointBody, type CheckpointBody } from './protocol/checkpoint-body';
export { OUTCOME_STATUS, type AddCheckpointOutcome, type RefusalKind } from './protocol/outcome';
export { EVIDENCE_FORMAT, STATE_FORMAT, type CosignedCheckpoint, type Evidence, type EvidenceKind } from './store/records';
export { stateFileName, WitnessStore } from './store/witness-store';
export { Witness, type WitnessOptions } from './witness';
export { createWitnessServer, startWitness, type RunningWitness, type WitnessServerOptions } from './http/witness-server';
