/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DynamicModule } from '@nestjs/common';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { authFor, createHttpApp, FixedClock, loadConfig, webAppDir } from '@mutasi/platform';
import { StandaloneModule } from '@mutasi/standalone';
import { percentile, progress } from './harness';

const ROUNDS = 15;

/** The JavaScript the browser must load before the first screen: the entry and the chunks index.html preloads. */
function initialJs(dir: string): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  return { files, gzipBytes: files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0) };
}

async function chromium() {
  const puppeteer = await import('puppeteer-core');
  type Packaged = { executablePath(): Promise<string>; args: string[] };
  const mod = (await import('@sparticuz/chromium')) as unknown as Packaged & { default?: Packaged };
  const c = mod.default ?? mod;
  const args = c.args.filter((a) => a !== '--single-process');
  return puppeteer.default.launch({ executablePath: process.env.CHROMIUM_PATH ?? (await c.executablePath()), headless: true, args });
}

/**
 * Issue 11's web figures: the initial JavaScript (gzip, target ≤ 250 KB), and the time until the inbox and a 200-event
 * case page are usable in headless Chromium on loopback (target ≤ 300 ms), each against a raw baseline in the same run:
 * a bare page that fetches the same API answer and writes it out as text.
 */
export async function benchWeb(databaseUrl: string): Promise<string[]> {
  const dir = webAppDir();
  const js = initialJs(dir);
  const config = loadConfig({ AUTH_DEV_TOKENS: 'true', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: databaseUrl }, 'standalone');
  const auth = await authFor(config);
  const root: DynamicModule = {
    module: class WebBenchRoot {},
    imports: [StandaloneModule.forRoot({ config, clock: new FixedClock(new Date()), databaseUrl, ...auth }, { workers: true, seedDemo: true })],
  };
  const app = await createHttpApp(root, { title: 'bench', description: 'bench', logger: false });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer() as { address(): { port: number } }).address().port}`;
  const browser = await chromium();
  try {
    progress('web: a case with 200 events');
    const http = new MutasiHttp(url);
    const d = new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
    await d.open();
    await d.approveNeeds();
    await d.propose();
    for (let i = 0; (d.view.revision as number) < 199; i += 1) {
      await d.command('pengusul.kota-bandar-lestari', 'attach-document', { kind: 'OTHER', title: `Lampiran ${i}`, sha256: i.toString(16).padStart(64, '0') });
    }
    const user = 'pengusul.prov-nb';
    const token = await http.token(user);
    const page = await browser.newPage();
    await page.goto(`${url}/app/masuk`);
    await page.evaluate((t: string) => {
      const part = t.split('.')[1] as string;
      const claims = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string; name: string; agencyId: string; roles: string[]; exp: number };
      sessionStorage.setItem(
        'mutasi.session',
        JSON.stringify({ token: t, user: { userId: claims.sub, name: claims.name, agencyId: claims.agencyId, roles: claims.roles }, expiresAt: claims.exp * 1000 }),
      );
    }, token);
    const time = async (path: string, ready: string): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < ROUNDS; i += 1) {
        const start = Date.now();
        await page.goto(`${url}${path}`, { waitUntil: 'domcontentloaded' });
        await page.waitForFunction(ready, { timeout: 30_000 });
        out.push(Date.now() - start);
      }
      return out;
    };
    const raw = async (api: string): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < ROUNDS; i += 1) {
        const start = Date.now();
        await page.goto(`${url}/app/masuk`, { waitUntil: 'domcontentloaded' });
        await page.evaluate(
          async (a: string, t: string) => {
            const res = await fetch(a, { headers: { Authorization: `Bearer ${t}` } });
            document.body.textContent = await res.text();
          },
          api,
          token,
        );
        out.push(Date.now() - start);
      }
      return out;
    };
    progress('web: inbox and case page in Chromium');
    const inbox = await time('/app/', "document.querySelector('.task-list') !== null || document.querySelector('.empty') !== null");
    const inboxRaw = await raw('/api/dashboard/inbox');
    const casePage = await time(`/app/kasus/${d.caseId}`, "document.querySelectorAll('.timeline li').length >= 200 && document.querySelector('.actions') !== null");
    const caseRaw = await raw(`/api/transfers/${d.caseId}/events`);
    const line = (name: string, ms: number[], base: number[]) => {
      const p50 = percentile(ms, 50);
      return `  ${name.padEnd(58)} p50 ${p50.toFixed(0).padStart(5)} ms   p90 ${percentile(ms, 90).toFixed(0).padStart(5)} ms   raw page p50 ${percentile(base, 50).toFixed(0).padStart(4)} ms   ratio ${(percentile(base, 50) / p50).toFixed(2)}×  ${p50 <= 300 ? '✔' : '✘'} target ≤ 300 ms`;
    };
    return [
      `  initial JavaScript (gzip): ${(js.gzipBytes / 1024).toFixed(1)} KB in ${js.files.length} file(s)  ${js.gzipBytes <= 250 * 1024 ? '✔' : '✘'} target ≤ 250 KB`,
      line('inbox usable (/app/)', inbox, inboxRaw),
      line('200-event case page usable (/app/kasus/…)', casePage, caseRaw),
    ];
  } finally {
    await browser.close();
    await app.close();
  }
}
