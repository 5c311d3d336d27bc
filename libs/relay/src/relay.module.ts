import { DynamicModule, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { HealthRegistry, keepRunning } from '@mutasi/platform';
import { ensureTopics, kafkaClient } from '@mutasi/messaging';
import { Relay } from './relay';

/** The relay's lifecycle: topics, an idempotent producer, and the follow loop (restarted after failures). */
export class RelayWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Relay');
  private readonly stop = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    readonly kafka: Kafka,
    readonly producer: Producer,
    readonly relay: Relay,
    private readonly enabled: boolean,
  ) {}

  /** Connects and creates the topics (idempotent). */
  async connect(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin);
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
    if (!this.enabled) return;
    this.loop = keepRunning(
      'relay',
      this.stop.signal,
      () => this.relay.follow(this.stop.signal),
      (line) => this.logger.warn(line),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.loop?.catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
  }
}

/** The relay as a Nest module: Kafka is configured, so events leave through it. */
@Module({})
export class RelayModule {
  static forRoot(options: { brokers: readonly string[]; workers: boolean }): DynamicModule {
    return {
      module: RelayModule,
      providers: [
        { provide: Kafka, useFactory: () => kafkaClient('mutasi-relay', options.brokers, (line) => new Logger('Kafka').warn(line)) },
        {
          provide: RelayWorkers,
          inject: [Kafka, EventStore, DataSource, HealthRegistry],
          useFactory: (kafka: Kafka, store: EventStore, db: DataSource, health: HealthRegistry) => {
            const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
            health.register('kafka', async () => {
              const admin = kafka.admin();
              await admin.connect();
              try {
                const cluster = await admin.describeCluster();
                return `${cluster.brokers.length} broker(s)`;
              } finally {
                await admin.disconnect();
              }
            });
            return new RelayWorkers(kafka, producer, new Relay(store, db, producer), options.workers);
          },
        },
      ],
      exports: [RelayWorkers, Kafka],
    };
  }
}
