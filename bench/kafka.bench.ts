import { DynamicModule, INestApplication } from '@nestjs/common';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DashboardChanges } from '@mutasi/dashboard';
import { EventStore, RecordedEvent, START } from '@mutasi/event-store';
import { IntegrationMapper, kafkaClient, TOPICS } from '@mutasi/messaging';
import { RelayWorkers, toMessage } from '@mutasi/relay';
import { authFor, createHttpApp, FixedClock, loadConfig } from '@mutasi/platform';
import { startLocalKafka } from '@mutasi/local-infra';
import { StandaloneModule } from '@mutasi/standalone';
import { syntheticHistories } from '../libs/testing/src/domain/synthetic-histories';
import { Measurement, progress, report } from './harness';

const BATCH = 500;

async function app(databaseUrl: string, brokers: readonly string[], workers: boolean, consumerGroup: string): Promise<INestApplication> {
  const config = loadConfig(
    { AUTH_DEV_TOKENS: 'true', DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers.join(','), DASHBOARD_CONSUMER_GROUP: consumerGroup, MUTASI_DATA_DIR: '/tmp/mutasi-bench' },
    'standalone',
  );
  const clock = new FixedClock(new Date('2026-06-01T02:00:00Z'));
  const root: DynamicModule = {
    module: class KafkaBenchRoot {},
    imports: [StandaloneModule.forRoot({ config, clock, databaseUrl, ...(await authFor(config)) }, { workers, seedDemo: false })],
  };
  return createHttpApp(root, { title: 'bench', description: 'bench', logger: false });
}

async function timed(name: string, items: number, work: () => Promise<unknown>): Promise<Measurement> {
  const t0 = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { name, operations: 1, items, seconds, latenciesMs: [seconds * 1000] };
}

/**
 * Issue 5's benchmark, on a real broker (a local one unless KAFKA_BROKERS is set): the relay (read the store, map,
 * publish with the idempotent producer, advance the checkpoint) against a raw kafkajs producer sending the same
 * messages in the same batches; then the lag from an append to the dashboard row it changes, with every worker of
 * the standalone composition running.
 */
export async function benchKafka(databaseUrl: string, scale: number): Promise<string[]> {
  const local = process.env.KAFKA_BROKERS ? null : await startLocalKafka({ log: progress });
  const brokers = local ? local.brokers : (process.env.KAFKA_BROKERS as string).split(',');
  const lines: string[] = [];
  try {
    let writer = await app(databaseUrl, brokers, false, 'bench-dashboard');
    await writer.init();
    const store = writer.get(EventStore);
    const histories = [...syntheticHistories(Math.max(300, Math.round(1_500 * scale)) + 400)];
    const lagCases = histories.splice(histories.length - 400);
    let total = 0;
    for (const { streamId, events } of histories) {
      await store.append(streamId, events, 'no_stream');
      total += events.length;
      if (total % 5_000 < events.length) progress(`kafka: writing ${total.toLocaleString('en-US')} events`);
    }

    progress('kafka: raw producer baseline');
    const recorded: RecordedEvent[] = [];
    for (let after: unknown = START; ;) {
      const page = await store.readAll({ after: after as never, limit: 5_000 });
      if (page.events.length === 0) break;
      recorded.push(...page.events);
      after = page.nextPosition;
    }
    const messages = (await new IntegrationMapper(store).map(recorded)).map(toMessage);
    const kafka = kafkaClient('bench-raw', brokers);
    const admin = kafka.admin();
    await admin.connect();
    const rawTopic = `bench.raw-transfer-events.${Date.now()}`;
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: rawTopic, numPartitions: TOPICS.transferEvents.partitions, replicationFactor: -1 }] });
    await admin.disconnect();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const raw = await timed('raw kafkajs idempotent producer, same messages and batches', messages.length, async () => {
      for (let i = 0; i < messages.length; i += BATCH) await producer.send({ topic: rawTopic, acks: -1, messages: messages.slice(i, i + BATCH) });
    });
    await producer.disconnect();
    lines.push(report(raw, 'events'));

    progress('kafka: relay');
    const relay = writer.get(RelayWorkers).relay;
    const relayed = await timed('relay: read store, map, publish, advance checkpoint', total, () => relay.publishAvailable());
    lines.push(report(relayed, 'events', raw, 0.5));
    await writer.close();

    progress('kafka: dashboard catching up');
    writer = await app(databaseUrl, brokers, true, `bench-dashboard-${Date.now()}`);
    await writer.init();
    const db = writer.get(DataSource);
    const changes = writer.get(DashboardChanges);
    const seen = new Map<string, () => void>();
    const arrivals = changes.stream.subscribe((c) => seen.get(c.caseId)?.());
    // Caught up when every case has a row: checked at start and again after changes, never on a timer.
    const caughtUp = async (): Promise<boolean> => ((await db.query('SELECT count(*)::int AS n FROM dashboard_cases')) as { n: number }[])[0]?.n === histories.length;
    if (!(await caughtUp())) {
      await new Promise<void>((resolve, reject) => {
        let checking = false;
        let changedSince = false;
        const check = (): void => {
          if (checking) return void (changedSince = true);
          checking = true;
          changedSince = false;
          caughtUp().then((done) => {
            checking = false;
            if (done) {
              subscription.unsubscribe();
              resolve();
            } else if (changedSince) check();
          }, reject);
        };
        const subscription = changes.stream.subscribe(check);
      });
    }

    progress('kafka: end-to-end lag');
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    for (const [i, h] of lagCases.entries()) {
      const arrived = new Promise<void>((resolve) => seen.set(h.streamId.slice('transfer-'.length), resolve));
      const t0 = process.hrtime.bigint();
      await writer.get(EventStore).append(h.streamId, h.events.slice(0, 1), 'no_stream');
      await arrived;
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (i % 50 === 0) progress(`kafka: end-to-end lag ${i}/${lagCases.length}`);
    }
    arrivals.unsubscribe();
    const lag: Measurement = {
      name: 'append → relay → Kafka → dashboard row committed (one event)',
      operations: lagCases.length,
      items: lagCases.length,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      latenciesMs: latencies,
    };
    lines.push(report(lag, 'events'));
    lines.push('  (one append at a time, every standalone worker running: audit, ledger, scheduler, relay, dashboard feed)');
    await writer.close();
  } finally {
    await local?.stop();
  }
  return lines;
}
