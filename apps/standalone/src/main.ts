import '../../../libs/observability/src/tracing/register'; // first: tracing must patch http, pg and kafkajs before they load (off without OTEL_EXPORTER_OTLP_ENDPOINT)
import 'reflect-metadata';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { INestApplication, Logger } from '@nestjs/common';
import { authFor, checkBrokers, checkDatabase, checkPort, ConfigError, onStopSignals, createHttpApp, loadConfig, OffsetClock, preflight, StartupError } from '@mutasi/platform';
import { checkNotRunning, EmbeddedPostgres, startEmbeddedPostgres } from '@mutasi/local-infra';
import { createJsonLogger } from '@mutasi/observability';
import { STANDALONE_API, StandaloneModule } from '@mutasi/standalone';

/**
 * `npm start`: every service in one process on loopback, an embedded PostgreSQL with its data in ./.data (kept
 * between runs), migrations applied, the demo data loaded on the first run.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, 'standalone');
  // Every line the server writes, from the first, in the server's log format (JSON unless on a terminal).
  Logger.overrideLogger(createJsonLogger());
  const log = new Logger('Mutasi');
  const pgDir = join(config.dataDir, 'postgres');
  const runtimeFile = join(config.dataDir, 'runtime.json');
  // Before anything starts: the port, the database and brokers named by the variables, no other server on this folder.
  await preflight([
    checkNotRunning(config.dataDir),
    checkPort(config.host, config.port),
    config.databaseUrl ? checkDatabase(config.databaseUrl) : null,
    config.kafkaBrokers.length > 0 ? checkBrokers(config.kafkaBrokers) : null,
  ]);
  // Claims the folder while starting, so a second `npm start` here is told, not handed this server's PostgreSQL.
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(runtimeFile, JSON.stringify({ pid: process.pid, starting: true }));
  const clock = new OffsetClock(config.clockOffsetDays);
  let embedded: EmbeddedPostgres | null = null;
  // Set once the server runs: PostgreSQL that keeps dying stops the server, so its own supervisor can restart it.
  let stopForGood: (why: string) => void = () => undefined;
  let app: INestApplication;
  let auth: Awaited<ReturnType<typeof authFor>>;
  try {
    auth = await authFor(config);
    if (!config.databaseUrl) log.log(`starting embedded PostgreSQL (data in ${relative(process.cwd(), pgDir) || '.'})…`);
    embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: pgDir, notice: (line) => log.warn(line), onGiveUp: (why) => stopForGood(why) });
    app = await createHttpApp(
      StandaloneModule.forRoot({ config, clock, databaseUrl: config.databaseUrl ?? (embedded?.url as string), ...auth }, { workers: true, seedDemo: true }),
      STANDALONE_API,
    );
  } catch (error) {
    // Nothing left behind by a failed start: no PostgreSQL running on the folder, no claim on it.
    await embedded?.stop().catch(() => undefined);
    rmSync(runtimeFile, { force: true });
    throw error;
  }
  const databaseUrl = config.databaseUrl ?? (embedded?.url as string);
  const stop = async (): Promise<void> => {
    rmSync(runtimeFile, { force: true });
    await app.close();
    await embedded?.stop();
  };
  onStopSignals(stop);
  stopForGood = (why) => {
    log.error(`${why}\nstopping the server (exit 1): start it again once PostgreSQL can run (check the disk, the memory and ${relative(process.cwd(), pgDir) || pgDir})`);
    void stop().finally(() => process.exit(1));
  };
  await app.listen(config.port, config.host);
  const base = `http://${config.host}:${(app.getHttpServer() as { address(): { port: number } }).address().port}`;
  // Lets `npm run import` and `npm run projections:rebuild` reach this server's database while it runs.
  writeFileSync(runtimeFile, JSON.stringify({ url: base, databaseUrl, pid: process.pid }));
  const lines = [
    '',
    'Mutasi is running — standalone mode (every service in one process)',
    `  API docs     ${base}/api/docs   (OpenAPI JSON: ${base}/api/docs-json)`,
    `  Health       ${base}/api/health/live (process), ${base}/api/health/ready (database, projections)`,
    `  Metrics      ${base}/metrics   (Prometheus)`,
    `  Web app      ${base}/app   (${auth.devAuth.issuer ? `sign in as any demo user at ${base}/app/masuk` : 'sign in with the identity provider'})`,
    `  Event store  ${config.eventStoreConnectionString ? 'KurrentDB (EVENTSTORE_CONNECTION_STRING)' : 'PostgreSQL adapter'}`,
    `  Database     ${embedded ? `embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${relative(process.cwd(), pgDir)}` : 'PostgreSQL at DATABASE_URL'}`,
    `  Messaging    ${config.kafkaBrokers.length > 0 ? `Kafka at ${config.kafkaBrokers.join(',')}` : 'in-process feed (no Kafka)'}`,
    `  Sign-in      ${auth.devAuth.issuer ? `demo tokens: POST ${base}/api/dev/token {"userId"}; users: GET ${base}/api/dev/users` : 'JWT (AUTH_JWKS_URL / AUTH_PUBLIC_KEY)'}`,
    `  Clock        server clock${clock.offsetDays ? ` + ${Math.round(clock.offsetDays * 10) / 10} days (the demo clock: kept in the database, moves forward only)` : ''}; now ${clock.now().toISOString()}`,
    ...(auth.devAuth.issuer ? ['  Next         npm run demo   (drives one case per route family over HTTP)'] : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StartupError;
  process.stderr.write(`Mutasi ${known ? (error as Error).message : `failed to start: ${error instanceof Error ? error.stack : JSON.stringify(error)}`}\n`);
  process.exit(1);
});
