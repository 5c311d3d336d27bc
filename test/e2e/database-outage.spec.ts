import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { EmbeddedPostgres, postgresBinDir, postgresRunAs, startEmbeddedPostgres } from '@mutasi/local-infra';
import { eventually } from '@mutasi/testing';
import { ServerProcess, spawnServer } from '@mutasi/testing/app';

// Each test starts real servers (from TypeScript) and PostgreSQL, several minutes' work on a loaded 2-core machine.
jest.setTimeout(300_000);

/**
 * `pg_ctl stop -m immediate`: PostgreSQL dies as in a crash (no checkpoint, clients cut off). Without `wait` it does
 * not wait for the pid file to go, which a supervisor restarting PostgreSQL at once writes again.
 */
function stopImmediately(dataDir: string, wait = true): void {
  const runAs = postgresRunAs();
  execFileSync(join(postgresBinDir(), 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', wait ? '-w' : '-W'], { ...runAs, stdio: ['ignore', 'ignore', 'pipe'] });
}

const target = positionId(AGENCY.provNb, 'analis-sdm');

/** PostgreSQL killed under a running server: 503 with Retry-After while it is away, and back by itself after. */
describe('database outage', () => {
  let base: string;
  let postgres: EmbeddedPostgres;
  let server: ServerProcess;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'mutasi-outage-'));
    postgres = await startEmbeddedPostgres({ dataDir: base, supervise: false });
    server = await spawnServer({ DATABASE_URL: postgres.url });
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await postgres?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while PostgreSQL is down, never 500, and recovers by itself once it is back', async () => {
    const http = new MutasiHttp(server.url);
    const before = new CaseDriver(http, target, DEMO_NIP.sameProvince);
    await before.open();
    await before.approveNeeds();
    const user = before.person('PENGUSUL', before.targetAgencyId);
    await http.token(user);

    stopImmediately(postgres.dataDir);
    const down = await http.as(user, 'GET', `/api/transfers/${before.caseId}`);
    expect({ status: down.status, code: down.body.code, type: down.headers.get('content-type') }).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      type: expect.stringContaining('application/problem+json'),
    });
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
    const command = await http.as(user, 'POST', '/api/transfers', {
      targetAgencyId: AGENCY.provNb,
      targetPositionId: target,
      needsAnalysis: { kebutuhan: 1, bezetting: 0, justification: 'x', exceptionReason: 'an outage test' },
    });
    expect(command.status).toBe(503);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(503);

    postgres = await startEmbeddedPostgres({ dataDir: base, port: postgres.port, supervise: false });
    // Back by itself: no restart of the server; its pools reconnect on the next request.
    await eventually(async () => ((await fetch(`${server.url}/api/health`)).status === 200 ? true : undefined), 30_000, 'health to be ok again');
    // A command after the outage: the first case is withdrawn, which gives its vacancy back for the next one.
    await before.command('ppk.prov-nb', 'withdraw', { reason: 'outage test done' });
    const after = new CaseDriver(http, target, DEMO_NIP.sameProvince);
    await after.open();
    const acknowledged = await http.as(user, 'GET', `/api/transfers/${before.caseId}`);
    expect(acknowledged.status).toBe(200);
    // Everything acknowledged before the crash is still there: the approval of the needs analysis, then the withdrawal.
    expect(acknowledged.body.decisions.map((d: { role: string }) => d.role)).toContain('NEEDS_APPROVAL');
    // The projections resumed too: the new case reaches the case list.
    // Projections restart after a pause when their loop fails (keepRunning); on a loaded machine catching up again
    // can take a while. A failure shows what the server said meanwhile.
    await eventually(
      async () => {
        const list = await http.as(user, 'GET', `/api/dashboard/cases?q=${after.caseId}`);
        return JSON.stringify(list.body).includes(after.caseId) ? true : undefined;
      },
      120_000,
      'the case list to show the case opened after the outage',
    ).catch((error: unknown) => {
      // The request log lines (the polls of this wait) are left out, so the projections' own lines stay in view.
      const lines = server
        .output()
        .split('\n')
        .filter((line) => !line.includes('"context":"Http"'));
      throw new Error(`${String(error)}; the server's output without its request log:\n${lines.join('\n').slice(-6000)}`);
    });
  });
});

/** Standalone's own embedded PostgreSQL is supervised: killed, it is started again and the server carries on. */
describe('embedded PostgreSQL supervised by npm start', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mutasi-supervised-'));
    // As a project folder is: readable by the postgres user PostgreSQL runs as when the tests run as root.
    chmodSync(dataDir, 0o755);
    server = await spawnServer({ MUTASI_DATA_DIR: dataDir, DATABASE_URL: '' });
  });
  afterAll(async () => {
    await server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pg_ctl stop -m immediate on it: the server restarts it, says so, and commands succeed again without a restart', async () => {
    const http = new MutasiHttp(server.url);
    const driver = new CaseDriver(http, target, DEMO_NIP.sameProvince);
    await driver.open();
    await http.token(driver.person('TIM_PENILAI_KINERJA', driver.targetAgencyId, 'NEEDS_APPROVAL'));
    const printedBefore = server.output().length;
    stopImmediately(join(dataDir, 'postgres', 'pgdata'), false);
    await eventually(() => (/embedded PostgreSQL is back/.test(server.output().slice(printedBefore)) ? true : undefined), 30_000, 'the supervisor to restart PostgreSQL');
    const answers: number[] = [];
    await eventually(
      async () => {
        try {
          await driver.approveNeeds();
          return true;
        } catch (error) {
          answers.push((error as { result?: { status: number } }).result?.status ?? 0);
          return undefined;
        }
      },
      30_000,
      'a command to succeed after the restart',
    );
    expect(driver.view.stage).not.toBe('ANALISIS_KEBUTUHAN');
    expect(answers.filter((status) => status !== 503)).toEqual([]);
  });
});
