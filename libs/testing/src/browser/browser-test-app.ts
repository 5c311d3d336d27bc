import type { Browser } from 'puppeteer-core';
import { MutasiHttp } from '@mutasi/demo-data';
import { startTestApp, TestApp } from '../app';
import { launchBrowser } from './browser';

export interface BrowserTestApp {
  readonly t: TestApp;
  readonly browser: Browser;
  readonly http: MutasiHttp;
}

/**
 * A browser test file's server and Chromium, started before its tests and stopped after: a standalone app at the real
 * clock (its own PostgreSQL database) and one browser. Read the fields inside tests, once `beforeAll` has run.
 */
export function browserTestApp(options: { workers?: boolean } = {}): BrowserTestApp {
  const holder = {} as { t: TestApp; browser: Browser; http: MutasiHttp };
  beforeAll(async () => {
    holder.t = await startTestApp({ now: new Date().toISOString(), workers: options.workers ?? true });
    holder.http = new MutasiHttp(holder.t.url);
    holder.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await holder.browser?.close();
    await holder.t?.close();
  });
  return holder;
}
