import { DataSource } from 'typeorm';
import { verifyCheckpoint } from '@mutasi/integrity';
import { ProjectionRunner } from '@mutasi/read-models';
import { LedgerProjection, TreeHead, TreeHeads } from '@mutasi/audit';
import { MemorySampler } from '../memory';
import { SimulationContext } from './phase';
import { openPhaseDatabase } from './phase-database';
import { MeasuredPhase, PhaseMeter } from './phase-meter';
import { RunLedgerKey, runLedgerKey, runLedgerOrigin, verifierKeyFile } from './run-ledger-key';

/** Events per ledger transaction (audit-service follows the store in batches of 500). */
const BATCH = 1_000;
const LEDGER_TABLES = ['ledger_leaves', 'ledger_nodes', 'ledger_stream_heads', 'ledger_case_agencies', 'ledger_tree_heads'];

/** Bytes the ledger's tables (with their indexes and TOAST) take on disk. */
async function ledgerTablesBytes(db: DataSource): Promise<number> {
  const rows = (await db.query('SELECT coalesce(sum(pg_total_relation_size(to_regclass(t))), 0)::text AS bytes FROM unnest($1::text[]) AS t', [LEDGER_TABLES])) as {
    bytes: string;
  }[];
  return Number(rows[0]?.bytes ?? 0);
}

async function countOf(db: DataSource, table: 'ledger_leaves' | 'ledger_stream_heads'): Promise<number> {
  const rows = (await db.query(`SELECT count(*)::text AS n FROM ${table}`)) as { n: string }[];
  return Number(rows[0]?.n ?? 0);
}

/** One signing of the whole ledger, timed and with its own memory peak (it holds both maps, O(streams)). */
async function signLedger(db: DataSource, key: RunLedgerKey): Promise<{ head: TreeHead; signed: boolean; seconds: number; peakRssMiB: number }> {
  const heads = new TreeHeads(db, key, runLedgerOrigin(), { everyEvents: 1, everySeconds: 0 });
  const before = await heads.latest();
  const sampler = new MemorySampler(50);
  const startedAt = process.hrtime.bigint();
  const head = await heads.signIfDue(new Date(), true);
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const { peakRssMiB } = sampler.stop();
  if (head === null) throw new Error('the ledger holds no events: nothing to sign');
  // A head of this size signed earlier with another key would be the one every bundle carries: say so now.
  const check = verifyCheckpoint(head.checkpoint, key.verifierKey);
  if (!check.ok) throw new Error(`the ledger's head of size ${head.treeSize} was signed with another key than ${key.source}: ${check.reason}`);
  return { head, signed: before?.treeSize !== head.treeSize, seconds, peakRssMiB };
}

/**
 * "Build and sign the ledger": runs audit-service's ledger projection over every event the ledger does not hold yet
 * (from an empty ledger, all of them), then signs a checkpoint of the whole tree with the run's key (LEDGER_SIGNER_KEY,
 * or one generated into the work dir, whose verifier key the bundle phase checks against). Disk is the growth of the
 * ledger's tables. The signing is measured apart (time and memory): it rebuilds the stream-heads and agency-cases maps
 * from every stream (issue 12), which is work per stream done once, not per event.
 */
export async function ledgerPhase(ctx: SimulationContext): Promise<MeasuredPhase> {
  const key = runLedgerKey(ctx.workDir);
  const { db, store, close } = await openPhaseDatabase(ctx.databaseUrl);
  try {
    const diskBefore = await ledgerTablesBytes(db);
    const leavesBefore = await countOf(db, 'ledger_leaves');
    ctx.say(
      `ledger: appending every event to the Merkle ledger${leavesBefore > 0 ? ` (it holds ${leavesBefore.toLocaleString('en-US')} already)` : ''}, signing with ${key.source}`,
    );
    const meter = new PhaseMeter(ctx, 'ledger');
    let done = 0;
    const runner = new ProjectionRunner(store, db, new LedgerProjection(), {
      batchSize: BATCH,
      onBatch: ({ events }) => {
        done += events;
        meter.progress(done);
      },
    });
    await runner.catchUpTo();
    const built = meter.finish({ events: done, diskBytes: null, notes: [] });

    ctx.progress('ledger: signing a checkpoint of the whole tree');
    const streams = await countOf(db, 'ledger_stream_heads');
    const signing = await signLedger(db, key);
    const seconds = built.seconds + signing.seconds;
    return {
      ...built,
      seconds,
      peakRssMiB: Math.max(built.peakRssMiB, signing.peakRssMiB),
      diskBytes: (await ledgerTablesBytes(db)) - diskBefore,
      notes: [
        `tree size ${signing.head.treeSize.toLocaleString('en-US')}, root hash ${signing.head.rootHash}`,
        `checkpoint: ${signing.head.checkpoint.split('\n')[0] ?? ''}`,
        signing.signed
          ? `one signing at ${streams.toLocaleString('en-US')} streams: ${signing.seconds.toFixed(2)} s, peak RSS ${Math.round(signing.peakRssMiB)} MiB (both maps rebuilt from every stream, issue 12)`
          : `no new signing: the ledger was already signed at size ${signing.head.treeSize.toLocaleString('en-US')}`,
        `projection alone: ${built.seconds.toFixed(2)} s, peak RSS ${Math.round(built.peakRssMiB)} MiB; verifier key in ${verifierKeyFile(ctx.workDir)}`,
      ],
    };
  } finally {
    await close();
  }
}
