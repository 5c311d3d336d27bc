import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { Kafka, logLevel } from 'kafkajs';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { caseStreamId } from '@mutasi/domain';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { eventually } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';

const DOCS = join(__dirname, '..', '..', 'docs', 'integration-events');
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

type Message = { eventId: string; type: string; sequence: number; data: Record<string, unknown> };

/**
 * Against a real Apache Kafka broker: a case stream holding a raw `DocumentAttached.v1` (the shape before v2) is
 * published by the relay as the same `mutasi.transfer.DocumentAttached.v1` integration event a v2 gives, valid under
 * the published JSON Schema, and the Kafka-fed dashboard opens its verification task. The relay reads through the
 * domain's one reader: an old version never breaks it, and a new domain version never changes the contract.
 */
describe('an old domain event version on the topic (relay and Kafka-fed dashboard)', () => {
  let t: TestApp;
  let c: CaseDriver;
  let v1: RecordedEvent;
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
  const v1Hash = sha('surat permohonan, attached before v2, on Kafka');

  beforeAll(async () => {
    // Its own consumer group: a dashboard sharing the default group with another suite's would get only some partitions.
    t = await startTestApp({ workers: true, env: { KAFKA_BROKERS: brokers.join(','), DASHBOARD_CONSUMER_GROUP: `event-versions-${process.pid}-${Date.now()}` } });
    const http = new MutasiHttp(t.url);
    c = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await c.open();
    await c.approveNeeds();
    await c.propose();
    const store = t.app.get(EventStore);
    const last = (await store.readStream(caseStreamId(c.caseId))).at(-1) as RecordedEvent;
    const { prevHash: _prev, hash: _hash, ...metadata } = last.metadata;
    const commandId = randomUUID();
    v1 = (
      await store.append(
        caseStreamId(c.caseId),
        [
          {
            eventId: randomUUID(),
            type: 'DocumentAttached.v1',
            data: { documentId: 'doc-1', kind: 'EMPLOYEE_APPLICATION', title: 'Surat permohonan (v1)', sha256: v1Hash, agencyId: AGENCY.bandarLestari },
            metadata: { ...metadata, commandId, correlationId: commandId, causationId: commandId, ruleOutcomes: [] },
          },
        ],
        last.revision,
      )
    ).events[0] as RecordedEvent;
  }, 120_000);
  afterAll(() => t.close());

  it('publishes it as the DocumentAttached integration event, valid under its published schema, after the events before it', async () => {
    const schema = JSON.parse(readFileSync(join(DOCS, 'mutasi.transfer.DocumentAttached.v1.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false, formats: { 'date-time': true, uuid: true } }).compile(schema);
    const kafka = new Kafka({ clientId: 'outside-agency', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `event-versions-${Date.now()}`, maxWaitTimeInMs: 300 });
    const mine: Message[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'mutasi.transfer-events.v1', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void (String(message.key) === c.caseId && mine.push(JSON.parse(String(message.value)) as Message)) });
    const published = await eventually(() => mine.find((m) => m.eventId === v1.eventId), 30_000, 'the v1 event on the topic');
    await consumer.disconnect();
    expect(published).toMatchObject({
      type: 'mutasi.transfer.DocumentAttached.v1',
      sequence: v1.revision,
      data: { documentId: 'doc-1', kind: 'EMPLOYEE_APPLICATION', sha256: v1Hash },
    });
    expect({ errors: validate(published) ? null : validate.errors }).toEqual({ errors: null });
    expect([...new Set(mine.map((m) => m.sequence))]).toEqual(Array.from({ length: v1.revision + 1 }, (_, i) => i));
  });

  it('the Kafka-fed dashboard opens the verification task of the v1 document', async () => {
    const tasks = await eventually(
      async () => {
        const rows = (await t.db.query(`SELECT task_key, role FROM dashboard_tasks WHERE case_id = $1 AND kind = 'DOCUMENT_VERIFICATION'`, [c.caseId])).rows as {
          task_key: string;
          role: string;
        }[];
        return rows.length > 0 ? rows : undefined;
      },
      30_000,
      'the dashboard task of the v1 document',
    );
    expect(tasks).toEqual([{ task_key: 'document:doc-1', role: 'VERIFIKATOR' }]);
  });
});
