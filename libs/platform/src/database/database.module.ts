import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { EventStore, openEventStore } from '@mutasi/event-store';
import { HealthRegistry } from '../health/health';

export interface DatabaseOptions {
  readonly url: string;
  /** TypeORM entity classes of every feature in this process. */
  readonly entities: MixedList<Function>;
  /** TypeORM migration classes of every feature in this process. */
  readonly migrations: MixedList<Function>;
  /** KurrentDB connection string; null keeps the event store on PostgreSQL. */
  readonly eventStoreConnection: string | null;
}

/** The pg pool under TypeORM, shared with the PostgreSQL event store so a process keeps one set of connections. */
export function poolOf(dataSource: DataSource): Pool {
  const driver = dataSource.driver;
  if (!(driver instanceof PostgresDriver)) throw new Error(`Mutasi runs on PostgreSQL, not ${dataSource.options.type}`);
  // TypeORM types its pg pool as `any`; it is the pg Pool it created.
  return driver.master as Pool;
}

class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Opens the data source and applies this process's pending migrations under a PostgreSQL advisory lock, so
 * services started at the same time against one database take turns instead of racing on the same tables.
 */
export async function openAndMigrate(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query("SELECT pg_advisory_lock(hashtext('mutasi-typeorm-migrations'))");
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query("SELECT pg_advisory_unlock(hashtext('mutasi-typeorm-migrations'))");
    }
  } catch (error) {
    await runner.release();
    await dataSource.destroy();
    throw error;
  }
  await runner.release();
  return dataSource;
}

/**
 * PostgreSQL through TypeORM (reference data, read models; migrations run at start, one process at a time) and the event store: KurrentDB
 * when `EVENTSTORE_CONNECTION_STRING` is set, otherwise the PostgreSQL adapter on the same database.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres' as const,
            url: options.url,
            entities: options.entities,
            migrations: options.migrations,
            migrationsTableName: 'mutasi_migrations',
            logging: ['error' as const],
            extra: { max: 40 },
          }),
          dataSourceFactory: (dataSourceOptions) => openAndMigrate(dataSourceOptions as DataSourceOptions),
        }),
      ],
      providers: [
        {
          provide: EventStore,
          inject: [DataSource, { token: HealthRegistry, optional: true }],
          useFactory: async (dataSource: DataSource, health: HealthRegistry | undefined): Promise<EventStore> => {
            const store = await openEventStore({ kurrentDbConnection: options.eventStoreConnection, pool: poolOf(dataSource) });
            health?.register('eventStore', async () => {
              await store.ping();
              return store.kind;
            });
            health?.register('database', async () => {
              await dataSource.query('SELECT 1');
              return 'postgresql';
            });
            new Logger('Database').log(`event store: ${store.kind}`);
            return store;
          },
        },
        EventStoreLifecycle,
      ],
      exports: [EventStore],
    };
  }
}
