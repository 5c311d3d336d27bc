import { Pool } from 'pg';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { EventStore } from './types';

/** Where the events live: KurrentDB when a connection string is given, otherwise PostgreSQL on the process's pool. */
export interface EventStoreLocation {
  /** `EVENTSTORE_CONNECTION_STRING`; null keeps the events in PostgreSQL. */
  readonly kurrentDbConnection: string | null;
  /** The process's pg pool (shared with TypeORM), used by the PostgreSQL adapter. */
  readonly pool: Pool;
}

/** The one place that picks and opens the event store adapter (the PostgreSQL one applies its own schema migrations). */
export async function openEventStore(location: EventStoreLocation): Promise<EventStore> {
  return location.kurrentDbConnection ? KurrentDbEventStore.connect(location.kurrentDbConnection) : PostgresEventStore.create(location.pool);
}
