import 'reflect-metadata';
import { join, relative } from 'node:path';
import { ConfigError, EmbeddedPostgres, onStopSignals, LocalKafka, loadConfig, ServiceProcesses, startEmbeddedPostgres, startLocalKafka } from '@mutasi/platform';
import { localCredentials, writeComposeEnv } from './credentials';

/** The four services in start order: the writer first (it seeds the demo data), the readers after it. */
const SERVICES = [
  { name: 'transfer-service', port: 3001, env: { MUTASI_SEED_DEMO: 'true' } },
  { name: 'audit-service', port: 3002, env: {} },
  { name: 'relay', port: 3003, env: {} },
  { name: 'dashboard-service', port: 3004, env: {} },
] as const;

/** How to run a service's entry point: the build under dist/, or the TypeScript sources through ts-register. */
function entryArgs(service: string): string[] {
  const compiled = __filename.endsWith('.js');
  const entry = join(__dirname, '..', '..', service, 'src', compiled ? 'main.js' : 'main.ts');
  return compiled ? [entry] : ['-r', join(__dirname, '..', '..', '..', 'scripts', 'ts-register.js'), entry];
}

/**
 * `npm run start:distributed`: the distributed deployment on this machine, one process per service, with a real
 * PostgreSQL (embedded, or DATABASE_URL) and a real Kafka broker (local, or KAFKA_BROKERS), keys and demo tokens
 * in .data/distributed. Ctrl-C stops everything in reverse order.
 */
async function main(): Promise<void> {
  if (process.argv.includes('--compose-env')) return composeEnv();
  const config = loadConfig({ ...process.env, AUTH_DEV_TOKENS: 'false', AUTH_PUBLIC_KEY: 'generated below', MUTASI_CLOCK_OFFSET_DAYS: '0' }, 'standalone');
  const dir = join(config.dataDir, 'distributed');
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  let postgres: EmbeddedPostgres | null = null;
  let kafka: LocalKafka | null = null;
  const services = new ServiceProcesses(SERVICES.map((s) => s.name));
  const stop = async (): Promise<void> => {
    await services.stopAll();
    await kafka?.stop();
    await postgres?.stop();
  };
  onStopSignals(stop);
  try {
    if (!config.databaseUrl) say(`starting embedded PostgreSQL (data in ${relative(process.cwd(), join(dir, 'postgres'))})…`);
    postgres = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: join(dir, 'postgres') });
    const databaseUrl = config.databaseUrl ?? (postgres?.url as string);
    if (config.kafkaBrokers.length === 0) say('starting a local Apache Kafka broker (the first run downloads it with Maven)…');
    kafka = config.kafkaBrokers.length > 0 ? null : await startLocalKafka({ dataDir: join(dir, 'kafka'), log: say });
    const brokers = kafka ? kafka.brokers : config.kafkaBrokers;
    const credentials = await localCredentials(dir, config.auth.issuer, config.auth.audience, config.ledger.origin);
    const base = { ...process.env, DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers.join(','), AUTH_PUBLIC_KEY: credentials.publicKey, AUTH_DEV_TOKENS: 'false', LEDGER_SIGNER_KEY_FILE: credentials.ledgerKeyFile, HOST: config.host };
    for (const s of SERVICES) {
      say(`starting ${s.name} on http://${config.host}:${s.port}…`);
      await services.start({ name: s.name, args: entryArgs(s.name), env: { ...base, ...s.env, PORT: String(s.port) }, ready: / is running \(distributed mode\)/ });
    }
    const url = (port: number): string => `http://${config.host}:${port}`;
    say([
      '',
      'Mutasi is running — distributed mode (one process per service)',
      ...SERVICES.map((s) => `  ${s.name.padEnd(18)} ${url(s.port)}/api/docs`),
      `  Dashboard          ${url(3004)}/dashboard   (paste a token from the file below)`,
      `  Database           ${postgres ? `embedded PostgreSQL on 127.0.0.1:${postgres.port}` : 'PostgreSQL at DATABASE_URL'}; event store ${config.eventStoreConnectionString ? 'KurrentDB' : 'PostgreSQL adapter'}`,
      `  Kafka              ${brokers.join(',')}${kafka ? ' (local broker)' : ''}`,
      `  Sign-in tokens     ${relative(process.cwd(), credentials.tokensFile)} (12 h; run again for new ones)`,
      `  Next               MUTASI_URL=${url(3001)} MUTASI_TOKENS_FILE=${relative(process.cwd(), credentials.tokensFile)} npm run demo`,
      `  Try                curl -H "Authorization: Bearer $(node -p "require('./${relative(process.cwd(), credentials.tokensFile)}')['inspektur.bkn']")" ${url(3004)}/api/dashboard/pipeline`,
      '  Ctrl-C stops every service, then Kafka and PostgreSQL.',
      '',
    ].join('\n'));
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error instanceof Error ? error.message : error)}\n`);
    await stop();
    process.exit(1);
  }
}

/** `npm run compose:env`: the keys and demo tokens for docker-compose.yml, without starting anything. */
async function composeEnv(): Promise<void> {
  const config = loadConfig({ ...process.env, AUTH_DEV_TOKENS: 'false', AUTH_PUBLIC_KEY: 'generated below' }, 'standalone');
  const dir = join(config.dataDir, 'distributed');
  const credentials = await localCredentials(dir, config.auth.issuer, config.auth.audience, config.ledger.origin);
  const file = writeComposeEnv(dir, credentials);
  process.stdout.write([
    `wrote ${relative(process.cwd(), file)} (token public key, ledger signing key) and ${relative(process.cwd(), credentials.tokensFile)} (demo tokens, 12 h)`,
    `next: docker compose --env-file ${relative(process.cwd(), file)} up --build`,
    '',
  ].join('\n'));
}

void main();
