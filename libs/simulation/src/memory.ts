/** Samples this process's resident set size while a phase runs, so the report can say its peak and whether it grew. */
export class MemorySampler {
  private readonly samples: { readonly at: number; readonly work: number; readonly rss: number }[] = [];
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
    this.samples.push({ at: Date.now(), work: this.work, rss: process.memoryUsage.rss() });
  }

  stop(): MemoryReport {
    clearInterval(this.timer);
    this.sample();
    return memoryReport(this.samples);
  }
}

export interface MemoryReport {
  readonly peakRssMiB: number;
  /** Peak RSS in the first and in the last quarter of the work; flat when the last is within 64 MiB or 1.5× of the first. */
  readonly earlyMiB: number;
  readonly lateMiB: number;
  readonly grows: boolean;
}

const MIB = 1024 * 1024;

/** Peak RSS overall, and whether memory grew with the work done (the last quarter's peak against the first's). */
export function memoryReport(samples: readonly { readonly work: number; readonly rss: number }[]): MemoryReport {
  const total = Math.max(1, ...samples.map((s) => s.work));
  const peak = (from: number, to: number): number => Math.max(0, ...samples.filter((s) => s.work >= from * total && s.work <= to * total).map((s) => s.rss));
  const early = peak(0, 0.25);
  const late = peak(0.75, 1);
  const all = Math.max(0, ...samples.map((s) => s.rss));
  return { peakRssMiB: all / MIB, earlyMiB: early / MIB, lateMiB: late / MIB, grows: late > early * 1.5 && late - early > 64 * MIB };
}
