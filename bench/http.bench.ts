import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Body, Controller, DynamicModule, HttpCode, Module, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AGENCY, CaseDriver, MutasiHttp } from '@mutasi/demo-data';
import { toDate } from '@mutasi/domain';
import { BENCH_TARGET, benchDataset } from './bench-dataset';
import { authFor, createHttpApp, DevTokenIssuer, FixedClock, loadConfig, Public } from '@mutasi/platform';
import { StandaloneModule } from '@mutasi/standalone';
import { Measurement, progress, report } from './harness';
import type { LoadRequest } from './http-load.worker';

/** The baseline: a bare Nest route in the same process doing one raw INSERT, no sign-in, no validation, no events. */
@Controller('bench')
class RawInsertController {
  constructor(private readonly db: DataSource) {}

  @Public()
  @Post('raw-insert')
  @HttpCode(200)
  async insert(@Body() body: Record<string, unknown>): Promise<{ ok: true }> {
    await this.db.query('INSERT INTO bench_raw (payload) VALUES ($1)', [JSON.stringify(body)]);
    return { ok: true };
  }
}

@Module({ controllers: [RawInsertController] })
class RawInsertModule {}

function load(
  baseUrl: string,
  requests: readonly LoadRequest[],
  concurrency: number,
  expectStatus: readonly number[],
): Promise<{ latenciesMs: number[]; seconds: number; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'http-load.worker.js'), { workerData: { baseUrl, requests, concurrency, expectStatus } });
    worker.once('message', (m: { error?: string; latenciesMs: number[]; seconds: number; failures: string[] }) => (m.error ? reject(new Error(m.error)) : resolve(m)));
    worker.once('error', reject);
  });
}

/**
 * Issue 3's benchmark: commands over HTTP through the whole stack (sign-in, validation, pipeline, PostgreSQL event
 * store) at 1, 8 and 32 concurrent clients, against the raw-INSERT route measured in the same process and run.
 */
export async function benchHttp(databaseUrl: string, scale: number): Promise<string[]> {
  const config = loadConfig({ AUTH_DEV_TOKENS: 'true', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: databaseUrl }, 'standalone');
  const clock = new FixedClock(new Date('2026-06-01T02:00:00Z'));
  const auth = await authFor(config);
  const root: DynamicModule = {
    module: class BenchRoot {},
    imports: [StandaloneModule.forRoot({ config, clock, databaseUrl, ...auth }, { workers: false, seedDemo: true }), RawInsertModule],
  };
  const app = await createHttpApp(root, { title: 'bench', description: 'bench', logger: false });
  await app
    .get(DataSource)
    .query('CREATE TABLE IF NOT EXISTS bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer() as { address(): { port: number } }).address().port}`;
  const issuer = auth.devAuth.issuer as DevTokenIssuer;
  const pengusul = await issuer.sign({ userId: 'pengusul.kota-bandar-lestari', name: 'Pengusul', agencyId: AGENCY.bandarLestari, roles: ['PENGUSUL'] });
  const lines: string[] = [];
  const n = Math.max(300, Math.round(3000 * scale));
  try {
    progress('http: preparing cases in the proposal stage');
    const cases: string[] = [];
    const http = new MutasiHttp(url);
    const prepared = Math.max(100, Math.round(300 * scale));
    const dataset = benchDataset(toDate(clock.now().toISOString()), prepared);
    const imported = await http.as('admin.bkn', 'POST', '/api/admin/import', dataset);
    if (imported.status !== 200) throw new Error(`bench data: ${JSON.stringify(imported.body)}`);
    for (const employee of dataset.employees) {
      const d = new CaseDriver(http, BENCH_TARGET, employee.nip);
      await d.open();
      await d.approveNeeds();
      await d.propose();
      cases.push(d.caseId);
    }
    const target = (await http.as('pengusul.kota-bandar-lestari', 'GET', `/api/agencies/${AGENCY.bandarLestari}/positions`)).body as {
      id: string;
      kebutuhan: number;
      bezetting: number;
    }[];
    const figures = target.find((p) => p.id === BENCH_TARGET) as { kebutuhan: number; bezetting: number };
    const open = {
      targetAgencyId: AGENCY.bandarLestari,
      targetPositionId: BENCH_TARGET,
      needsAnalysis: { kebutuhan: figures.kebutuhan, bezetting: figures.bezetting, planReference: 'RENCANA-MUTASI', justification: 'bench' },
    };
    for (const concurrency of [1, 8, 32]) {
      const measureRun = async (name: string, requests: LoadRequest[], expect: number[]): Promise<Measurement> => {
        progress(`http: ${name}`);
        const result = await load(url, requests, concurrency, expect);
        if (result.failures.length > 0) throw new Error(`${name}: unexpected answers ${result.failures.join(' | ')}`);
        return { name, operations: requests.length, items: requests.length, seconds: result.seconds, latenciesMs: result.latenciesMs };
      };
      const baseline = await measureRun(
        `bare Nest route, one raw INSERT, ${concurrency} client(s)`,
        Array.from({ length: n }, (_, i) => ({ path: '/bench/raw-insert', body: { i, note: 'baseline' }, token: null })),
        [200],
      );
      lines.push(report(baseline, 'requests'));
      const opened = await measureRun(
        `POST /api/transfers (open case), ${concurrency} client(s)`,
        Array.from({ length: n }, () => ({ path: '/api/transfers', body: open, token: pengusul })),
        [201],
      );
      lines.push(report(opened, 'commands', baseline, 0.5));
      const attach = await measureRun(
        `attach-document on existing cases, ${concurrency} client(s)`,
        Array.from({ length: n }, (_, i) => ({
          path: `/api/transfers/${cases[i % cases.length] as string}/attach-document`,
          body: { kind: 'OTHER', title: `lampiran ${i}`, sha256: randomUUID().replace(/-/g, '').padEnd(64, '0') },
          token: pengusul,
        })),
        [200],
      );
      lines.push(report(attach, 'commands', baseline, 0.5));
    }
  } finally {
    await app.close();
  }
  return lines;
}
