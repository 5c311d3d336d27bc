import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { IntegrationEvent, TOPICS } from '@mutasi/messaging';
import { inMessageSpans } from '@mutasi/observability';
import { DashboardChanges } from './changes';
import { DashboardProjector } from './dashboard-projector';

/**
 * Distributed mode's feed: a consumer group on `mutasi.transfer-events.v1`. Each batch is applied in one
 * transaction, and its offsets are committed only after that transaction: a crash replays, the projector drops
 * the repeats.
 */
export class DashboardKafkaFeed {
  private readonly logger = new Logger('DashboardFeed');
  private readonly projector = new DashboardProjector();
  private consumer: Consumer | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly db: DataSource,
    private readonly changes: DashboardChanges,
    private readonly groupId = 'mutasi-dashboard',
  ) {}

  async start(fromBeginning = true): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 500, sessionTimeout: 30_000 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.transferEvents.name, fromBeginning });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => this.batch(payload) });
  }

  private async batch({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (!isRunning() || isStale() || batch.messages.length === 0) return;
    const events: IntegrationEvent[] = [];
    for (const m of batch.messages) {
      try {
        events.push(JSON.parse(String(m.value)) as IntegrationEvent);
      } catch {
        this.logger.warn(`skipping an unreadable message at ${batch.topic}/${batch.partition}@${m.offset}`);
      }
    }
    // Each message's trace (the command that appended its event, via the relay's traceparent) goes on to the rows here.
    const applied = await inMessageSpans(
      'dashboard apply',
      batch.messages.map((m) => m.headers),
      () => this.db.transaction((tx) => this.projector.apply(events, tx)),
    );
    const last = batch.messages.at(-1);
    if (last) resolveOffset(last.offset);
    await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(last?.offset ?? '0') + 1n).toString() }] }] });
    await heartbeat();
    this.changes.publish(applied);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}
