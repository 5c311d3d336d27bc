import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Body, Controller, DynamicModule, HttpCode, Module, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AGENCY, CaseDriver, MutasiHttp } from '@mutasi/demo-data';
import { toDate } from '@mutasi/domain';
import { BENCH_OPEN_TARGETS, BENCH_TARGET, benchDataset } from './bench-dataset';
import { authFor, createHttpApp, DevTokenIssuer, FixedClock, loadConfig, Public } from '@mutasi/platform';
import { StandaloneModule } from '@mutasi/standalone';
import { Measurement, progress, report } from './harness';
import type { LoadRequest } from './http-load.worker';

/** The bare route and the commands are measured in this many turns each, alternating. */
const TURNS = 5;

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
    const openOn = (positionId: string) => {
      const figures = target.find((p) => p.id === positionId) as { kebutuhan: number; bezetting: number };
      return {
        targetAgencyId: AGENCY.bandarLestari,
        targetPositionId: positionId,
        needsAnalysis: { kebutuhan: figures.kebutuhan, bezetting: figures.bezetting, planReference: 'RENCANA-MUTASI', justification: 'bench' },
      };
    };
    const onOne = openOn(BENCH_TARGET);
    const spread = BENCH_OPEN_TARGETS.map(openOn);
    const kinds: { name: (c: number) => string; unit: string; expect: number[]; request: (i: number) => LoadRequest }[] = [
      {
        name: (c) => `bare Nest route, one raw INSERT, ${c} client(s)`,
        unit: 'requests',
        expect: [200],
        request: (i) => ({ path: '/bench/raw-insert', body: { i, note: 'baseline' }, token: null }),
      },
      {
        name: (c) => `POST /api/transfers (open case, 64 positions), ${c} client(s)`,
        unit: 'commands',
        expect: [201],
        request: (i) => ({ path: '/api/transfers', body: spread[i % spread.length], token: pengusul }),
      },
      {
        name: (c) => `attach-document on existing cases, ${c} client(s)`,
        unit: 'commands',
        expect: [200],
        request: (i) => ({
          path: `/api/transfers/${cases[i % cases.length] as string}/attach-document`,
          body: { kind: 'OTHER', title: `lampiran ${i}`, sha256: randomUUID().replace(/-/g, '').padEnd(64, '0') },
          token: pengusul,
        }),
      },
      // Context, no target: every case on the same position, so R-04's row lock makes them take turns.
      {
        name: (c) => `POST /api/transfers (open case, all on one position), ${c} client(s)`,
        unit: 'commands',
        expect: [201],
        request: () => ({ path: '/api/transfers', body: onOne, token: pengusul }),
      },
    ];
    for (const concurrency of [1, 8, 32]) {
      // The bare route and the two commands run in turns, a fifth of each at a time, so a change of load on the shared
      // cores (other jobs) falls on all three rather than on whichever ran last.
      const slices = kinds.map(() => ({ seconds: 0, latenciesMs: [] as number[] }));
      for (let turn = 0; turn < TURNS; turn += 1) {
        const from = Math.floor((turn * n) / TURNS);
        const to = Math.floor(((turn + 1) * n) / TURNS);
        for (const [k, kind] of kinds.entries()) {
          const name = kind.name(concurrency);
          progress(`http: ${name} (turn ${turn + 1} of ${TURNS})`);
          const result = await load(
            url,
            Array.from({ length: to - from }, (_, j) => kind.request(from + j)),
            concurrency,
            kind.expect,
          );
          if (result.failures.length > 0) throw new Error(`${name}: unexpected answers ${result.failures.join(' | ')}`);
          const slice = slices[k] as { seconds: number; latenciesMs: number[] };
          slice.seconds += result.seconds;
          slice.latenciesMs.push(...result.latenciesMs);
        }
      }
      const measured = kinds.map((kind, k): Measurement => ({
        name: kind.name(concurrency),
        operations: n,
        items: n,
        ...(slices[k] as { seconds: number; latenciesMs: number[] }),
      }));
      const [baseline, ...commands] = measured as [Measurement, ...Measurement[]];
      lines.push(report(baseline, 'requests'));
      const context = kinds.length - 2;
      for (const [k, m] of commands.entries()) lines.push(report(m, kinds[k + 1]?.unit ?? 'commands', baseline, k === context ? undefined : 0.5));
      if (concurrency === 32)
        for (const m of commands.filter((_, k) => k !== context)) {
          const perSecond = m.operations / m.seconds;
          lines.push(`  (${m.name}: target at least 1,000 commands/s)  ${perSecond >= 1_000 ? '✔' : '✘'} ${Math.round(perSecond).toLocaleString('en-US')}/s`);
        }
    }
  } finally {
    await app.close();
  }
  return lines;
}
