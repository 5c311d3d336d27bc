import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { Kafka, logLevel } from 'kafkajs';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { eventually } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';

const DOCS = join(__dirname, '..', '..', 'docs', 'integration-events');

/**
 * Against a real Apache Kafka broker: a case driven over HTTP reaches the topic in order and every dashboard read
 * model; an outside consumer with plain kafkajs decodes every message with the published JSON Schemas.
 */
describe('relay, topic and dashboard on a real broker', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let d: CaseDriver;
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');

  beforeAll(async () => {
    t = await startTestApp({ workers: true, env: { KAFKA_BROKERS: brokers.join(',') } });
    http = new MutasiHttp(t.url);
    d = new CaseDriver(http, positionId(AGENCY.lembahHijau, 'analis-kebijakan'), DEMO_NIP.interProvince);
    await d.throughApproval();
    await d.issueDecree();
    await d.appoint();
  }, 120_000);
  afterAll(() => t.close());

  it('shows the case in every dashboard read model', async () => {
    const inspector = async (path: string) => (await http.as('inspektur.bkn', 'GET', path)).body;
    await eventually(
      async () =>
        (await inspector('/api/dashboard/cases')).items.find((c: { caseId: string; status: string }) => c.caseId === d.caseId && c.status === 'APPOINTED') ? true : undefined,
      // Seconds on a quiet machine; a loaded CI runner with every suite at once has taken more than 30.
      90_000,
      'the dashboard to show the appointed case',
    );
    const pipeline = await inspector('/api/dashboard/pipeline');
    // The Kafka specs share one broker and topic: distributed-gateway's journeys put INTERNAL and KABKOTA_TO_PROVINSI
    // cases on it too, but no other spec appoints an INTER_PROVINCE case.
    const evaluation = pipeline.stages.find((s: { stage: string }) => s.stage === 'EVALUASI').byRoute as { route: string; cases: number }[];
    expect(evaluation.filter((r) => r.route === 'INTER_PROVINCE')).toEqual([{ route: 'INTER_PROVINCE', cases: 1 }]);
    const workload = await inspector(`/api/dashboard/workload-balance?agencyId=${AGENCY.lembahHijau}`);
    expect(workload.find((p: { positionId: string }) => p.positionId === positionId(AGENCY.lembahHijau, 'analis-kebijakan'))).toMatchObject({ casesUnderWay: 1 });
    const lead = await inspector('/api/dashboard/lead-times');
    expect(lead.map((r: { stage: string }) => r.stage)).toEqual(expect.arrayContaining(['ANALISIS_KEBUTUHAN', 'USULAN', 'SOSIALISASI', 'PERSETUJUAN', 'SK']));
    expect((await http.as('ppk.kab-lembah-hijau', 'GET', '/api/dashboard/inbox')).body).toEqual([]);
  });

  it('publishes the case in order on its key, decodable with the published JSON Schemas by plain kafkajs', async () => {
    const ajv = new Ajv2020({ strict: false, formats: { 'date-time': true, uuid: true } });
    const validators = new Map(
      readdirSync(DOCS)
        .filter((f) => f.endsWith('.schema.json'))
        .map((f) => {
          const schema = JSON.parse(readFileSync(join(DOCS, f), 'utf8')) as { title: string };
          return [schema.title, ajv.compile(schema)];
        }),
    );
    const kafka = new Kafka({ clientId: 'outside-agency', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `outside-${Date.now()}`, maxWaitTimeInMs: 300 });
    const seen: { key: string; value: { type: string; sequence: number; caseId: string } }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'mutasi.transfer-events.v1', fromBeginning: true });
    const stored = (await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}/events`)).body.events.length as number;
    await consumer.run({
      eachMessage: async ({ message }) => {
        const value = JSON.parse(String(message.value)) as { type: string; sequence: number; caseId: string };
        const validate = validators.get(value.type);
        expect(validate).toBeDefined();
        expect({ type: value.type, errors: validate?.(value) ? null : validate?.errors }).toEqual({ type: value.type, errors: null });
        seen.push({ key: String(message.key), value });
      },
    });
    await eventually(() => (seen.filter((s) => s.key === d.caseId).length >= stored ? true : undefined), 30_000, 'every event of the case on the topic');
    await consumer.disconnect();
    const mine = seen.filter((s) => s.key === d.caseId);
    expect(mine.every((s) => s.value.caseId === d.caseId)).toBe(true);
    const sequences = [...new Set(mine.map((s) => s.value.sequence))];
    expect(sequences).toEqual(Array.from({ length: stored }, (_, i) => i));
    expect(mine[0]?.value.type).toBe('mutasi.transfer.CaseOpened.v1');
  });

  it('publishes signed tree heads to mutasi.audit-checkpoints.v1', async () => {
    await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {});
    const kafka = new Kafka({ clientId: 'witness', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `witness-${Date.now()}`, maxWaitTimeInMs: 300 });
    const heads: { treeSize: number; checkpoint: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'mutasi.audit-checkpoints.v1', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void heads.push(JSON.parse(String(message.value)) as { treeSize: number; checkpoint: string }) });
    await eventually(() => (heads.length > 0 ? true : undefined), 30_000, 'a tree head on the topic');
    await consumer.disconnect();
    expect(heads[0]?.checkpoint).toContain('\n\n— ');
  });
});
