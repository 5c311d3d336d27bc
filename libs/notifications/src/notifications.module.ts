import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { AppConfig, Clock } from '@mutasi/platform';
import { NotificationQueries } from './notification-queries';
import { NotificationWorkers } from './notification-workers';
import { NotificationsController } from './notifications.controller';

/** Notifications: the projection and the mailer (workers), and the bell's API. Hosted by transfer-service when distributed. */
@Module({})
export class NotificationsModule {
  static forRoot(options: { workers: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [NotificationsController],
      providers: [
        { provide: NotificationQueries, inject: [DataSource], useFactory: (db: DataSource) => new NotificationQueries(db) },
        {
          provide: NotificationWorkers,
          inject: [EventStore, DataSource, Clock, AppConfig],
          useFactory: (store: EventStore, db: DataSource, clock: Clock, config: AppConfig) => new NotificationWorkers(store, db, clock, config.values.mail, options.workers),
        },
      ],
      exports: [NotificationWorkers, NotificationQueries],
    };
  }
}
