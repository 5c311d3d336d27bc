import '../../../libs/observability/src/tracing/register'; // first: tracing must patch http, pg and kafkajs before they load (off without OTEL_EXPORTER_OTLP_ENDPOINT)
import 'reflect-metadata';
import { AUDIT_MIGRATIONS, AuditModule } from '@mutasi/audit';
import { DatabaseModule, PlatformModule, runService } from '@mutasi/platform';
import { READ_MODEL_ENTITIES, READ_MODEL_MIGRATIONS } from '@mutasi/read-models';

/** audit-service on its own: audit trail, flags, refusals, the signed ledger (reads the event store, not Kafka). */
void runService({
  name: 'audit-service',
  description: 'Audit trail, interference flags, refused commands, and the signed Merkle ledger with proofs and exports.',
  defaultPort: 3002,
  modules: (runtime) => [
    PlatformModule.forRoot(runtime),
    DatabaseModule.forRoot({
      url: runtime.databaseUrl,
      entities: READ_MODEL_ENTITIES,
      migrations: [...READ_MODEL_MIGRATIONS, ...AUDIT_MIGRATIONS],
      eventStoreConnection: runtime.config.eventStoreConnectionString,
    }),
    AuditModule.forRoot({ workers: true }),
  ],
  backends: (config) => [`event store ${config.eventStoreConnectionString ? 'KurrentDB' : 'PostgreSQL'}`, `tree heads to Kafka: ${config.kafkaBrokers.length > 0 ? 'yes' : 'no'}`],
});
