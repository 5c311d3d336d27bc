import 'reflect-metadata';
import { runGenerateWorker, WorkerOptions } from '@mutasi/simulation';

/** One generating worker of `npm run simulate`, forked by the coordinator: its options as JSON in argv[2]. */
const options = JSON.parse(process.argv[2] ?? '{}') as WorkerOptions;
// The coordinator is gone (killed): stop too; the checkpoint keeps what was written.
process.on('disconnect', () => process.exit(1));
runGenerateWorker(options, (report) => {
  if (process.connected) process.send?.(report);
}).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`generating worker ${options.worker}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
