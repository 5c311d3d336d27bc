import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import postgresGlobalSetup from './postgres.setup';

/**
 * Jest globalSetup of the browser tests: a real PostgreSQL (as for e2e) and the web app built from the current
 * source into a folder of its own, which the test servers serve (`WEB_DIST`), so a stale `dist/web` is never tested.
 */
export default async function browserGlobalSetup(): Promise<void> {
  await postgresGlobalSetup();
  if (process.env.WEB_DIST) return;
  const out = mkdtempSync(join(tmpdir(), 'mutasi-web-'));
  execFileSync(process.execPath, [join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  process.env.WEB_DIST = out;
}
