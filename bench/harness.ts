/** Small helpers to measure throughput and latency and print them next to a raw baseline measured in the same run. */

export interface Measurement {
  readonly name: string;
  readonly operations: number;
  readonly items: number;
  readonly seconds: number;
  readonly latenciesMs: readonly number[];
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/**
 * Runs `operation` `total` times over `concurrency` workers; each operation handles `itemsPerOperation` items
 * (events, rows, commands). Returns the rate and every latency.
 */
export async function measure(name: string, total: number, concurrency: number, itemsPerOperation: number, operation: (i: number) => Promise<unknown>): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next;
      next += 1;
      const t0 = process.hrtime.bigint();
      await operation(i);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, operations: total, items: total * itemsPerOperation, seconds, latenciesMs: latencies };
}

/**
 * Two measurements taken in turns, a slice of each `rounds` times, so a change in the machine's load (other jobs on
 * the same cores) falls on both rather than on whichever ran second. Each operation gets its overall index.
 */
export async function measureInTurns(
  rounds: number,
  names: readonly [string, string],
  total: number,
  concurrency: number,
  itemsPerOperation: number,
  operations: readonly [(i: number) => Promise<unknown>, (i: number) => Promise<unknown>],
): Promise<[Measurement, Measurement]> {
  const slices: Measurement[][] = [[], []];
  const size = Math.ceil(total / rounds);
  for (let r = 0; r * size < total; r += 1) {
    const offset = r * size;
    const count = Math.min(size, total - offset);
    for (const k of [0, 1] as const) slices[k]?.push(await measure(names[k], count, concurrency, itemsPerOperation, (i) => operations[k](offset + i)));
  }
  const merged = (k: 0 | 1): Measurement => {
    const parts = slices[k] ?? [];
    return {
      name: names[k],
      operations: total,
      items: total * itemsPerOperation,
      seconds: parts.reduce((sum, m) => sum + m.seconds, 0),
      latenciesMs: parts.flatMap((m) => m.latenciesMs),
    };
  };
  return [merged(0), merged(1)];
}

/** Items per second. */
export function rate(m: Measurement): number {
  return m.items / m.seconds;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One printed line: rate, latency percentiles and the ratio to its baseline, with the target. */
export function report(m: Measurement, unit: string, baseline?: Measurement, target?: number): string {
  const ratio = baseline ? rate(m) / rate(baseline) : undefined;
  const verdict = ratio === undefined || target === undefined ? '' : ratio >= target ? `  ✔ target ≥ ${target}×` : `  ✘ below target ${target}×`;
  return `  ${m.name.padEnd(58)} ${fmt(rate(m)).padStart(9)} ${unit}/s   p50 ${fmt(percentile(m.latenciesMs, 50), 2).padStart(7)} ms   p99 ${fmt(percentile(m.latenciesMs, 99), 2).padStart(7)} ms${ratio === undefined ? '' : `   ratio ${fmt(ratio, 2)}×`}${verdict}`;
}

/** A progress line on stderr that rewrites itself. */
export function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\u001b[2K${text}`);
  else process.stderr.write(`${text}\n`);
}
