/** libs/read-models: the projection runner (batches, checkpoint in the same transaction, idempotent, rebuildable). */
export * from './projection';
export * from './projection-runner';
export { ProjectionCheckpoint } from './checkpoint.entity';
export { ProjectionBookkeeping1700000000100, ProjectionGenerations1700000000700, ProjectionQuarantine1700000000110 } from './migrations';
export * from './blue-green/blue-green-rebuild';
export { stagingSchemaOf } from './blue-green/generation-schema';
export * from './quarantine';

import { ProjectionCheckpoint } from './checkpoint.entity';
import { ProjectionBookkeeping1700000000100, ProjectionGenerations1700000000700, ProjectionQuarantine1700000000110 } from './migrations';

/** Entities and migrations to register in the process's DataSource. */
export const READ_MODEL_ENTITIES = [ProjectionCheckpoint];
export const READ_MODEL_MIGRATIONS = [ProjectionBookkeeping1700000000100, ProjectionQuarantine1700000000110, ProjectionGenerations1700000000700];
export * from './policies/policy-registry';
export * from './access/read-scopes';
