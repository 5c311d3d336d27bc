import { loadWitnessConfig, loadWitnessKey, startWitness, WitnessConfigError } from '@mutasi/witness';

/**
 * A witness of the Mutasi ledger, run by an institution outside the ministry (docs/witness.md): it cosigns each
 * checkpoint that extends the last one it cosigned, and keeps the evidence when one does not. WITNESS_NAME,
 * WITNESS_KEY_FILE, WITNESS_DATA_DIR, WITNESS_LOGS, WITNESS_URL_PREFIX, HOST (127.0.0.1), PORT (3010).
 */
async function main(): Promise<void> {
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const config = loadWitnessConfig(process.env);
  const key = loadWitnessKey(config, log);
  const witness = await startWitness({
    signerKey: key.signerKey,
    logs: config.logs,
    dataDir: config.dataDir,
    prefix: config.prefix,
    host: config.host,
    port: config.port,
    log: (line) => void process.stderr.write(`${line}\n`),
  });
  let stopping: Promise<void> | null = null;
  const stop = (): void => {
    // Ctrl-C signals the whole process group and a supervisor may add its own SIGTERM: close once.
    stopping ??= witness.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stopping the witness failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  stopWithLauncher(stop);
  log(
    `witness ${key.name} listening on ${witness.url}${config.prefix}, verifier key ${key.verifierKey}, trusting logs: ${[...config.logs.keys()].join(', ')} (data in ${config.dataDir})`,
  );
}

/**
 * Started by Mutasi's local launcher (`MUTASI_LAUNCHER_PID`, `npm run start:distributed`): stop when the launcher is
 * gone (killed outright), instead of holding the witness's port and lock as an orphan. An institution running its
 * own witness never sets the variable.
 */
function stopWithLauncher(stop: () => void): void {
  const launcher = Number(process.env.MUTASI_LAUNCHER_PID);
  if (!Number.isInteger(launcher) || launcher <= 0) return;
  setInterval(() => {
    try {
      process.kill(launcher, 0);
    } catch {
      process.stderr.write(`the launcher (pid ${launcher}) is gone: stopping\n`);
      stop();
    }
  }, 1_000).unref();
}

main().catch((error: unknown) => {
  process.stderr.write(`witness cannot start: ${error instanceof WitnessConfigError ? error.message : String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
