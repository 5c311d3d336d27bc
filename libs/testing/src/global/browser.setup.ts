import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumExecutable } from '../browser/browser';
import postgresGlobalSetup from './postgres.setup';
import { buildWebApp } from './web-build';

/**
 * Jest globalSetup of the browser tests: a real PostgreSQL (as for e2e) and the web app built from the current
 * source into a folder of its own, which the test servers serve (`WEB_DIST`), so a stale `dist/web` is never tested.
 * Chromium is unpacked here, once, for every worker (`CHROMIUM_PATH`).
 */
export default async function browserGlobalSetup(): Promise<void> {
  await postgresGlobalSetup();
  process.env.CHROMIUM_PATH = await chromiumExecutable();
  if (process.env.WEB_DIST) return;
  process.env.WEB_DIST = await buildWebApp(mkdtempSync(join(tmpdir(), 'mutasi-web-')));
}
