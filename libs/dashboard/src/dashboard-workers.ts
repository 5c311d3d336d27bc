import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { keepRunning } from '@mutasi/platform';
import { ProjectionRunner } from '@mutasi/read-models';
import { DashboardChanges } from './changes';
import { DashboardKafkaFeed } from './kafka-feed';
import { DashboardStoreFeed } from './store-feed';

/** Feeds the dashboard read models: from Kafka (distributed) or from the event store in process (standalone). */
export class DashboardWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Dashboard');
  private readonly stop = new AbortController();
  readonly runner: ProjectionRunner | null;
  readonly kafkaFeed: DashboardKafkaFeed | null;

  constructor(
    store: EventStore,
    db: DataSource,
    changes: DashboardChanges,
    kafka: Kafka | null,
    private readonly enabled: boolean,
    consumerGroup = 'mutasi-dashboard',
  ) {
    if (kafka) {
      this.kafkaFeed = new DashboardKafkaFeed(kafka, db, changes, consumerGroup);
      this.runner = null;
    } else {
      const feed = new DashboardStoreFeed(store);
      this.runner = new ProjectionRunner(store, db, feed, {
        batchSize: 200,
        onBatch: () => {
          changes.publish(feed.pending);
          feed.pending = [];
        },
      });
      this.kafkaFeed = null;
    }
  }

  get mode(): 'kafka' | 'in-process' {
    return this.kafkaFeed ? 'kafka' : 'in-process';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    if (this.kafkaFeed) {
      await this.kafkaFeed.start();
      return;
    }
    const runner = this.runner;
    if (runner)
      void keepRunning(
        'dashboard feed',
        this.stop.signal,
        () => runner.follow(this.stop.signal),
        (line) => this.logger.warn(line),
      );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.kafkaFeed?.stop();
  }
}
