/**
 * Runs `stop` once on the first SIGINT or SIGTERM, then exits 0. Ctrl-C in a terminal signals the whole process
 * group and a supervisor may add its own SIGTERM: a second signal must not close things twice.
 */
export function onStopSignals(stop: () => Promise<void>): void {
  let stopping: Promise<void> | null = null;
  const handler = (): void => {
    stopping ??= stop().then(() => process.exit(0), (error: unknown) => {
      process.stderr.write(`stopping failed: ${String(error)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
