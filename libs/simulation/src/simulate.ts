import { cpus } from 'node:os';
import { Pool } from 'pg';
import { generatePhase, GenerateOptions } from './generate/generate-phase';
import { bundlePhase } from './phases/bundle-phase';
import { ledgerPhase } from './phases/ledger-phase';
import { MeasuredPhase } from './phases/phase-meter';
import { PhaseResult, SimulationContext } from './phases/phase';
import { Probe } from './phases/probes';
import { probeInChild } from './phases/probe-process';
import { rebuildPhases } from './phases/rebuild-phase';
import { relayPhase } from './phases/relay-phase';
import { prepareDatabase } from './phases/setup';
import { flatChecks, renderReport } from './report';

export interface SimulateOptions extends Omit<GenerateOptions, 'workers'> {
  readonly workers?: number;
  /** How to start the latency probe's process (node arguments, the entry point last), like `workerEntry`. */
  readonly probeEntry: readonly string[];
  readonly brokers: readonly string[];
  /** The local broker's data folder, when the app started one: the relay phase reports its growth. */
  readonly kafkaDataDir?: string;
}

export interface SimulationOutcome {
  readonly report: string;
  /** Why the run failed (memory grew with the events, a latency not flat at size), or empty. */
  readonly failures: readonly string[];
}

const measured = (m: MeasuredPhase): PhaseResult => ({ ...m, memoryGrows: m.memory.grows });

/** The latencies of the empty store, kept with the run so a resumed run compares against the same start. */
async function emptyProbe(databaseUrl: string, probeEntry: readonly string[], say: (line: string) => void): Promise<Probe> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await pool.query('CREATE TABLE IF NOT EXISTS simulation_probes (at_size text PRIMARY KEY, probe jsonb NOT NULL, measured_at timestamptz NOT NULL DEFAULT now())');
    const [kept] = (await pool.query(`SELECT probe FROM simulation_probes WHERE at_size = 'empty'`)).rows as { probe: Probe }[];
    if (kept) return kept.probe;
    say('measuring latencies at the empty store…');
    const probe = await probeInChild(probeEntry, databaseUrl);
    await pool.query(`INSERT INTO simulation_probes (at_size, probe) VALUES ('empty', $1)`, [JSON.stringify(probe)]);
    return probe;
  } finally {
    await pool.end();
  }
}

/**
 * `npm run simulate`: a national year through the command path, then, in the same run, every projection rebuilt, the
 * ledger built and signed, every event relayed to Kafka, one agency's bundle exported and verified offline; per phase
 * events/s, peak RSS and disk, and latencies at the empty and at the full store.
 */
export async function simulate(ctx: SimulationContext, options: SimulateOptions): Promise<SimulationOutcome> {
  const startedAt = Date.now();
  const workers = options.workers ?? Math.max(1, cpus().length);
  ctx.say('preparing the database (migrations, holiday calendars, demo reference data)…');
  await prepareDatabase(ctx.databaseUrl, ctx.workDir);
  const empty = await emptyProbe(ctx.databaseUrl, options.probeEntry, ctx.say);
  const phases: PhaseResult[] = [];
  const run = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    ctx.say(`${label}…`);
    const result = await work();
    ctx.progress('');
    return result;
  };
  phases.push(await run(`generating ${options.cases.toLocaleString('en-US')} cases in ${workers} workers`, () => generatePhase(ctx, { ...options, workers })));
  phases.push(...(await run('rebuilding every projection as a new generation', () => rebuildPhases(ctx))));
  phases.push(measured(await run('building and signing the ledger', () => ledgerPhase(ctx))));
  phases.push(
    measured(
      await run(`relaying every event to Kafka (${options.brokers.join(', ')})`, () =>
        relayPhase(ctx, options.brokers, options.kafkaDataDir ? { kafkaDataDir: options.kafkaDataDir } : {}),
      ),
    ),
  );
  const [exported, verified] = await run("exporting the busiest agency's bundle and verifying it offline", () => bundlePhase(ctx));
  phases.push(measured(exported), measured(verified));
  ctx.say('measuring latencies at the full store…');
  const full = await probeInChild(options.probeEntry, ctx.databaseUrl);
  const checks = flatChecks(empty, full);
  const failures = [
    ...phases.filter((p) => p.memoryGrows).map((p) => `${p.name}: memory grew with the events`),
    ...checks.filter((c) => !c.flat).map((c) => `${c.what}: ${c.ratio.toFixed(2)}× the empty store's (bar 1.5×)`),
  ];
  const title = `Mutasi simulation — ${new Date().toISOString()} — ${cpus().length} CPUs, ${options.cases.toLocaleString('en-US')} cases, seed ${options.seed}`;
  return { report: renderReport(title, phases, checks, empty, full, (Date.now() - startedAt) / 1000), failures };
}
