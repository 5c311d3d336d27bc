/** The options of `npm run simulate -- …`, or what is wrong with them. */
export interface SimulateArguments {
  readonly cases: number;
  readonly workers: number | undefined;
  readonly seed: number;
  readonly concurrency: number;
  readonly fresh: boolean;
}

/** About 21 events a case: a national year of ~10 million events. */
export const NATIONAL_CASES = 480_000;
export const QUICK_CASES = 2_000;

export const USAGE = `usage: npm run simulate -- [--cases N | --national] [--workers N] [--concurrency N] [--seed N] [--fresh]
  --cases N        cases to generate (default ${QUICK_CASES.toLocaleString('en-US')}, about 21 events each)
  --national       a national year: ${NATIONAL_CASES.toLocaleString('en-US')} cases, about 10 million events
  --workers N      generating processes (default: one per CPU)
  --concurrency N  cases each worker writes at once (default 8)
  --seed N         the run's seed (default 1): the same seed gives the same cases
  --fresh          drop the simulation database first (otherwise an unfinished run continues)`;

export function parseArguments(argv: readonly string[]): SimulateArguments | string {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--national' || arg === '--fresh') flags.add(arg);
    else if (['--cases', '--workers', '--concurrency', '--seed'].includes(arg)) {
      const value = argv[i + 1];
      if (value === undefined || !/^\d+$/.test(value)) return `${arg} needs a whole number (got ${value ?? 'nothing'})`;
      values.set(arg, value);
      i += 1;
    } else return `unknown argument ${arg}`;
  }
  if (flags.has('--national') && values.has('--cases')) return '--national and --cases are two sizes: give one';
  const number = (name: string, fallback: number, min: number, max: number): number | string => {
    const value = values.has(name) ? Number(values.get(name)) : fallback;
    return value >= min && value <= max ? value : `${name} must be from ${min} to ${max.toLocaleString('en-US')} (got ${value})`;
  };
  const cases = number('--cases', flags.has('--national') ? NATIONAL_CASES : QUICK_CASES, 1, 50_000_000);
  const workers = values.has('--workers') ? number('--workers', 1, 1, 64) : undefined;
  const concurrency = number('--concurrency', 8, 1, 256);
  const seed = number('--seed', 1, 0, 2_000_000_000);
  for (const v of [cases, workers, concurrency, seed]) if (typeof v === 'string') return v;
  return { cases: cases as number, workers: workers as number | undefined, seed: seed as number, concurrency: concurrency as number, fresh: flags.has('--fresh') };
}
