import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENCY, positionId, userIdFor } from '@mutasi/demo-data';
import { createTestDatabase, exited, freePortRange, isPortFree } from '@mutasi/testing';
import { launchBrowser, WebJourney } from '@mutasi/testing/browser';
import { buildWebApp } from '../../libs/testing/src/global/web-build';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');

/**
 * `npm run start:distributed` for real (apps/distributed from its sources): PostgreSQL and the run's Kafka broker
 * given, the four services and the gateway as their own processes. Through the one URL it prints for the web app,
 * the page, the health of every service and an authenticated dashboard read work, and the web app (built from the
 * current source, or the run's WEB_DIST) is used by clicking in a real Chromium, signed in with tokens.
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
  /** The web app the gateway serves: the run's build (the browser project's globalSetup) or one made here. */
  const webFiles = process.env.WEB_DIST ?? webDir;
  let webBuilt: Promise<unknown> = Promise.resolve();
  const tokens = (): Record<string, string> => JSON.parse(readFileSync(join(dataDir, 'distributed', 'tokens.json'), 'utf8')) as Record<string, string>;

  beforeAll(async () => {
    // The gateway reads the folder on each request, so the build runs while the stack starts.
    if (webFiles === webDir) webBuilt = buildWebApp(webDir);
    webBuilt.catch(() => undefined);
    db = await createTestDatabase('mutasi_distributed');
    launcher = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, 'apps', 'distributed', 'src', 'main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        HOST: '127.0.0.1',
        PORT: String((port = await freePortRange(5))),
        MUTASI_DATA_DIR: dataDir,
        WEB_DIST: webFiles,
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
    await webBuilt;
  });

  afterAll(async () => {
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
      launcher.kill('SIGTERM');
      await exited(launcher);
    }
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints one URL for the web app, the gateway's, and how to sign in there", () => {
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
    expect({ status: health.status, overall: report.status, services: Object.keys(report.checks).sort() }).toEqual({
      status: 200,
      overall: 'ok',
      services: ['audit-service', 'dashboard-service', 'transfer-service'],
    });

    const inbox = await fetch(`${origin}/api/dashboard/inbox`, { headers: { Authorization: `Bearer ${tokens()['ppk.kab-lembah-hijau']}` } });
    // The broker is shared by the Kafka specs, so the inbox may hold other specs' cases: only this PPK's tasks, though.
    const tasks = (await inbox.json()) as { agencyId: string; role: string }[];
    expect({ status: inbox.status, cache: inbox.headers.get('cache-control'), list: Array.isArray(tasks) }).toEqual({ status: 200, cache: 'no-store', list: true });
    expect(tasks.filter((task) => task.agencyId !== 'kab-lembah-hijau' || task.role !== 'PPK')).toEqual([]);
    const anonymous = await fetch(`${origin}/api/dashboard/inbox`);
    expect({ status: anonymous.status, type: anonymous.headers.get('content-type') }).toEqual({ status: 401, type: expect.stringContaining('application/problem+json') });
    const agencies = await fetch(`${origin}/api/agencies`, { headers: { Authorization: `Bearer ${tokens()['inspektur.bkn']}` } });
    expect(agencies.status).toBe(200);
  });

  it('lets a proposer open a case and the performance team approve its needs analysis by clicking, signed in with tokens', async () => {
    const origin = new URL(webApp).origin;
    const target = positionId(AGENCY.bandarLestari, 'auditor');
    const proposer = tokens()[userIdFor('PENGUSUL', AGENCY.bandarLestari)] as string;
    const assessor = tokens()[userIdFor('TIM_PENILAI_KINERJA', AGENCY.bandarLestari)] as string;
    const browser = await launchBrowser();
    try {
      const web = await new WebJourney(browser, origin, 'distributed-needs-approval').start();

      // Masuk says there are no demo buttons here and links to the gateway's token page, where the token is pasted.
      await web.goto('/masuk', 'halaman masuk dengan token');
      await web.shot('masuk');
      await Promise.all([web.page.waitForNavigation(), web.page.click('a[href="/masuk-token"]')]);
      await web.see('Masuk dengan token');
      await web.shot('masuk-token');
      await web.page.$eval('#token', (field, token) => void ((field as HTMLTextAreaElement).value = token), proposer);
      await Promise.all([web.page.waitForNavigation(), web.page.click('button[type="submit"]')]);
      await web.see('Kotak masuk');
      await web.shot('kotak-masuk-pengusul');

      const caseId = await web.openCaseByClicking(target, 'ABK menunjukkan kekurangan satu auditor');

      // The inbox is dashboard-service's, fed over Kafka by the relay: the task shows up after a moment.
      await web.signInWithToken(assessor);
      // The inbox's entry, not the notification (transfer-service's) that links to the same case.
      const task = `ul[aria-label="Tugas"] a[href="/app/kasus/${caseId}"]`;
      const deadline = Date.now() + 30_000;
      while (!(await web.page.waitForSelector(task, { timeout: 1_500 }).catch(() => null))) {
        if (Date.now() > deadline)
          throw new Error(`the task of case ${caseId} never reached the inbox: ${(await web.page.evaluate(() => document.body.innerText)).slice(0, 1000)}`);
        await web.page.reload({ waitUntil: 'networkidle0' });
      }
      await web.see('Setujui analisis kebutuhan');
      await web.shot('kotak-masuk-penilai');
      await web.page.click(task);
      await web.see('Tindakan');
      await web.act('Setujui analisis kebutuhan', { fields: { Catatan: 'ABK sudah diperiksa' } });
      await web.see('Menunggu usulan kandidat');
      await web.shot('analisis-disetujui');
      await web.close();

      const view = await fetch(`${origin}/api/transfers/${caseId}`, { headers: { Authorization: `Bearer ${assessor}` } });
      expect({ status: view.status, case: ((await view.json()) as { status: string }).status }).toEqual({ status: 200, case: 'AWAITING_PROPOSAL' });
      expect(web.violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('stops the gateway and every service on SIGTERM, in reverse start order, each exiting 0 (none orphaned), and exits 0', async () => {
    const printedBefore = output.length;
    launcher.kill('SIGTERM');
    expect(await exited(launcher)).toBe(0);
    expect(await Promise.all([0, 1, 2, 3, 4].map((i) => isPortFree(port + i)))).toEqual([true, true, true, true, true]);
    const stopped = [...output.slice(printedBefore).matchAll(/^(\S+)\s+\| stopped \((.+)\)$/gm)].map((m) => [m[1], m[2]]);
    expect(stopped).toEqual([
      ['gateway', 'exit 0'],
      ['dashboard-service', 'exit 0'],
      ['relay', 'exit 0'],
      ['audit-service', 'exit 0'],
      ['transfer-service', 'exit 0'],
      ['saksi-ombudsman.mutasi.local', 'exit 0'],
      ['saksi-inspektorat.mutasi.local', 'exit 0'],
    ]);
  });
});
