import '../../../libs/observability/src/tracing/register'; // first: tracing must patch http, pg and kafkajs before they load (off without OTEL_EXPORTER_OTLP_ENDPOINT)
import 'reflect-metadata';
import { DASHBOARD_MIGRATIONS, DashboardModule } from '@mutasi/dashboard';
import { DatabaseModule, PlatformModule, runService } from '@mutasi/platform';
import { READ_MODEL_ENTITIES, READ_MODEL_MIGRATIONS } from '@mutasi/read-models';

/** dashboard-service on its own: consumes mutasi.transfer-events.v1 in a consumer group; API, stream, web page. */
void runService({
  name: 'dashboard-service',
  description: 'Dashboards of mutasi ASN: pipeline, lead times, workload balance, inboxes, evaluations, cases; live stream and web page.',
  defaultPort: 3004,
  modules: (runtime) => {
    if (runtime.config.kafkaBrokers.length === 0) throw new Error('KAFKA_BROKERS is required: dashboard-service consumes integration events from Kafka');
    return [
      PlatformModule.forRoot(runtime),
      DatabaseModule.forRoot({
        url: runtime.databaseUrl,
        entities: READ_MODEL_ENTITIES,
        migrations: [...READ_MODEL_MIGRATIONS, ...DASHBOARD_MIGRATIONS],
        eventStoreConnection: runtime.config.eventStoreConnectionString,
      }),
      DashboardModule.forRoot({ workers: true, kafkaBrokers: runtime.config.kafkaBrokers, consumerGroup: runtime.config.dashboardConsumerGroup }),
    ];
  },
  backends: (config) => [`Kafka ${config.kafkaBrokers.join(',')}, consumer group ${config.dashboardConsumerGroup}`],
});
