import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { MutasiHttp } from '@mutasi/demo-data';
import type { BrowserTestApp } from './browser-test-app';
import { WebJourney } from './journey';

/** Something that runs SQL: a pg Pool or client. */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Where a browser journey runs: the standalone server (demo sign-in buttons, a clock the test may move) or
 * `start:distributed` behind its gateway (sign-in with tokens, the real clock). A journey written against this runs
 * unchanged in both.
 */
export interface JourneyEnv {
  readonly mode: 'standalone' | 'distributed';
  /** The one origin of the web app (`/app`) and the API (`/api`). */
  readonly url: string;
  readonly browser: Browser;
  /** The API as any demo user, to ask who acts next (the browser does the acting). */
  readonly http: MutasiHttp;
  /** SQL on the deployment's PostgreSQL, as whoever controls the database (to read raw events, or to tamper). */
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Moves the server's clock forward; only the standalone test server has one to move. */
  readonly setClock: ((at: Date) => void) | null;
  /** A person's browser in this environment, signing in the way it does here. */
  journey(name: string, viewport?: { width: number; height: number }): Promise<WebJourney>;
}

/** The standalone test server of a browser test file (`browserTestApp`); read inside tests, after `beforeAll`. */
export function standaloneJourneys(app: BrowserTestApp): JourneyEnv {
  return {
    mode: 'standalone',
    get url() {
      return app.t.url;
    },
    get browser() {
      return app.browser;
    },
    get http() {
      return app.http;
    },
    get setClock() {
      return (at: Date) => app.t.clock.set(at);
    },
    query: (text, params) => app.t.db.query(text, params),
    journey: (name, viewport) => new WebJourney(app.browser, app.t.url, name, viewport).start(),
  };
}

/** `start:distributed` behind its gateway at `origin`, its users signing in with the launcher's tokens. */
export function distributedJourneys(origin: string, browser: Browser, tokens: Readonly<Record<string, string>>, database: Queryable): JourneyEnv {
  return {
    mode: 'distributed',
    url: origin,
    browser,
    http: new MutasiHttp(origin, tokens),
    query: (text, params) => database.query(text, params),
    setClock: null,
    journey: async (name, viewport) => (await new WebJourney(browser, origin, `${name}-terdistribusi`, viewport).start()).withTokens(tokens),
  };
}

/** A small PDF under test-artifacts/ for the journeys' uploads; its path. */
export function testDocument(name = 'dokumen-uji.pdf'): string {
  const dir = join(process.cwd(), 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `%PDF-1.4\n% ${name} Mutasi\n`);
  return file;
}
