import '../../../libs/observability/src/tracing/register'; // first: tracing must patch http, pg and kafkajs before they load (off without OTEL_EXPORTER_OTLP_ENDPOINT)
import 'reflect-metadata';
import { NOTIFICATION_MIGRATIONS, NotificationsModule } from '@mutasi/notifications';
import { DatabaseModule, PlatformModule, runService } from '@mutasi/platform';
import { TRANSFER_ENTITIES, TRANSFER_MIGRATIONS, TransfersModule } from '@mutasi/transfers';

/** transfer-service on its own: commands, cases, reference data, the scheduler, and notifications (the bell and e-mail). */
void runService({
  name: 'transfer-service',
  description: 'Commands and cases of mutasi ASN, reference data, the scheduler of due dates, and notifications.',
  defaultPort: 3001,
  modules: (runtime) => [
    PlatformModule.forRoot(runtime),
    DatabaseModule.forRoot({
      url: runtime.databaseUrl,
      entities: TRANSFER_ENTITIES,
      migrations: [...TRANSFER_MIGRATIONS, ...NOTIFICATION_MIGRATIONS],
      eventStoreConnection: runtime.config.eventStoreConnectionString,
    }),
    TransfersModule.forRoot({ workers: true, seedDemo: process.env.MUTASI_SEED_DEMO === 'true' }),
    // Next to the user directory (dev_users) it addresses, reading the event store directly like the scheduler.
    NotificationsModule.forRoot({ workers: true }),
  ],
  backends: (config) => [`event store ${config.eventStoreConnectionString ? 'KurrentDB' : 'PostgreSQL'}`, 'database PostgreSQL', ...(config.mail.smtpUrl ? ['mail SMTP_URL'] : [])],
});
