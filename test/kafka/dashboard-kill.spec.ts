import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { EventStore } from '@mutasi/event-store';
import { RelayWorkers } from '@mutasi/relay';
import { LocalKafka, startLocalKafka } from '@mutasi/local-infra';
import { createTestDatabase, eventually, exited, syntheticHistories } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';

jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..');
const TABLES: readonly [string, string][] = [
  ['dashboard_cases', 'case_id'],
  ['dashboard_stage_durations', 'case_id, stage, entered_at'],
  ['dashboard_positions', 'position_id'],
  ['dashboard_steps', 'case_id, step_id'],
  ['dashboard_evaluations', 'case_id, period_months'],
];

let stderr = '';

/** dashboard-service as its own process (apps/dashboard-service), in a consumer group of its own. */
function startDashboardService(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, 'apps', 'dashboard-service', 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  return child;
}

/**
 * dashboard-service SIGKILLed in the middle of the topic, then restarted on the same consumer group, ends with
 * read models equal, row for row, to a dashboard that read the topic once without interruption.
 */
describe('dashboard-service killed mid-stream', () => {
  let kafka: LocalKafka;
  let t: TestApp;
  let child: ChildProcess | null = null;
  let killedDb: { url: string; drop(): Promise<void> };
  let killed: Client;
  let clean: Client;
  const histories = [...syntheticHistories(1_000)];
  const finalRevision = new Map(histories.map((h) => [h.streamId.slice('transfer-'.length), h.events.length - 1]));

  beforeAll(async () => {
    kafka = await startLocalKafka();
    t = await startTestApp({ workers: true, seedDemo: false, env: { KAFKA_BROKERS: kafka.brokers.join(',') } });
    killedDb = await createTestDatabase('mutasi_dashboard');
    killed = new Client({ connectionString: killedDb.url });
    clean = new Client({ connectionString: t.databaseUrl });
    await Promise.all([killed.connect(), clean.connect()]);
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await Promise.all([killed.end(), clean.end()]);
    await killedDb.drop();
    await t.close();
    await kafka.stop();
  });

  const casesAtFinalRevision = async (db: Client): Promise<number | undefined> => {
    try {
      const rows = (await db.query('SELECT case_id, last_sequence FROM dashboard_cases')).rows as { case_id: string; last_sequence: number }[];
      return rows.filter((r) => r.last_sequence === finalRevision.get(r.case_id)).length;
    } catch {
      return undefined; // the service has not created its tables yet
    }
  };
  const dump = async (db: Client): Promise<string[]> => {
    const parts: string[] = [];
    for (const [table, order] of TABLES) parts.push(JSON.stringify((await db.query(`SELECT * FROM ${table} ORDER BY ${order}`)).rows));
    return parts;
  };

  it('resumes from its committed offsets and converges to the uninterrupted read models', async () => {
    const store = t.app.get(EventStore);
    for (const h of histories) await store.append(h.streamId, h.events, 'no_stream');
    const relay = t.app.get(RelayWorkers).relay;
    await eventually(async () => ((await relay.status()).position === (await store.headPosition()) ? true : undefined), 180_000, 'the relay to publish every event');

    const env = {
      DATABASE_URL: killedDb.url,
      KAFKA_BROKERS: kafka.brokers.join(','),
      DASHBOARD_CONSUMER_GROUP: 'dashboard-under-test',
      AUTH_PUBLIC_KEY: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      HOST: '127.0.0.1',
      PORT: '0',
    };
    child = startDashboardService(env);
    const progressAtKill = await eventually(
      async () => {
        const done = await casesAtFinalRevision(killed);
        return done !== undefined && done > 0 ? done : undefined;
      },
      120_000,
      'the first committed batch of the dashboard-service',
    );
    child.kill('SIGKILL');
    expect(await exited(child)).toBe('SIGKILL');
    const afterKill = await casesAtFinalRevision(killed);
    expect(progressAtKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(histories.length);

    child = startDashboardService(env);
    await eventually(async () => ((await casesAtFinalRevision(killed)) === histories.length ? true : undefined), 180_000, 'the restarted dashboard-service to apply every case');
    await eventually(async () => ((await casesAtFinalRevision(clean)) === histories.length ? true : undefined), 180_000, 'the uninterrupted dashboard to apply every case');
    child.kill('SIGTERM');
    expect({ exit: await exited(child), stderr }).toEqual({ exit: 0, stderr: '' });

    const [resumed, uninterrupted] = await Promise.all([dump(killed), dump(clean)]);
    expect(resumed.join('').length).toBeGreaterThan(10_000);
    for (const [i, [table]] of TABLES.entries()) expect({ table, equal: resumed[i] === uninterrupted[i] }).toEqual({ table, equal: true });
  });
});
