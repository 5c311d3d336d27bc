import 'reflect-metadata';
import { join, relative } from 'node:path';
import { ConfigError, onStopSignals, loadConfig } from '@mutasi/platform';
import { checkJava, EmbeddedPostgres, LocalKafka, ServiceProcesses, startEmbeddedPostgres, startLocalKafka } from '@mutasi/local-infra';
import { localCredentials, witnessKey, writeComposeEnv } from './credentials';
import { portsInUse } from './ports-in-use';

/**
 * The four services in start order: the writer first (it seeds the demo data), the readers after it. Each listens
 * on PORT + offset (3001…3004 by default); the gateway, started last, on PORT (3000) is the one origin for people.
 */
const SERVICES = [
  { name: 'transfer-service', offset: 1, env: { MUTASI_SEED_DEMO: 'true' } },
  { name: 'audit-service', offset: 2, env: {} },
  { name: 'relay', offset: 3, env: {} },
  { name: 'dashboard-service', offset: 4, env: {} },
] as const;
const GATEWAY = 'gateway';
/** Two witnesses (apps/witness), each its own process with its own key and state, on PORT + 5 and PORT + 6. */
const WITNESSES = [
  { name: 'saksi-inspektorat.mutasi.local', offset: 5 },
  { name: 'saksi-ombudsman.mutasi.local', offset: 6 },
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
 * in .data/distributed, and the gateway in front (web app and API on one origin). Ctrl-C stops everything in
 * reverse order.
 */
async function main(): Promise<void> {
  if (process.argv.includes('--compose-env')) return composeEnv();
  const config = loadConfig({ ...process.env, AUTH_DEV_TOKENS: 'false', AUTH_PUBLIC_KEY: 'generated below', MUTASI_CLOCK_OFFSET_DAYS: '0' }, 'standalone');
  const dir = join(config.dataDir, 'distributed');
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  let postgres: EmbeddedPostgres | null = null;
  let kafka: LocalKafka | null = null;
  const port = (s: (typeof SERVICES)[number]): number => config.port + s.offset;
  // The address to reach a service at: a wildcard HOST is listened on, not connected to.
  const reachable = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host;
  const url = (p: number, host = config.host): string => `http://${host.includes(':') ? `[${host}]` : host}:${p}`;
  const services = new ServiceProcesses([...WITNESSES.map((w) => w.name), ...SERVICES.map((s) => s.name), GATEWAY]);
  const stop = async (): Promise<void> => {
    await services.stopAll();
    await kafka?.stop();
    await postgres?.stop();
  };
  onStopSignals(stop);
  try {
    if (config.port < 1 || config.port > 65529)
      throw new ConfigError([`PORT is the gateway's port and the services and witnesses take the next six: it must be from 1 to 65529 (got ${config.port})`]);
    const taken = await portsInUse(config.host, [config.port, ...SERVICES.map(port), ...WITNESSES.map((w) => config.port + w.offset)]);
    if (taken.length > 0)
      throw new ConfigError([
        `${taken.length === 1 ? 'port' : 'ports'} ${taken.join(', ')} on ${config.host} ${taken.length === 1 ? 'is' : 'are'} in use (by another program, npm start on 3000, or the witnesses of an earlier start:distributed on PORT+5 and +6): stop it, or set PORT to move the gateway (the services and witnesses take the next six ports)`,
      ]);
    // The local broker needs Java: said before anything starts, not after PostgreSQL is up.
    const noJava = config.kafkaBrokers.length === 0 ? checkJava() : null;
    if (noJava) throw new ConfigError([noJava]);
    if (!config.databaseUrl) say(`starting embedded PostgreSQL (data in ${relative(process.cwd(), join(dir, 'postgres'))})…`);
    postgres = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), notice: say });
    const databaseUrl = config.databaseUrl ?? (postgres?.url as string);
    if (config.kafkaBrokers.length === 0) say('starting a local Apache Kafka broker (its jars come from Maven Central the first time, then from ~/.cache/mutasi/kafka)…');
    kafka = config.kafkaBrokers.length > 0 ? null : await startLocalKafka({ dataDir: join(dir, 'kafka'), log: say });
    const brokers = kafka ? kafka.brokers : config.kafkaBrokers;
    const credentials = await localCredentials(dir, config.auth.issuer, config.auth.audience, config.ledger.origin);
    const witnesses: string[] = [];
    for (const w of WITNESSES) {
      const key = witnessKey(dir, w.name);
      say(`starting witness ${w.name} on ${url(config.port + w.offset)}…`);
      await services.start({
        name: w.name,
        args: entryArgs('witness'),
        env: {
          ...process.env,
          HOST: config.host,
          PORT: String(config.port + w.offset),
          WITNESS_NAME: w.name,
          WITNESS_KEY_FILE: key.file,
          WITNESS_DATA_DIR: key.dataDir,
          WITNESS_LOGS: credentials.ledgerVerifierKey,
        },
        ready: /^witness \S+ listening on /,
      });
      witnesses.push(`${url(config.port + w.offset, reachable)} ${key.verifierKey}`);
    }
    const base = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: brokers.join(','),
      AUTH_PUBLIC_KEY: credentials.publicKey,
      AUTH_DEV_TOKENS: 'false',
      LEDGER_SIGNER_KEY_FILE: credentials.ledgerKeyFile,
      LEDGER_WITNESSES: witnesses.join(','),
      HOST: config.host,
    };
    for (const s of SERVICES) {
      say(`starting ${s.name} on ${url(port(s))}…`);
      await services.start({ name: s.name, args: entryArgs(s.name), env: { ...base, ...s.env, PORT: String(port(s)) }, ready: / is running \(distributed mode\)/ });
    }
    const upstream = (name: string): string => url(port(SERVICES.find((s) => s.name === name) as (typeof SERVICES)[number]), reachable);
    say(`starting the gateway on ${url(config.port)}…`);
    await services.start({
      name: GATEWAY,
      args: entryArgs(GATEWAY),
      // Only where the services are: the gateway holds no key and no token.
      env: {
        ...process.env,
        HOST: config.host,
        PORT: String(config.port),
        GATEWAY_TRANSFER_URL: upstream('transfer-service'),
        GATEWAY_AUDIT_URL: upstream('audit-service'),
        GATEWAY_DASHBOARD_URL: upstream('dashboard-service'),
        GATEWAY_TOKEN_SIGN_IN: 'true',
      },
      ready: /^gateway is running on /,
    });
    const tokensFile = relative(process.cwd(), credentials.tokensFile);
    const web = url(config.port);
    say(
      [
        '',
        'Mutasi is running — distributed mode (one process per service)',
        `  Web app            ${web}/app   (the gateway: the web app and every /api route on one origin)`,
        `  Sign-in            ${web}/masuk-token: paste a user's token from ${tokensFile} (no demo buttons here: dev sign-in is standalone only)`,
        ...SERVICES.map((s) => `  ${s.name.padEnd(18)} ${url(port(s))}/api/docs`),
        ...WITNESSES.map((w) => `  witness            ${url(config.port + w.offset)}  ${w.name} (cosigns each checkpoint; docs/witness.md)`),
        `  Database           ${postgres ? `embedded PostgreSQL on 127.0.0.1:${postgres.port}` : 'PostgreSQL at DATABASE_URL'}; event store ${config.eventStoreConnectionString ? 'KurrentDB' : 'PostgreSQL adapter'}`,
        `  Kafka              ${brokers.join(',')}${kafka ? ' (local broker)' : ''}`,
        `  Sign-in tokens     ${tokensFile} (one per demo user, 12 h; run again for new ones)`,
        `  Next               MUTASI_URL=${web} MUTASI_TOKENS_FILE=${tokensFile} npm run demo`,
        `  Try                curl -H "Authorization: Bearer $(node -p "require('./${tokensFile}')['inspektur.bkn']")" ${web}/api/dashboard/pipeline`,
        '  Ctrl-C stops the gateway and every service, then Kafka and PostgreSQL.',
        '',
      ].join('\n'),
    );
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
  // The compose witnesses read their keys from these folders (mounted as their data volumes).
  const witnesses = WITNESSES.map((w, i) => ({ service: `witness-${i + 1}`, verifierKey: witnessKey(dir, w.name).verifierKey }));
  const file = writeComposeEnv(dir, credentials, witnesses);
  process.stdout.write(
    [
      `wrote ${relative(process.cwd(), file)} (token public key, ledger signing key) and ${relative(process.cwd(), credentials.tokensFile)} (demo tokens, 12 h)`,
      `next: docker compose --env-file ${relative(process.cwd(), file)} up --build`,
      '',
    ].join('\n'),
  );
}

void main();
