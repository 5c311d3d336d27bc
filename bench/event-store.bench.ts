import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventData, PostgresEventStore } from '@mutasi/event-store';
import { measure, measureInTurns, Measurement, progress, report } from './harness';

/** A realistic event of a transfer case: ~1.5 KB of data and metadata. */
function caseEvent(i: number): EventData {
  return {
    eventId: randomUUID(),
    type: 'ApprovalStepGranted.v1',
    data: {
      stepId: `${i % 5}-pertek`,
      notes: 'Berkas lengkap; pertimbangan teknis diberikan sesuai Peraturan BKN 5/2019.',
      consentToPositionId: null,
      nextStepId: 'decree',
      nextDeadline: '2026-07-01',
    },
    metadata: {
      caseId: 'bench',
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: new Date(1_780_000_000_000 + i).toISOString(),
      policyVersion: 'mutasi-policy/2024.1',
      actor: { userId: 'kanreg-bkn.kanreg-bkn-nb', name: 'Kepala Kantor Regional', role: 'KANREG_BKN', agencyId: 'kanreg-bkn-nb', nip: '197903152005011002' },
      ruleOutcomes: [
        {
          ruleId: 'R-06',
          outcome: 'PASS',
          reason: 'no conflict of interest or second role on this case',
          legalBasis: 'PP 11/2017 Pasal 190 ayat (5)',
          inputs: { actorId: 'kanreg' },
        },
      ],
    },
  };
}

const RAW_TABLE = (s: string): string => `
  CREATE TABLE ${s}.raw_events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL,
    type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, stored_at timestamptz NOT NULL DEFAULT clock_timestamp());
  CREATE UNIQUE INDEX ON ${s}.raw_events (stream_id, revision);
  CREATE UNIQUE INDEX ON ${s}.raw_events (event_id);`;

/** The raw baseline: a prepared multi-row INSERT of the same rows, without checks or hashing. */
async function rawInsert(pool: Pool, s: string, streamId: string, first: number, events: readonly EventData[]): Promise<void> {
  const values: unknown[] = [];
  const rows = events.map((e, i) => {
    values.push(streamId, first + i, e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
    const b = i * 6;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
  });
  await pool.query({
    name: `${s}-raw-${events.length}`,
    text: `INSERT INTO ${s}.raw_events (stream_id, revision, event_id, type, data, metadata) VALUES ${rows.join(', ')}`,
    values,
  });
}

/**
 * Issue 2's benchmark: appends through the PostgreSQL event store against raw INSERTs of the same rows into a
 * table with the same indexes, on the same server, in the same run.
 */
export async function benchEventStore(pool: Pool, scale: number): Promise<string[]> {
  const s = `bench_es_${Date.now()}`;
  await pool.query(`CREATE SCHEMA ${s}`);
  await pool.query(RAW_TABLE(s));
  const store = await PostgresEventStore.create(pool, { schema: s });
  const lines: string[] = [];
  const n = Math.max(200, Math.round(2000 * scale));
  const batches = [1, 2, 3];
  try {
    for (const concurrency of [1, 8]) {
      progress(`event store: single-row baseline, ${concurrency} writer(s)`);
      const raw = await measure(`raw single-row INSERT, ${concurrency} writer(s)`, n, concurrency, 1, (i) => rawInsert(pool, s, `raw-${concurrency}-${i}`, 0, [caseEvent(i)]));
      lines.push(report(raw, 'events'));
      for (const size of batches) {
        progress(`event store: ${size}-event appends to new streams, ${concurrency} writer(s)`);
        const fresh = await measure(`store append, ${size} event(s), new stream, ${concurrency} writer(s)`, n, concurrency, size, (i) =>
          store.append(
            `new-${concurrency}-${size}-${i}`,
            Array.from({ length: size }, (_, k) => caseEvent(k)),
            'no_stream',
          ),
        );
        lines.push(report(fresh, 'events', raw, 0.5));
      }
      const existing = Array.from({ length: n }, (_, i) => `existing-${concurrency}-${i}`);
      for (const id of existing) await store.append(id, [caseEvent(0)], 'no_stream');
      progress(`event store: appends to existing streams, ${concurrency} writer(s)`);
      const revisions = new Map(existing.map((id) => [id, 0]));
      const more = await measure(`store append, 2 events, existing stream, ${concurrency} writer(s)`, n, concurrency, 2, async (i) => {
        const id = existing[i] as string;
        const result = await store.append(id, [caseEvent(1), caseEvent(2)], revisions.get(id) as number);
        revisions.set(id, result.nextExpectedRevision);
      });
      lines.push(report(more, 'events', raw, 0.5));
    }
    // Three times the earlier 300 histories, raw and store in ten turns: one short run of each swung from 0.43x to
    // 0.80x on the shared machine.
    const histories = Math.max(100, Math.round(900 * scale));
    progress('event store: 20-event case histories');
    const [rawMulti, history] = await measureInTurns(10, ['raw multi-row INSERT, 20 rows', 'store append, 20-event case history'], histories, 1, 20, [
      (i) =>
        rawInsert(
          pool,
          s,
          `raw-history-${i}`,
          0,
          Array.from({ length: 20 }, (_, k) => caseEvent(k)),
        ),
      (i) =>
        store.append(
          `history-${i}`,
          Array.from({ length: 20 }, (_, k) => caseEvent(k)),
          'no_stream',
        ),
    ]);
    lines.push(report(rawMulti, 'events'));
    lines.push(report(history, 'events', rawMulti, 0.7));
  } finally {
    await store.close();
    await pool.query(`DROP SCHEMA ${s} CASCADE`);
  }
  return lines;
}

export type { Measurement };
