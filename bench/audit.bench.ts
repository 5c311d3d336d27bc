import { createHash } from 'node:crypto';
import { DynamicModule } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AuditTrailProjection, AuditWorkers, describeEvent, RecordVerifier, TreeHeads } from '@mutasi/audit';
import { EventStore, positionOf } from '@mutasi/event-store';
import { ProjectionRunner } from '@mutasi/read-models';
import { authFor, createHttpApp, FixedClock, loadConfig } from '@mutasi/platform';
import { StandaloneModule } from '@mutasi/standalone';
import { syntheticHistories } from '../libs/testing/src/domain/synthetic-histories';
import { Measurement, progress, report } from './harness';

type Row = { tx_id: string; seq: string; stream_id: string; revision: number; event_id: string; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };

async function timed(name: string, items: number, work: () => Promise<unknown>): Promise<Measurement> {
  const t0 = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { name, operations: 1, items, seconds, latenciesMs: [seconds * 1000] };
}

/** Reads every event in global order with plain SQL, page by page. */
async function* rawEvents(pool: Pool): AsyncGenerator<Row[]> {
  let after = ['0', '0'];
  for (;;) {
    const rows = (
      await pool.query(
        `SELECT tx_id::text, seq::text, stream_id, revision::int AS revision, event_id::text, type, data, metadata FROM event_store.events WHERE (tx_id, seq) > ($1::text::xid8, $2::bigint) ORDER BY tx_id, seq LIMIT 1000`,
        after,
      )
    ).rows as Row[];
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1) as Row;
    after = [last.tx_id, last.seq];
  }
}

/**
 * Issue 4's benchmark: rebuilding the audit trail through the projection runner against reading the same events and
 * writing the same rows with plain SQL; and verifying chains and ledger against raw SHA-256 over the same bytes.
 */
export async function benchAudit(databaseUrl: string, scale: number): Promise<string[]> {
  const config = loadConfig({ AUTH_DEV_TOKENS: 'true', DATABASE_URL: databaseUrl, MUTASI_DATA_DIR: '/tmp/mutasi-bench' }, 'standalone');
  const clock = new FixedClock(new Date('2026-06-01T02:00:00Z'));
  const root: DynamicModule = {
    module: class AuditBenchRoot {},
    imports: [StandaloneModule.forRoot({ config, clock, databaseUrl, ...(await authFor(config)) }, { workers: false, seedDemo: false })],
  };
  const app = await createHttpApp(root, { title: 'bench', description: 'bench', logger: false });
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const lines: string[] = [];
  try {
    const store = app.get(EventStore);
    const db = app.get(DataSource);
    let total = 0;
    const cases = Math.max(500, Math.round(2_500 * scale));
    for (const { streamId, events } of syntheticHistories(cases)) {
      await store.append(streamId, events, 'no_stream');
      total += events.length;
      if (total % 5_000 < events.length) progress(`audit: writing ${total.toLocaleString('en-US')} events`);
    }
    await pool.query(`CREATE TABLE bench_audit_events (LIKE audit_events INCLUDING ALL); CREATE TABLE bench_audit_agencies (LIKE audit_event_agencies INCLUDING ALL)`);
    progress('audit: raw projection baseline');
    const raw = await timed('plain SQL: read events, write the same audit rows', total, async () => {
      for await (const rows of rawEvents(pool)) {
        const described = rows.map((r) => ({ r, d: describeEvent(r), actor: (r.metadata.actor ?? {}) as Record<string, string> }));
        await pool.query(
          `INSERT INTO bench_audit_events (position, stream_id, revision, event_id, type, case_id, actor_id, actor_name, actor_role, actor_agency, recorded_at, what, justification, rule_outcomes, hash, prev_hash)
          SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::text[], $13::text[], $14::jsonb[], $15::text[], $16::text[])`,
          [
            described.map(({ r }) => positionOf(BigInt(r.tx_id), BigInt(r.seq))),
            described.map(({ r }) => r.stream_id),
            described.map(({ r }) => r.revision),
            described.map(({ r }) => r.event_id),
            described.map(({ r }) => r.type),
            described.map(({ r }) => r.metadata.caseId),
            described.map(({ actor }) => actor.userId),
            described.map(({ actor }) => actor.name),
            described.map(({ actor }) => actor.role),
            described.map(({ actor }) => actor.agencyId),
            described.map(({ r }) => r.metadata.recordedAt),
            described.map(({ d }) => d.what),
            described.map(({ d }) => d.justification),
            described.map(({ r }) => JSON.stringify(r.metadata.ruleOutcomes ?? [])),
            described.map(({ r }) => r.metadata.hash),
            described.map(({ r }) => r.metadata.prevHash),
          ],
        );
        await pool.query('INSERT INTO bench_audit_agencies (agency_id, position) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [
          described.map(({ actor }) => actor.agencyId),
          described.map(({ r }) => positionOf(BigInt(r.tx_id), BigInt(r.seq))),
        ]);
      }
    });
    lines.push(report(raw, 'events'));
    progress('audit: projection rebuild');
    const runner = new ProjectionRunner(store, db, new AuditTrailProjection(store), { batchSize: 1_000 });
    await runner.reset();
    const rebuilt = await timed('projection rebuild of the audit trail (runner)', total, () => runner.catchUp());
    lines.push(report(rebuilt, 'events', raw, 0.5));
    lines.push(`  ${'(target: at least 10,000 events/s)'.padEnd(58)} ${rebuilt.items / rebuilt.seconds >= 10_000 ? '✔' : '✘'}`);

    progress('audit: building the ledger');
    await app.get(AuditWorkers).catchUp();
    await app.get(TreeHeads).signIfDue(clock.now(), true);
    progress('audit: raw SHA-256 baseline');
    const sha = await timed('plain SQL read + SHA-256 of each stored event', total, async () => {
      for await (const rows of rawEvents(pool)) for (const r of rows) createHash('sha256').update(JSON.stringify(r.data)).update(JSON.stringify(r.metadata)).digest();
    });
    lines.push(report(sha, 'events'));
    progress('audit: verification');
    let verified = 0;
    const verify = await timed('verify: hash chains, ledger leaves, signed tree heads', total, async () => {
      const result = await app.get(RecordVerifier).verify();
      if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result.failures.slice(0, 2))}`);
      verified = result.checkedEvents;
    });
    lines.push(report(verify, 'events', sha, 0.5));
    lines.push(`  (${verified.toLocaleString('en-US')} events verified)`);
  } finally {
    await pool.end();
    await app.close();
  }
  return lines;
}
