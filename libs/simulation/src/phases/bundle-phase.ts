import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { BundleExporter, LedgerProofs, TreeHeads } from '@mutasi/audit';
import { SimulationContext } from './phase';
import { openPhaseDatabase } from './phase-database';
import { MeasuredPhase, PhaseMeter } from './phase-meter';
import { existingRunLedgerKey, runLedgerOrigin } from './run-ledger-key';
import { verifyBundlePhase } from './bundle-verify';

/** The agency whose case list in the ledger's agency-cases map is the longest (ties: the first by id). */
async function agencyWithMostCases(db: DataSource): Promise<{ agencyId: string; cases: number }> {
  const rows = (await db.query('SELECT c.agency_id, count(*)::text AS cases FROM ledger_case_agencies c GROUP BY c.agency_id ORDER BY count(*) DESC, c.agency_id LIMIT 1')) as {
    agency_id: string;
    cases: string;
  }[];
  const top = rows[0];
  if (!top) throw new Error('the ledger lists no case under any agency: run the ledger phase over a store with cases first');
  return { agencyId: top.agency_id, cases: Number(top.cases) };
}

/** An exported bundle: the phase's measurement, the file, and the agency it covers. */
export interface ExportedBundle {
  readonly result: MeasuredPhase;
  readonly file: string;
  readonly agencyId: string;
}

/**
 * "Export one agency's bundle": audit-service's streaming exporter (the one behind GET /api/audit/export, bundle v2 in
 * JSON lines) for the agency with the most cases, piped line by line into a file in the work dir — never the whole
 * bundle in memory. It exports up to the newest head, signed with the run's key by the ledger phase.
 */
export async function exportBundlePhase(ctx: SimulationContext): Promise<ExportedBundle> {
  const key = existingRunLedgerKey(ctx.workDir);
  const { db, store, close } = await openPhaseDatabase(ctx.databaseUrl);
  try {
    const agency = await agencyWithMostCases(db);
    ctx.say(`export: the bundle of ${agency.agencyId} (${agency.cases.toLocaleString('en-US')} cases, the most of any agency)`);
    const meter = new PhaseMeter(ctx, 'export');
    const heads = new TreeHeads(db, key, runLedgerOrigin(), { everyEvents: 1, everySeconds: 0 });
    const bundle = await new BundleExporter(store, db, heads, new LedgerProofs(db)).export({ agencyId: agency.agencyId }, new Date());
    const file = join(ctx.workDir, bundle.fileName);
    let events = 0;
    let streams = 0;
    async function* counted(lines: AsyncIterable<string>): AsyncIterable<string> {
      for await (const line of lines) {
        if (line.startsWith('{"event":')) {
          events += 1;
          meter.progress(events);
        } else if (line.startsWith('{"stream":')) streams += 1;
        yield `${line}\n`;
      }
    }
    await pipeline(Readable.from(counted(bundle.lines)), createWriteStream(file));
    const bytes = statSync(file).size;
    const result = meter.finish({
      events,
      diskBytes: bytes,
      notes: [
        `agency ${agency.agencyId}: ${agency.cases.toLocaleString('en-US')} cases, ${streams.toLocaleString('en-US')} streams, ${(bytes / 1024 / 1024).toFixed(1)} MiB`,
        `written to ${file}`,
      ],
    });
    return { result, file, agencyId: agency.agencyId };
  } finally {
    await close();
  }
}

/** "Export one agency's bundle and verify it offline": two results, export then verify (which throws if it fails). */
export async function bundlePhase(ctx: SimulationContext): Promise<readonly [MeasuredPhase, MeasuredPhase]> {
  const exported = await exportBundlePhase(ctx);
  return [exported.result, await verifyBundlePhase(ctx, exported.file)];
}
