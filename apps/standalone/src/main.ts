import '../../../libs/observability/src/tracing/register'; // first: tracing must patch http, pg and kafkajs before they load (off without OTEL_EXPORTER_OTLP_ENDPOINT)
import 'reflect-metadata';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Logger } from '@nestjs/common';
import { authFor, ConfigError, onStopSignals, createHttpApp, loadConfig, OffsetClock, startEmbeddedPostgres } from '@mutasi/platform';
import { STANDALONE_API, StandaloneModule } from '@mutasi/standalone';

/**
 * `npm start`: every service in one process on loopback, an embedded PostgreSQL with its data in ./.data (kept
 * between runs), migrations applied, the demo data loaded on the first run.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, 'standalone');
  const log = new Logger('Mutasi');
  const pgDir = join(config.dataDir, 'postgres');
  if (!config.databaseUrl) log.log(`starting embedded PostgreSQL (data in ${relative(process.cwd(), pgDir) || '.'})…`);
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: pgDir });
  const databaseUrl = config.databaseUrl ?? (embedded?.url as string);
  const clock = new OffsetClock(config.clockOffsetDays);
  const auth = await authFor(config);
  const app = await createHttpApp(StandaloneModule.forRoot({ config, clock, databaseUrl, ...auth }, { workers: true, seedDemo: true }), STANDALONE_API);
  const runtimeFile = join(config.dataDir, 'runtime.json');
  const stop = async (): Promise<void> => {
    rmSync(runtimeFile, { force: true });
    await app.close();
    await embedded?.stop();
  };
  onStopSignals(stop);
  await app.listen(config.port, config.host);
  const base = `http://${config.host}:${(app.getHttpServer() as { address(): { port: number } }).address().port}`;
  // Lets `npm run import` and `npm run projections:rebuild` reach this server's database while it runs.
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(runtimeFile, JSON.stringify({ url: base, databaseUrl, pid: process.pid }));
  const lines = [
    '',
    'Mutasi is running — standalone mode (every service in one process)',
    `  API docs     ${base}/api/docs   (OpenAPI JSON: ${base}/api/docs-json)`,
    `  Health       ${base}/api/health`,
    `  Web app      ${base}/app   (sign in as any demo user at ${base}/app/masuk)`,
    `  Event store  ${config.eventStoreConnectionString ? 'KurrentDB (EVENTSTORE_CONNECTION_STRING)' : 'PostgreSQL adapter'}`,
    `  Database     ${embedded ? `embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${relative(process.cwd(), pgDir)}` : 'PostgreSQL at DATABASE_URL'}`,
    `  Messaging    ${config.kafkaBrokers.length > 0 ? `Kafka at ${config.kafkaBrokers.join(',')}` : 'in-process feed (no Kafka)'}`,
    `  Sign-in      ${auth.devAuth.issuer ? `demo tokens: POST ${base}/api/dev/token {"userId"}; users: GET ${base}/api/dev/users` : 'JWT (AUTH_JWKS_URL / AUTH_PUBLIC_KEY)'}`,
    `  Clock        server clock${clock.offsetDays ? ` + ${Math.round(clock.offsetDays * 10) / 10} days (the demo clock: kept in the database, moves forward only)` : ''}; now ${clock.now().toISOString()}`,
    '  Next         npm run demo   (drives one case per route family over HTTP)',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
