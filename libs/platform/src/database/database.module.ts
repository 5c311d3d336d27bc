import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource, MixedList } from 'typeorm';
import { EventStore, KurrentDbEventStore, PostgresEventStore } from '@mutasi/event-store';
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
  return (dataSource.driver as unknown as { master: Pool }).master;
}

class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * PostgreSQL through TypeORM (reference data, read models; migrations run at start) and the event store: KurrentDB
 * when `EVENTSTORE_CONNECTION_STRING` is set, otherwise the PostgreSQL adapter on the same database.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.url,
          entities: options.entities,
          migrations: options.migrations,
          migrationsRun: true,
          migrationsTableName: 'mutasi_migrations',
          logging: ['error'],
          extra: { max: 40 },
        }),
      ],
      providers: [
        {
          provide: EventStore,
          inject: [DataSource, { token: HealthRegistry, optional: true }],
          useFactory: async (dataSource: DataSource, health: HealthRegistry | undefined): Promise<EventStore> => {
            const store = options.eventStoreConnection ? KurrentDbEventStore.connect(options.eventStoreConnection) : await PostgresEventStore.create(poolOf(dataSource));
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
