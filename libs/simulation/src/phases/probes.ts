import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CaseState, caseStreamId, decide, innerCase, TransferCommand, TransferEvent } from '@mutasi/domain';
import { World } from '@mutasi/demo-data';
import { CommandPipeline, eventIdFor, EventStore, openEventStore } from '@mutasi/event-store';
import { OffsetClock } from '@mutasi/platform';
import { RefusalRecorder, transferDecider, transferEventMapping } from '@mutasi/transfers';
import { writeCase } from '../generate/case-writer';
import { monthlyWorlds } from '../generate/run-shape';
import { planCase } from '../generate/stories';

/** Latencies at one store size (ms): appends, commands and reads of a case, p50 and p99 each. */
export interface Probe {
  readonly storeEvents: number;
  readonly appendP50: number;
  readonly appendP99: number;
  readonly commandP50: number;
  readonly commandP99: number;
  readonly readP50: number;
  readonly readP99: number;
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function timed(n: number, work: (i: number) => Promise<void>): Promise<[number, number]> {
  const took: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const started = process.hrtime.bigint();
    await work(i);
    took.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  took.sort((a, b) => a - b);
  return [quantile(took, 0.5), quantile(took, 0.99)];
}

/** The first command of a fresh case (opening it), decided, with the events it makes. */
function opening(world: World): { caseId: string; events: TransferEvent[] } {
  const caseId = randomUUID();
  const command = planCase(world, 0, 0, caseId).steps[0]?.command as TransferCommand;
  return { caseId, events: decide(command, { status: 'NONE' }) };
}

/**
 * Measures, one at a time so the figures are latencies and not throughput: the append of a case's first events,
 * a command through the pipeline on a case read from the store (ApproveNeedsAnalysis: read, decide, append), and the
 * read of a whole appointed case's stream (written for the probe at either size). The cases it opens are real, and stay in the store.
 */
export async function probeLatencies(databaseUrl: string, samples = 500): Promise<Probe> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const store: EventStore = await openEventStore({ kurrentDbConnection: null, pool });
  try {
    const world = monthlyWorlds(Date.now()).at(-1) as World;
    const storeEvents = Number(((await pool.query('SELECT count(*) AS n FROM event_store.events')).rows[0] as { n: string }).n);
    const opened: string[] = [];
    const [appendP50, appendP99] = await timed(samples, async () => {
      const { caseId, events } = opening(world);
      const commandId = `probe:${caseId}:0`;
      const data = events.map((e, i) =>
        transferEventMapping.toEventData({ ...e, metadata: { ...e.metadata, commandId } } as TransferEvent, eventIdFor(commandId, i), {
          commandId,
          correlationId: caseId,
          causationId: commandId,
        }),
      );
      await store.append(caseStreamId(caseId), data, 'no_stream');
      opened.push(caseId);
    });
    const [commandP50, commandP99] = await timed(opened.length, async (i) => {
      // A new pipeline each time: its state cache is cold, so the command reads the stream as after a restart.
      const pipeline = new CommandPipeline<TransferCommand, TransferEvent, CaseState>(store, transferDecider, transferEventMapping, 1);
      const caseId = opened[i] as string;
      const commandId = `probe:${caseId}:1`;
      await pipeline.handle(
        caseStreamId(caseId),
        (state) => {
          const approve = world.simple('ApproveNeedsAnalysis', { notes: 'probe' }, world.person('TIM_PENILAI_KINERJA', innerCase(state)?.targetAgencyId as string, state));
          return { ...approve, metadata: { ...approve.metadata, commandId } } as TransferCommand;
        },
        { commandId, correlationId: caseId, causationId: commandId },
      );
    });
    // Whole cases of the same stories at either size, so a read at the empty store reads what one at the full store does.
    const pipeline = new CommandPipeline<TransferCommand, TransferEvent, CaseState>(store, transferDecider, transferEventMapping, 1);
    const refusals = new RefusalRecorder(store, new OffsetClock());
    const whole: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const planned = planCase(world, 7, i, randomUUID(), 'appointed');
      await writeCase(pipeline, refusals, planned);
      whole.push(caseStreamId(planned.caseId));
    }
    // Reads are cheap and their tail is noisy (a 50 KB case parsed each time): four times the samples.
    const [readP50, readP99] = await timed(samples * 4, async (i) => {
      await store.readStream(whole[(i * 7919) % whole.length] as string);
    });
    return { storeEvents, appendP50, appendP99, commandP50, commandP99, readP50, readP99 };
  } finally {
    await store.close();
    await pool.end().catch(() => undefined);
  }
}
