import { DataSource } from 'typeorm';
import { EventStore, openEventStore } from '@mutasi/event-store';
import { READ_MODEL_MIGRATIONS } from '@mutasi/read-models';
import { AUDIT_MIGRATIONS } from '@mutasi/audit';
import { RelayTables1700000000400 } from '@mutasi/messaging';
import { openAndMigrate, poolOf } from '@mutasi/platform';

/** What a phase reads and writes: the TypeORM data source (read models, ledger, relay checkpoint) and the event store on its pool. */
export interface PhaseDatabase {
  readonly db: DataSource;
  readonly store: EventStore;
  close(): Promise<void>;
}

/**
 * Opens the run's database for one phase: the tables of the ledger, the projection bookkeeping and the relay
 * checkpoint (migrated if the generator has not already), and the event store on the same pool, as the services
 * open it (KurrentDB when `EVENTSTORE_CONNECTION_STRING` is set).
 */
export async function openPhaseDatabase(databaseUrl: string): Promise<PhaseDatabase> {
  const db = await openAndMigrate({
    type: 'postgres',
    url: databaseUrl,
    entities: [],
    migrations: [...READ_MODEL_MIGRATIONS, ...AUDIT_MIGRATIONS, RelayTables1700000000400],
    migrationsTableName: 'mutasi_migrations',
    logging: ['error'],
    extra: { max: 8 },
  });
  try {
    const store = await openEventStore({ kurrentDbConnection: process.env.EVENTSTORE_CONNECTION_STRING ?? null, pool: poolOf(db) });
    return {
      db,
      store,
      async close() {
        await store.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
