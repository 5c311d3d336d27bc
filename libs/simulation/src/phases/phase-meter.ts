import { MemoryReport, MemorySampler } from '../memory';
import { PhaseResult, SimulationContext } from './phase';

/** A phase's result with its memory report, so the run can fail when `memory.grows`. */
export interface MeasuredPhase extends PhaseResult {
  readonly memory: MemoryReport;
}

const PROGRESS_EVERY_MS = 1_000;

/** `12,345 events, 6,789 events/s`. */
export function rateText(done: number, seconds: number, unit = 'events'): string {
  return `${done.toLocaleString('en-US')} ${unit}, ${Math.round(seconds > 0 ? done / seconds : 0).toLocaleString('en-US')} ${unit}/s`;
}

/**
 * Times one phase, samples its memory against the events done, and writes the progress line about once a second.
 * Construct it when the phase starts; `finish` stops the sampler and gives the result.
 */
export class PhaseMeter {
  private readonly sampler = new MemorySampler();
  private readonly startedAt = process.hrtime.bigint();
  private lastLineAt = 0;
  private done = 0;

  constructor(
    private readonly ctx: SimulationContext,
    readonly name: string,
    /** What the progress line counts (the relay counts the messages the broker acknowledged). */
    private readonly unit = 'events',
  ) {}

  get seconds(): number {
    return Number(process.hrtime.bigint() - this.startedAt) / 1e9;
  }

  /** The work done so far (a running total, in the meter's unit), with anything else the progress line should say. */
  progress(done: number, detail = ''): void {
    this.done = done;
    this.sampler.progress(done);
    const now = Date.now();
    if (now - this.lastLineAt < PROGRESS_EVERY_MS) return;
    this.lastLineAt = now;
    this.ctx.progress(`${this.name}: ${rateText(done, this.seconds, this.unit)}${detail}`);
  }

  finish(result: { readonly events?: number; readonly diskBytes: number | null; readonly notes: readonly string[]; readonly peakRssMiB?: number }): MeasuredPhase {
    const seconds = this.seconds;
    const memory = this.sampler.stop();
    return {
      name: this.name,
      events: result.events ?? this.done,
      seconds,
      peakRssMiB: Math.max(memory.peakRssMiB, result.peakRssMiB ?? 0),
      diskBytes: result.diskBytes,
      notes: result.notes,
      memory,
    };
  }
}
