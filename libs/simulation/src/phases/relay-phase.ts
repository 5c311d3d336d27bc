import { Logger } from '@nestjs/common';
import { Partitioners } from 'kafkajs';
import { EventStore } from '@mutasi/event-store';
import { kafkaClient, TOPICS } from '@mutasi/messaging';
import { Relay, RelayWorkers } from '@mutasi/relay';
import { pause } from '@mutasi/platform';
import { SimulationContext } from './phase';
import { openPhaseDatabase } from './phase-database';
import { diskUsage } from './disk-usage';
import { MeasuredPhase, PhaseMeter } from './phase-meter';

const PROGRESS_POLL_MS = 1_000;
const HEAD_POLL_MS = 50;

export interface RelayPhaseOptions {
  /** The broker's data directory when the run started it (startLocalKafka's `dataDir`): disk is its growth. */
  readonly kafkaDataDir?: string;
  /** Publish to this topic (created if missing) instead of the contract's: a spec on a shared broker. */
  readonly topic?: string;
}

/** Publishes until the relay's checkpoint is the store's head (publishAvailable stops at the first empty page). */
async function relayToHead(relay: Relay, store: EventStore): Promise<number> {
  let events = 0;
  for (;;) {
    const head = await store.headPosition();
    const read = await relay.publishAvailable();
    events += read;
    if ((await relay.status()).position >= head) return events;
    // Below the head with nothing to read: a transaction below it is still open (readAll's snapshot guard); look again shortly.
    if (read === 0) await pause(HEAD_POLL_MS);
  }
}

/**
 * "Relay to Kafka": the project's relay (libs/relay: read the store in global order from its checkpoint, map to
 * integration events, publish with the idempotent producer, advance the checkpoint after the broker acknowledged)
 * over every event not relayed yet, until its checkpoint reaches the store's head. The caller gives the brokers (the
 * app starts a local one when KAFKA_BROKERS is not set: no service lib may start infrastructure).
 */
export async function relayPhase(ctx: SimulationContext, brokers: readonly string[], options: RelayPhaseOptions = {}): Promise<MeasuredPhase> {
  const { db, store, close } = await openPhaseDatabase(ctx.databaseUrl);
  const kafka = kafkaClient('mutasi-simulate-relay', brokers, (line) => new Logger('Kafka').warn(line));
  // The producer RelayModule gives the relay: idempotent, one request in flight, keys hashed to partitions.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const topic = options.topic ?? TOPICS.transferEvents.name;
  const workers = new RelayWorkers(kafka, producer, new Relay(store, db, producer, 500, topic), false);
  try {
    await workers.connect();
    if (options.topic) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: TOPICS.transferEvents.partitions }] }).finally(() => admin.disconnect());
    }
    const diskBefore = options.kafkaDataDir ? await diskUsage(options.kafkaDataDir) : null;
    const before = await workers.relay.status();
    ctx.say(`relay: publishing to ${topic} on ${brokers.join(',')}`);
    const meter = new PhaseMeter(ctx, 'relay', 'messages');
    // Progress from the relay's own checkpoint, read once a second while it publishes.
    const poll = setInterval(() => {
      workers.relay.status().then(
        (s) => meter.progress(s.published - before.published),
        () => undefined,
      );
    }, PROGRESS_POLL_MS);
    let events: number;
    try {
      events = await relayToHead(workers.relay, store);
    } finally {
      clearInterval(poll);
    }
    const after = await workers.relay.status();
    meter.progress(after.published - before.published);
    const partitions = await topicPartitions(kafka, topic);
    return meter.finish({
      events,
      diskBytes: diskBefore === null || !options.kafkaDataDir ? null : (await diskUsage(options.kafkaDataDir)) - diskBefore,
      notes: [
        `topic ${topic}, ${partitions} partitions (key = caseId)`,
        `${(after.published - before.published).toLocaleString('en-US')} integration events published for ${events.toLocaleString('en-US')} stored events (reference data has no integration event)`,
        `relay checkpoint at ${after.position}, the store's head`,
      ],
    });
  } finally {
    await workers.onApplicationShutdown();
    await close();
  }
}

async function topicPartitions(kafka: ReturnType<typeof kafkaClient>, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    return metadata.topics[0]?.partitions.length ?? 0;
  } finally {
    await admin.disconnect();
  }
}
