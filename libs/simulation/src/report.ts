import { PhaseResult } from './phases/phase';
import { Probe } from './phases/probes';

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const size = (bytes: number | null): string =>
  bytes === null ? '–' : Math.abs(bytes) >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MiB`;

/** The ratio of a latency at size to the same latency at an empty store; the bar is 1.5×. */
export interface FlatCheck {
  readonly what: string;
  readonly empty: number;
  readonly full: number;
  readonly ratio: number;
  readonly flat: boolean;
}

/** Latency at the empty store against the full one, p50 and p99 of appends, commands and reads of a case. */
export function flatChecks(empty: Probe, full: Probe): FlatCheck[] {
  const pairs: [string, number, number][] = [
    ['append p50', empty.appendP50, full.appendP50],
    ['append p99', empty.appendP99, full.appendP99],
    ['command p50', empty.commandP50, full.commandP50],
    ['command p99', empty.commandP99, full.commandP99],
    ['read a case p50', empty.readP50, full.readP50],
    ['read a case p99', empty.readP99, full.readP99],
  ];
  return pairs.map(([what, e, f]) => {
    const ratio = f / Math.max(e, 0.001);
    return { what, empty: e, full: f, ratio, flat: ratio <= 1.5 };
  });
}

/** The run's report: one line per phase, the flat-at-size table, and what failed. */
export function renderReport(title: string, phases: readonly PhaseResult[], checks: readonly FlatCheck[], empty: Probe, full: Probe, totalSeconds: number): string {
  const lines = [title, '', 'phase                            events        time     events/s   peak RSS     disk'];
  for (const p of phases)
    lines.push(
      `${p.name.padEnd(30)} ${n(p.events).padStart(11)} ${`${p.seconds.toFixed(1)} s`.padStart(11)} ${n(p.events / Math.max(p.seconds, 0.001)).padStart(12)} ${`${n(p.peakRssMiB)} MiB`.padStart(10)} ${size(p.diskBytes).padStart(10)}${p.memoryGrows ? '   MEMORY GREW WITH THE EVENTS' : ''}`,
    );
  for (const p of phases) for (const note of p.notes) lines.push(`  ${p.name}: ${note}`);
  lines.push('', `flat at size: ${n(empty.storeEvents)} events → ${n(full.storeEvents)} events (bar: at most 1.5×)`);
  for (const c of checks) lines.push(`  ${c.what.padEnd(18)} ${ms(c.empty).padStart(10)} → ${ms(c.full).padStart(10)}   ${c.ratio.toFixed(2)}×  ${c.flat ? 'ok' : 'NOT FLAT'}`);
  lines.push('', `total ${(totalSeconds / 60).toFixed(1)} min`);
  return lines.join('\n');
}
