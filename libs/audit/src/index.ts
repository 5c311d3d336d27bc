/** libs/audit: audit-service as a Nest module — audit trail, interference flags, refusals, the integrity ledger. */
export * from './audit.module';
export { AuditWorkers } from './audit-workers';
export { AuditTrailProjection } from './trail/audit-trail.projection';
export { FlagsProjection } from './flags/flags.projection';
export { RefusalsProjection } from './refusals/refusals.projection';
export { LedgerProjection } from './ledger/ledger.projection';
export { TreeHeads, type TreeHead } from './ledger/tree-heads';
export { LedgerProofs } from './ledger/proofs';
export { RecordVerifier, type VerificationReport } from './verify/record-verifier';
export { BundleExporter } from './export/bundle-exporter';
export { describeEvent } from './trail/describe-event';
export { eventFlags, decreeFlags } from './flags/flag-rules';
