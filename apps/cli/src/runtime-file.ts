import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The database of a running `npm start` (it writes .data/runtime.json), else DATABASE_URL. */
export function databaseFromEnvironment(): string | null {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = join(process.env.MUTASI_DATA_DIR ?? '.data', 'runtime.json');
  if (!existsSync(file)) return null;
  const runtime = JSON.parse(readFileSync(file, 'utf8')) as { databaseUrl?: string; pid: number; starting?: boolean };
  // A server still starting has no database to share yet: the CLI must not start a second PostgreSQL on its folder.
  if (runtime.starting) throw new Error(`the Mutasi server (pid ${runtime.pid}) is still starting on ${file}: wait until it prints "Mutasi is running", then run this again`);
  try {
    process.kill(runtime.pid, 0);
    return runtime.databaseUrl ?? null;
  } catch {
    return null;
  }
}
