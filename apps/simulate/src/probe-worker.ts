import 'reflect-metadata';
import { probeLatencies } from '@mutasi/simulation';

/** The latency probe of `npm run simulate`, in a fresh process so the coordinator's heap does not time itself. */
probeLatencies(process.argv[2] ?? '').then(
  (probe) => process.send?.(probe, () => process.exit(0)),
  (error: unknown) => {
    process.stderr.write(`latency probe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
