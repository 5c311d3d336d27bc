import '../../../libs/observability/src/tracing/register'; // first: tracing must patch http, pg and kafkajs before they load (off without OTEL_EXPORTER_OTLP_ENDPOINT)
import 'reflect-metadata';
import { DatabaseModule, PlatformModule, runService } from '@mutasi/platform';
import { RelayTables1700000000400 } from '@mutasi/messaging';
import { RelayModule } from '@mutasi/relay';

/** The relay on its own: event store → mutasi.transfer-events.v1, checkpoint advanced after the broker acknowledged. */
void runService({
  name: 'relay',
  description: 'Publishes every transfer event as a versioned integration event to Kafka (at-least-once).',
  defaultPort: 3003,
  modules: (runtime) => {
    if (runtime.config.kafkaBrokers.length === 0) throw new Error('KAFKA_BROKERS is required: the relay publishes to Kafka');
    return [
      PlatformModule.forRoot(runtime),
      DatabaseModule.forRoot({ url: runtime.databaseUrl, entities: [], migrations: [RelayTables1700000000400], eventStoreConnection: runtime.config.eventStoreConnectionString }),
      RelayModule.forRoot({ brokers: runtime.config.kafkaBrokers, workers: true }),
    ];
  },
  backends: (config) => [`Kafka ${config.kafkaBrokers.join(',')}`],
});
