import { fork } from 'node:child_process';
import { Pool } from 'pg';
import { PhaseResult, SimulationContext } from '../phases/phase';
import { MemorySampler } from '../memory';
import { databaseBytes, MIB, rate } from '../phases/measure';
import { WorkerReport } from './generate-worker';

export interface GenerateOptions {
  readonly cases: number;
  readonly workers: number;
  readonly seed: number;
  readonly concurrency: number;
  /** How to start a worker process: node arguments before the worker's own (the entry point, its loader). */
  readonly workerEntry: readonly string[];
}

/** A run the database cannot take as asked: said to the user as it is, without a stack. */
export class SimulationRefused extends Error {}

/** A bar of `width` characters for a fraction done. */
export function bar(fraction: number, width = 24): string {
  const full = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

/**
 * Prepares the run's checkpoint: a row per worker in simulation_progress. A database holding an unfinished run of
 * the same shape continues it; one of another shape is refused with what to do.
 */
export async function prepareCheckpoint(databaseUrl: string, options: Omit<GenerateOptions, 'workerEntry'>, say: (line: string) => void): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return await checkpointOn(pool, options, say);
  } finally {
    await pool.end();
  }
}

async function checkpointOn(pool: Pool, options: Omit<GenerateOptions, 'workerEntry'>, say: (line: string) => void): Promise<number> {
  await pool.query(`CREATE TABLE IF NOT EXISTS simulation_progress (worker integer PRIMARY KEY, workers integer NOT NULL, cases bigint NOT NULL, seed integer NOT NULL,
    next_case bigint NOT NULL, events bigint NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL DEFAULT now())`);
  const rows = (await pool.query('SELECT worker, workers, cases, seed, next_case FROM simulation_progress ORDER BY worker')).rows as {
    workers: number;
    cases: string;
    seed: number;
    next_case: string;
  }[];
  const first = rows[0];
  if (first) {
    if (first.workers !== options.workers || Number(first.cases) !== options.cases || first.seed !== options.seed)
      throw new SimulationRefused(
        `this database holds a simulation of ${Number(first.cases).toLocaleString('en-US')} cases, ${first.workers} workers, seed ${first.seed}: run again with --cases ${first.cases} --workers ${first.workers} --seed ${first.seed} to continue it (or to measure it again if it is complete), or use --fresh, which drops it`,
      );
    const done = rows.reduce((sum, r) => sum + Math.ceil(Number(r.next_case) / options.workers), 0);
    say(`continuing the simulation from its checkpoint: about ${done.toLocaleString('en-US')} of ${options.cases.toLocaleString('en-US')} cases were written`);
    return done;
  }
  for (let w = 0; w < options.workers; w += 1)
    await pool.query('INSERT INTO simulation_progress (worker, workers, cases, seed, next_case) VALUES ($1::int, $2, $3, $4, $1::bigint)', [
      w,
      options.workers,
      options.cases,
      options.seed,
    ]);
  return 0;
}

/**
 * Phase 1: the national year through the command path, in `workers` processes, with a progress bar and a resumable
 * checkpoint. Peak RSS is the highest of the coordinator and of any worker.
 */
export async function generatePhase(ctx: SimulationContext, options: GenerateOptions): Promise<PhaseResult> {
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  const sampler = new MemorySampler();
  const startedAt = Date.now();
  try {
    const diskBefore = await databaseBytes(pool);
    const resumedFrom = await checkpointOn(pool, options, ctx.say);
    const eventsBefore = Number(((await pool.query('SELECT count(*) AS n FROM event_store.events')).rows[0] as { n: string }).n);
    const reports = new Map<number, WorkerReport>();
    let workerPeak = 0;
    const tick = setInterval(() => {
      const cases = [...reports.values()].reduce((sum, r) => sum + r.casesDone, 0) || resumedFrom;
      const events = [...reports.values()].reduce((sum, r) => sum + r.eventsAppended, 0);
      const seconds = (Date.now() - startedAt) / 1000;
      const perCase = Math.max(1, cases - resumedFrom) / Math.max(0.001, seconds);
      const left = cases > resumedFrom ? (options.cases - cases) / perCase : null;
      sampler.progress(events);
      ctx.progress(
        `generate ${bar(cases / options.cases)} ${Math.floor((cases / options.cases) * 100)} % ${cases.toLocaleString('en-US')} / ${options.cases.toLocaleString('en-US')} cases, ${events.toLocaleString('en-US')} events, ${rate(events, seconds)} events/s${left === null ? '' : `, about ${Math.floor(left / 60)}:${String(Math.round(left % 60)).padStart(2, '0')} left`}`,
      );
    }, 1_000);
    try {
      await Promise.all(
        Array.from({ length: options.workers }, (_, worker) =>
          runWorkerProcess(options, ctx.databaseUrl, worker, (r) => {
            reports.set(r.worker, r);
            workerPeak = Math.max(workerPeak, r.rssBytes);
          }),
        ),
      );
    } finally {
      clearInterval(tick);
    }
    const eventsAfter = Number(((await pool.query('SELECT count(*) AS n FROM event_store.events')).rows[0] as { n: string }).n);
    const seconds = (Date.now() - startedAt) / 1000;
    const memory = sampler.stop();
    const written = eventsAfter - eventsBefore;
    return {
      name: 'generate (decide + append)',
      events: written,
      seconds,
      peakRssMiB: Math.max(memory.peakRssMiB, workerPeak / MIB),
      diskBytes: (await databaseBytes(pool)) - diskBefore,
      notes: [
        `${options.cases.toLocaleString('en-US')} cases in ${options.workers} worker processes, ${options.concurrency} cases in flight each; store now ${eventsAfter.toLocaleString('en-US')} events`,
      ],
      memoryGrows: memory.grows,
    };
  } finally {
    await pool.end();
  }
}

function runWorkerProcess(options: GenerateOptions, databaseUrl: string, worker: number, onReport: (r: WorkerReport) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const [entry, ...execArgv] = [...options.workerEntry].reverse();
    const child = fork(
      entry as string,
      [JSON.stringify({ databaseUrl, worker, workers: options.workers, cases: options.cases, seed: options.seed, concurrency: options.concurrency })],
      {
        execArgv: execArgv.reverse(),
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    child.on('message', (message) => onReport(message as WorkerReport));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`generating worker ${worker} stopped (${signal ?? `exit ${code}`}); run again to continue from the checkpoint`)),
    );
  });
}
