/** libs/event-store: the EventStore port, its adapters (PostgreSQL, KurrentDB, in-memory) and the command pipeline. */
export * from './types';
export * from './errors';
export * from './position';
export * from './validation';
export * from './hash-chain';
export { catchUpSubscription, NewsLatch } from './catch-up';
export { inBatches } from './batches';
export { InMemoryEventStore } from './memory/in-memory-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { migrate, type Migration } from './postgres/migrations';
export * from './pipeline/command-pipeline';
export { eventIdFor } from './pipeline/event-ids';
export { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
export { StateCache, type CachedState } from './pipeline/state-cache';
export { openEventStore, type EventStoreLocation } from './open-event-store';
