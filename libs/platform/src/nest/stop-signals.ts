/**
 * Runs `stop` once on the first SIGINT or SIGTERM, then exits 0. Ctrl-C in a terminal signals the whole process
 * group and a supervisor may add its own SIGTERM: a second signal must not close things twice.
 */
export function onStopSignals(stop: () => Promise<void>): void {
  let stopping: Promise<void> | null = null;
  const handler = (): void => {
    stopping ??= stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stopping failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/**
 * A service started by the local launcher (`MUTASI_LAUNCHER_PID`) stops by itself when the launcher is gone (killed
 * with SIGKILL, so it could not stop its services), instead of running on as an orphan.
 */
export function stopWithLauncher(stop: () => Promise<void>, env: NodeJS.ProcessEnv = process.env): void {
  const launcher = Number(env.MUTASI_LAUNCHER_PID);
  if (!Number.isInteger(launcher) || launcher <= 0) return;
  const timer = setInterval(() => {
    try {
      process.kill(launcher, 0);
    } catch {
      clearInterval(timer);
      process.stderr.write(`the launcher (pid ${launcher}) is gone: stopping\n`);
      void stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  }, 1_000);
  timer.unref();
}
