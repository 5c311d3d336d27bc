import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { Browser } from 'puppeteer-core';
import { AGENCY, DEMO_NIP, positionId, userIdFor } from '@mutasi/demo-data';
import { isPortFree } from '@mutasi/testing';
import { distributedJourneys, JourneyEnv, launchBrowser } from '@mutasi/testing/browser';
import { DistributedStack } from '@mutasi/testing/distributed';
import { buildWebApp } from '../../libs/testing/src/global/web-build';
import { crossAgencyJourney, objectionJourney, refusedProposalJourney } from '../browser/journeys/case-journeys.journey';
import { inspectorVerifyJourney } from '../browser/journeys/inspector.journey';
import { internalCaseJourney } from '../browser/journeys/internal-case.journey';
import { adminImportJourney, dashboardAndCriteriaJourney, oversightJourney } from '../browser/journeys/oversight.journey';

jest.setTimeout(180_000);

/**
 * `npm run start:distributed` for real (apps/distributed from its sources): PostgreSQL and the run's Kafka broker
 * given, the four services and the gateway as their own processes. Through the one URL it prints for the web app,
 * the page, the health of every service and an authenticated dashboard read work, and the web app (built from the
 * current source, or the run's WEB_DIST) is used by clicking in a real Chromium, signed in with tokens: the same
 * journeys as in standalone mode (test/browser/journeys), so every task of docs/web.md is done through the gateway.
 */
describe('start:distributed behind the gateway', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'mutasi-gateway-web-'));
  let stack: DistributedStack;
  let browser: Browser;
  let pool: Pool;
  let env: JourneyEnv;
  let webApp: string;
  let summary = '';
  const tokens = (): Record<string, string> => stack.tokens();

  beforeAll(async () => {
    // The gateway reads the folder on each request, so the build runs while the stack starts.
    const webFiles = process.env.WEB_DIST ?? webDir;
    const webBuilt = webFiles === webDir ? buildWebApp(webDir) : Promise.resolve(webFiles);
    webBuilt.catch(() => undefined);
    [stack, browser] = await Promise.all([DistributedStack.start({ name: 'mutasi-distributed', ports: 5, webDist: webFiles }), launchBrowser()]);
    summary = stack.summary;
    webApp = /^ {2}Web app +(http:\/\/\S+\/app)\b/m.exec(summary)?.[1] ?? 'no Web app line';
    pool = new Pool({ connectionString: stack.db.url, max: 2 });
    env = distributedJourneys(stack.origin, browser, stack.tokens(), pool);
    await webBuilt;
  });

  afterAll(async () => {
    await browser?.close();
    await pool?.end();
    await stack?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it("prints one URL for the web app, the gateway's, and how to sign in there", () => {
    expect(webApp).toBe(`${stack.origin}/app`);
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

  it("signs a person in on the gateway's token page: Masuk links to it, the pasted token opens the inbox", async () => {
    const web = await env.journey('masuk-token');
    await web.goto('/masuk', 'halaman masuk dengan token');
    await web.shot('masuk');
    await Promise.all([web.page.waitForNavigation(), web.page.click('a[href="/masuk-token"]')]);
    await web.see('Masuk dengan token');
    await web.shot('masuk-token');
    await web.page.$eval('#token', (field, token) => void ((field as HTMLTextAreaElement).value = token), tokens()[userIdFor('PENGUSUL', AGENCY.bandarLestari)] as string);
    await Promise.all([web.page.waitForNavigation(), web.page.click('button[type="submit"]')]);
    await web.see('Kotak masuk');
    await web.shot('kotak-masuk-pengusul');
    await web.close();
    expect(web.violations).toEqual([]);
  });

  // The journeys share one stack; the oversight journey revokes its case (giving back its place and employee) before
  // the internal journey moves the same employee into the same position.
  it('task 17 through the gateway: KEPALA_BKN freezes, unfreezes and revokes', () => oversightJourney(env), 300_000);
  it('tasks 1–14 and 16 through the gateway: an internal case from needs analysis to the scheduled evaluation', () => internalCaseJourney(env), 600_000);
  it('tasks 5, 12, 13 and 15 through the gateway: a cross-agency case with the Mendagri overlay and its training', () => crossAgencyJourney(env), 600_000);
  it('tasks 7 and 8 through the gateway: the employee objects on a phone, the PPK decides by keyboard', () => objectionJourney(env), 300_000);
  it('task 5 through the gateway: R-21 refuses a self-requested proposal with its legal basis', () => refusedProposalJourney(env), 300_000);
  it('task 21 through the gateway: the import preview lists every error, then a good file applies', () => adminImportJourney(env), 300_000);
  it('tasks 20 and 22 through the gateway: the dashboards, live, and the merit criteria', () => dashboardAndCriteriaJourney(env), 300_000);
  // audit-service's own workers take the events into the ledger; the journey waits for a checkpoint that covers them.
  it(
    'tasks 18 and 19 through the gateway: the inspector verifies a case in the browser, and sees it fail after a row is altered',
    () => inspectorVerifyJourney(env, () => Promise.resolve(), { target: positionId(AGENCY.provNb, 'analis-sdm'), nip: DEMO_NIP.sameProvince }),
    300_000,
  );

  it('stops the gateway and every service on SIGTERM, in reverse start order, each exiting 0 (none orphaned), and exits 0', async () => {
    const printedBefore = stack.output.length;
    expect(await stack.stop()).toBe(0);
    expect(await Promise.all([0, 1, 2, 3, 4].map((i) => isPortFree(stack.port + i)))).toEqual([true, true, true, true, true]);
    const stopped = [...stack.output.slice(printedBefore).matchAll(/^(\S+)\s+\| stopped \((.+)\)$/gm)].map((m) => [m[1], m[2]]);
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
