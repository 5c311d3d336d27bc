import { Kafka, logLevel } from 'kafkajs';
import { AGENCY, CaseDriver, MutasiHttp, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { TOPICS } from '@mutasi/messaging';
import { createTestDatabase, eventually } from '@mutasi/testing';
import { SPAN_KIND, startOtlpReceiver, startTracedServer } from '../e2e/tracing-support';

jest.setTimeout(300_000);

/**
 * W3C trace context through Kafka, on a real broker: the relay's message of a command's event carries a traceparent
 * of the command's trace, and the dashboard's consumer writes the row inside that same trace.
 */
describe('trace context from a command through Kafka to the dashboard', () => {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let server: Awaited<ReturnType<typeof startTracedServer>>;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    database = await createTestDatabase('mutasi_traced_kafka');
    server = await startTracedServer(database.url, receiver.url, { KAFKA_BROKERS: brokers.join(','), DASHBOARD_CONSUMER_GROUP: `traced-${Date.now()}` });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await database?.drop();
  });

  it("carries the command's trace id in the relay's traceparent header, and the dashboard apply joins that trace", async () => {
    const d = new CaseDriver(new MutasiHttp(server.url), positionId(AGENCY.bandarLestari, 'auditor'), SAMPLE_NIP.clean);
    await d.open();
    const command = await eventually(
      () => receiver.spans.find((s) => s.kind === SPAN_KIND.SERVER && s.attributes['http.request.method'] === 'POST' && s.attributes['url.path'] === '/api/transfers'),
      30_000,
      "the command's server span",
    );

    const kafka = new Kafka({ clientId: 'trace-check', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `trace-check-${Date.now()}` });
    const headers: Record<string, string>[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: TOPICS.transferEvents.name, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          if (String(message.key) !== d.caseId) return;
          headers.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])));
        },
      });
      const first = await eventually(() => headers[0], 60_000, "the case's first message on the topic");
      expect(first.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
      expect(first.traceparent?.split('-')[1]).toBe(command.traceId);
    } finally {
      await consumer.disconnect();
    }

    const apply = await eventually(
      () => receiver.spans.find((s) => s.name === 'dashboard apply' && s.traceId === command.traceId),
      60_000,
      "the dashboard apply span in the command's trace",
    );
    const row = await eventually(
      () =>
        receiver.spans.find(
          (s) =>
            s.traceId === command.traceId &&
            s.parentSpanId === apply.spanId &&
            s.attributes['db.system.name'] === 'postgresql' &&
            /INSERT INTO dashboard_cases/.test(String(s.attributes['db.query.text'])),
        ),
      30_000,
      "the dashboard row's INSERT under the apply span",
    );
    expect(row.service).toBe('mutasi');
  });
});
