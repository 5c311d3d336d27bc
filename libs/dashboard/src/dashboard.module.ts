import { DynamicModule, Logger, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { ReadScopes } from '@mutasi/read-models';
import { kafkaClient } from '@mutasi/messaging';
import { DashboardChanges } from './changes';
import { DashboardController } from './dashboard.controller';
import { MeController } from './me.controller';
import { DashboardQueries } from './dashboard-queries';
import { DashboardWorkers } from './dashboard-workers';
import { DashboardTables1700000000500, DashboardTasks1700000000520, DashboardTraining1700000000510 } from './migrations';

export const DASHBOARD_MIGRATIONS = [DashboardTables1700000000500, DashboardTraining1700000000510, DashboardTasks1700000000520];

/** dashboard-service: read models per screen, fed by integration events; API and live stream (the web app at /app draws them). */
@Module({})
export class DashboardModule {
  static forRoot(options: { workers: boolean; kafkaBrokers: readonly string[]; consumerGroup?: string }): DynamicModule {
    return {
      module: DashboardModule,
      controllers: [DashboardController, MeController],
      providers: [
        DashboardChanges,
        { provide: DashboardQueries, inject: [DataSource], useFactory: (db: DataSource) => new DashboardQueries(db) },
        { provide: ReadScopes, inject: [DataSource], useFactory: (db: DataSource) => new ReadScopes(db) },
        {
          provide: DashboardWorkers,
          inject: [EventStore, DataSource, DashboardChanges],
          useFactory: (store: EventStore, db: DataSource, changes: DashboardChanges) => {
            const kafka: Kafka | null = options.kafkaBrokers.length > 0 ? kafkaClient('mutasi-dashboard', options.kafkaBrokers, (line) => new Logger('Kafka').warn(line)) : null;
            return new DashboardWorkers(store, db, changes, kafka, options.workers, options.consumerGroup);
          },
        },
      ],
      exports: [DashboardWorkers, DashboardQueries, DashboardChanges],
    };
  }
}
