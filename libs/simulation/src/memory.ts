/**
 * Samples this process's memory while a phase runs: its resident set size, for the peak the report prints, and the
 * JavaScript heap in use, to judge whether memory grew with the work (RSS never shrinks, so an earlier phase's peak
 * would hide a later phase's growth; the heap falls back after each collection).
 */
export class MemorySampler {
  private readonly samples: MemorySample[] = [];
  private readonly timer: NodeJS.Timeout;
  private work = 0;

  constructor(intervalMs = 200) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    this.sample();
  }

  /** How much work (events) is done so far: memory is judged against it. */
  progress(work: number): void {
    this.work = work;
  }

  private sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.samples.push({ work: this.work, rss, heap: heapUsed });
  }

  stop(): MemoryReport {
    clearInterval(this.timer);
    this.sample();
    return memoryReport(this.samples);
  }
}

export interface MemorySample {
  readonly work: number;
  readonly rss: number;
  readonly heap: number;
}

export interface MemoryReport {
  readonly peakRssMiB: number;
  /** Peak heap in use in the first and in the last quarter of the work; flat when the last is within 64 MiB or 1.5× of the first. */
  readonly earlyMiB: number;
  readonly lateMiB: number;
  readonly grows: boolean;
}

const MIB = 1024 * 1024;

/** Peak RSS overall, and whether memory grew with the work done (the last quarter's peak heap against the first's). */
export function memoryReport(samples: readonly MemorySample[]): MemoryReport {
  const total = Math.max(1, ...samples.map((s) => s.work));
  const peak = (from: number, to: number): number => Math.max(0, ...samples.filter((s) => s.work >= from * total && s.work <= to * total).map((s) => s.heap));
  const early = peak(0, 0.25);
  const late = peak(0.75, 1);
  const all = Math.max(0, ...samples.map((s) => s.rss));
  return { peakRssMiB: all / MIB, earlyMiB: early / MIB, lateMiB: late / MIB, grows: late > early * 1.5 && late - early > 64 * MIB };
}
