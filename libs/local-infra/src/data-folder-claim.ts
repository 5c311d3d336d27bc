import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from './postgres-orphan';

/** A Mutasi server already running from this data folder (its runtime.json names a live process). */
export function checkNotRunning(dataDir: string): string | null {
  let runtime: { pid?: number; url?: string };
  try {
    runtime = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as { pid?: number; url?: string };
  } catch {
    return null;
  }
  if (typeof runtime.pid !== 'number' || runtime.pid === process.pid || !processAlive(runtime.pid)) return null;
  return `Mutasi is already running from ${dataDir} (pid ${runtime.pid}${runtime.url ? `, ${runtime.url}` : ''}): stop it first (Ctrl-C in its terminal, or kill ${runtime.pid}), or give this one its own MUTASI_DATA_DIR and PORT`;
}
