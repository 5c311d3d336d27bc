import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@mutasi/testing';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');

/** True when nothing listens on 127.0.0.1:port. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A PORT for the launcher: it and the four after it (the services') free a moment ago. */
async function freePortBase(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const free = await Promise.all([0, 1, 2, 3, 4].map((i) => isFree(base + i)));
    if (free.every(Boolean)) return base;
  }
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.signalCode ?? child.exitCode) : child.once('exit', (code, signal) => resolve(signal ?? code))));
}

/**
 * `npm run start:distributed` for real (apps/distributed from its sources): PostgreSQL and the run's Kafka broker
 * given, the four services and the gateway as their own processes. Through the one URL it prints for the web app,
 * the page, the health of every service and an authenticated dashboard read work.
 */
describe('start:distributed behind the gateway', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mutasi-distributed-'));
  const webDir = join(dataDir, 'web');
  let db: { url: string; drop(): Promise<void> };
  let launcher: ChildProcess;
  let output = '';
  let webApp: string;
  let port: number;
  /** The launcher's summary, printed once everything runs (service output comes before it). */
  let summary = '';

  beforeAll(async () => {
    mkdirSync(webDir);
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Mutasi</title><div id="root"></div>');
    db = await createTestDatabase('mutasi_distributed');
    launcher = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, 'apps', 'distributed', 'src', 'main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        HOST: '127.0.0.1',
        PORT: String((port = await freePortBase())),
        MUTASI_DATA_DIR: dataDir,
        WEB_DIST: webDir,
        // The run's broker is shared: a consumer group of its own keeps the other tests' dashboards whole.
        DASHBOARD_CONSUMER_GROUP: `gateway-test-${process.pid}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    webApp = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const done = /\nMutasi is running[^]*Ctrl-C stops[^\n]*\n/.exec(output)?.[0];
        if (!done) return;
        summary = done;
        resolve(/^ {2}Web app +(http:\/\/\S+\/app)\b/m.exec(summary)?.[1] ?? 'no Web app line');
      };
      launcher.stdout?.on('data', onData);
      launcher.stderr?.on('data', onData);
      launcher.once('exit', (code) => reject(new Error(`start:distributed exited (${code}) before it was running:\n${output}`)));
    });
  });

  afterAll(async () => {
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGTERM');
      await exited(launcher);
    }
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints one URL for the web app, the gateway\'s, and how to sign in there', () => {
    expect(webApp).toBe(`http://127.0.0.1:${port}/app`);
    expect(summary.match(/\/app\b/g)?.length).toBe(1);
    expect(summary).toMatch(new RegExp(`Sign-in +${webApp.replace(/\/app$/, '')}/masuk-token: paste a user's token from `));
  });

  it('serves the web app, the health of every service and an authenticated dashboard read from that one origin', async () => {
    const origin = new URL(webApp).origin;
    const page = await fetch(`${origin}/app/dasbor`);
    expect({ status: page.status, body: await page.text() }).toEqual({ status: 200, body: expect.stringContaining('<div id="root">') });

    const health = await fetch(`${origin}/api/health`);
    const report = (await health.json()) as { status: string; checks: Record<string, { status: string }> };
    expect({ status: health.status, overall: report.status, services: Object.keys(report.checks).sort() }).toEqual({ status: 200, overall: 'ok', services: ['audit-service', 'dashboard-service', 'transfer-service'] });

    const tokens = JSON.parse(readFileSync(join(dataDir, 'distributed', 'tokens.json'), 'utf8')) as Record<string, string>;
    const inbox = await fetch(`${origin}/api/dashboard/inbox`, { headers: { Authorization: `Bearer ${tokens['ppk.kab-lembah-hijau']}` } });
    expect({ status: inbox.status, cache: inbox.headers.get('cache-control'), body: await inbox.json() }).toEqual({ status: 200, cache: 'no-store', body: [] });
    const anonymous = await fetch(`${origin}/api/dashboard/inbox`);
    expect({ status: anonymous.status, type: anonymous.headers.get('content-type') }).toEqual({ status: 401, type: expect.stringContaining('application/problem+json') });
    const agencies = await fetch(`${origin}/api/agencies`, { headers: { Authorization: `Bearer ${tokens['inspektur.bkn']}` } });
    expect(agencies.status).toBe(200);
  });

  it('stops the gateway and every service on SIGTERM, and exits 0', async () => {
    launcher.kill('SIGTERM');
    expect(await exited(launcher)).toBe(0);
    expect(await Promise.all([0, 1, 2, 3, 4].map((i) => isFree(port + i)))).toEqual([true, true, true, true, true]);
  });
});
