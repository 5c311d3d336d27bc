import { Kafka, logLevel } from 'kafkajs';
import { EventStore } from '@mutasi/event-store';
import { RelayWorkers } from '@mutasi/relay';
import { LocalKafka, startLocalKafka } from '@mutasi/local-infra';
import { eventually, syntheticHistories } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';

jest.setTimeout(240_000);

/**
 * The broker stopped and restarted while the relay is publishing: no event is lost, no dashboard row counted twice.
 */
describe('relay through a broker outage', () => {
  let kafka: LocalKafka;
  let t: TestApp;

  beforeAll(async () => {
    kafka = await startLocalKafka();
    t = await startTestApp({ workers: true, seedDemo: false, env: { KAFKA_BROKERS: kafka.brokers.join(',') } });
  });
  afterAll(async () => {
    await t.close();
    await kafka.stop();
  });

  it('publishes every event exactly once in effect and the dashboard counts each case once', async () => {
    const store = t.app.get(EventStore);
    const histories = [...syntheticHistories(240)];
    const total = histories.reduce((n, h) => n + h.events.length, 0);
    let appended = 0;
    for (const [i, h] of histories.entries()) {
      await store.append(h.streamId, h.events, 'no_stream');
      appended += h.events.length;
      if (i === 60) await kafka.stopProcess();
      if (i === 150) await kafka.startProcess();
    }
    expect(appended).toBe(total);
    const relay = t.app.get(RelayWorkers).relay;
    await eventually(async () => ((await relay.status()).position === (await store.headPosition()) ? true : undefined), 120_000, 'the relay to publish everything');

    const consumer = new Kafka({ clientId: 'count', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: 'count', maxWaitTimeInMs: 300 });
    const ids = new Set<string>();
    let messages = 0;
    await consumer.connect();
    await consumer.subscribe({ topic: 'mutasi.transfer-events.v1', fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        messages += 1;
        ids.add((JSON.parse(String(message.value)) as { eventId: string }).eventId);
      },
    });
    await eventually(() => (ids.size >= total ? true : undefined), 60_000, 'every event id on the topic');
    await consumer.disconnect();
    expect(ids.size).toBe(total);
    expect(messages).toBeGreaterThanOrEqual(total);

    const finalRevision = new Map(histories.map((h) => [h.streamId.slice('transfer-'.length), h.events.length - 1]));
    await eventually(
      async () => {
        const rows = (await t.db.query('SELECT case_id, last_sequence FROM dashboard_cases')).rows as { case_id: string; last_sequence: number }[];
        return rows.length === histories.length && rows.every((r) => r.last_sequence === finalRevision.get(r.case_id)) ? true : undefined;
      },
      120_000,
      'the dashboard to apply every case to its last event',
    );
    const durations = (await t.db.query('SELECT case_id, stage, count(*)::int AS n FROM dashboard_stage_durations GROUP BY case_id, stage HAVING count(*) > 1')).rows;
    expect(durations).toEqual([]);
    const evaluations = Number((await t.db.query('SELECT count(*) FROM dashboard_evaluations')).rows[0].count);
    const expectedEvaluations = histories.flatMap((h) => h.events).filter((e) => e.type === 'EvaluationRecorded.v1').length;
    expect(evaluations).toBe(expectedEvaluations);
  });
});
