import { Pool } from 'pg';
import { World } from '@mutasi/demo-data';
import { CommandPipeline, openEventStore } from '@mutasi/event-store';
import { OffsetClock } from '@mutasi/platform';
import { RefusalRecorder, transferDecider, transferEventMapping } from '@mutasi/transfers';
import { caseIdOf, monthlyWorlds } from './run-shape';
import { writeCase } from './case-writer';
import { planCase } from './stories';

export interface WorkerOptions {
  readonly databaseUrl: string;
  readonly worker: number;
  readonly workers: number;
  readonly cases: number;
  readonly seed: number;
  /** Cases written at once by this worker (overlaps the database round trips). */
  readonly concurrency: number;
}

/** What a worker tells the coordinator after each batch. */
export interface WorkerReport {
  readonly worker: number;
  readonly casesDone: number;
  readonly eventsAppended: number;
  readonly rssBytes: number;
}

/**
 * One generating worker: the cases `worker, worker + workers, …` of the run, from its checkpoint on, written through
 * the command pipeline `concurrency` at a time; after each batch it moves its checkpoint (simulation_progress) and
 * reports. Killed and started again, it continues from the checkpoint; the batch in flight is written again and the
 * pipeline appends only what is missing.
 */
export async function runGenerateWorker(options: WorkerOptions, report: (r: WorkerReport) => void): Promise<void> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.concurrency + 2 });
  const store = await openEventStore({ kurrentDbConnection: null, pool });
  try {
    const pipeline = new CommandPipeline(store, transferDecider, transferEventMapping, 5);
    const refusals = new RefusalRecorder(store, new OffsetClock());
    const worlds = monthlyWorlds(Date.now());
    const [row] = (await pool.query('SELECT next_case, events FROM simulation_progress WHERE worker = $1', [options.worker])).rows as { next_case: string; events: string }[];
    let next = Number(row?.next_case ?? options.worker);
    let events = Number(row?.events ?? 0);
    let done = Math.ceil(next / options.workers);
    while (next < options.cases) {
      const batch: number[] = [];
      for (let i = next; i < options.cases && batch.length < options.concurrency; i += options.workers) batch.push(i);
      const written = await Promise.all(
        batch.map((index) => {
          const caseId = caseIdOf(options.seed, index);
          const world = worlds[index % worlds.length] as World;
          return writeCase(pipeline, refusals, planCase(world, options.seed, index, caseId));
        }),
      );
      events += written.reduce((a, b) => a + b, 0);
      next = (batch.at(-1) as number) + options.workers;
      done += batch.length;
      await pool.query('UPDATE simulation_progress SET next_case = $2, events = $3, updated_at = now() WHERE worker = $1', [options.worker, next, events]);
      report({ worker: options.worker, casesDone: done, eventsAppended: events, rssBytes: process.memoryUsage.rss() });
    }
  } finally {
    await store.close();
    await pool.end().catch(() => undefined);
  }
}
