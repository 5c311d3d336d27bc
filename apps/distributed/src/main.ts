import 'reflect-metadata';
import { join, relative } from 'node:path';
import { ConfigError, onStopSignals, loadConfig } from '@mutasi/platform';
import { checkJava, EmbeddedPostgres, LocalKafka, ServiceProcesses, startEmbeddedPostgres, startLocalKafka } from '@mutasi/local-infra';
import { localCredentials, witnessKey, writeComposeEnv } from './credentials';
import { portsInUse } from './ports-in-use';
import { portsAfterGateway, REPLICA_VARIABLES, ReplicaCounts, replicaCounts, ReplicatedService, replicasOf } from './replicas';

interface Service {
  readonly name: 'transfer-service' | 'audit-service' | 'relay' | 'dashboard-service';
  readonly offset: number;
  /** The environment of its first (or only) process. */
  readonly env: NodeJS.ProcessEnv;
  /** The environment of its other processes, when it is replicated (TRANSFER_REPLICAS, DASHBOARD_REPLICAS). */
  readonly replicaEnv?: NodeJS.ProcessEnv;
}

/**
 * The four services in start order: the writer first (its first process seeds the demo data, and only it), the
 * readers after it. Each listens on PORT + offset (3001…3004 by default); the gateway, started last, on PORT (3000)
 * is the one origin for people. transfer-service and dashboard-service may run as several processes (replicas.ts).
 */
const SERVICES: readonly Service[] = [
  { name: 'transfer-service', offset: 1, env: { MUTASI_SEED_DEMO: 'true' }, replicaEnv: { MUTASI_SEED_DEMO: 'false' } },
  { name: 'audit-service', offset: 2, env: {} },
  { name: 'relay', offset: 3, env: {} },
  { name: 'dashboard-service', offset: 4, env: {}, replicaEnv: {} },
];
const GATEWAY = 'gateway';
/** Two witnesses (apps/witness), each its own process with its own key and state, on PORT + 5 and PORT + 6. */
const WITNESSES = [
  { name: 'saksi-inspektorat.mutasi.local', offset: 5 },
  { name: 'saksi-ombudsman.mutasi.local', offset: 6 },
] as const;

/** One process to start: a service, or one replica of it, with its name in the output and its port's offset. */
interface ServiceProcess {
  readonly name: string;
  readonly service: Service['name'];
  readonly offset: number;
  readonly env: NodeJS.ProcessEnv;
}

const replicated = (name: Service['name']): name is ReplicatedService => name in REPLICA_VARIABLES;

/** Every process of every service, in start order: a service's replicas one after the other, its first one first. */
function processesOf(counts: ReplicaCounts): ServiceProcess[] {
  return SERVICES.flatMap((s): ServiceProcess[] =>
    replicated(s.name)
      ? replicasOf(s.name, s.offset, counts).map((r) => ({ name: r.name, service: s.name, offset: r.offset, env: r.index === 1 ? s.env : (s.replicaEnv ?? s.env) }))
      : [{ name: s.name, service: s.name, offset: s.offset, env: s.env }],
  );
}

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
  let counts: ReplicaCounts;
  try {
    counts = replicaCounts(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const processes = processesOf(counts);
  const after = portsAfterGateway(counts);
  let postgres: EmbeddedPostgres | null = null;
  let kafka: LocalKafka | null = null;
  const port = (s: ServiceProcess): number => config.port + s.offset;
  // The address to reach a service at: a wildcard HOST is listened on, not connected to.
  const reachable = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host;
  const url = (p: number, host = config.host): string => `http://${host.includes(':') ? `[${host}]` : host}:${p}`;
  const services = new ServiceProcesses([...WITNESSES.map((w) => w.name), ...processes.map((s) => s.name), GATEWAY]);
  const stop = async (): Promise<void> => {
    await services.stopAll();
    await kafka?.stop();
    await postgres?.stop();
  };
  onStopSignals(stop);
  try {
    // Six ports after the gateway's (four services, two witnesses), and one more per extra replica.
    const layout = `the services and witnesses take the next ${after === 6 ? 'six' : `${after} (six, and one per extra replica of ${Object.values(REPLICA_VARIABLES).join(' and ')})`}`;
    if (config.port < 1 || config.port > 65535 - after)
      throw new ConfigError([`PORT is the gateway's port and ${layout}: it must be from 1 to ${65535 - after} (got ${config.port})`]);
    const taken = await portsInUse(config.host, [config.port, ...processes.map(port), ...WITNESSES.map((w) => config.port + w.offset)]);
    if (taken.length > 0)
      throw new ConfigError([
        `${taken.length === 1 ? 'port' : 'ports'} ${taken.join(', ')} on ${config.host} ${taken.length === 1 ? 'is' : 'are'} in use (by another program, npm start on 3000, or the witnesses of an earlier start:distributed on PORT+5 and +6): stop it, or set PORT to move the gateway (${layout} ports)`,
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
    for (const s of processes) {
      say(`starting ${s.name} on ${url(port(s))}…`);
      await services.start({ name: s.name, args: entryArgs(s.service), env: { ...base, ...s.env, PORT: String(port(s)) }, ready: / is running \(distributed mode\)/ });
    }
    // Every process of the service, comma-separated: the gateway spreads requests over them (apps/gateway).
    const upstream = (name: Service['name']): string =>
      processes
        .filter((s) => s.service === name)
        .map((s) => url(port(s), reachable))
        .join(',');
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
    // Labels as wide as the longest process name (transfer-service#2), so the addresses line up.
    const width = Math.max(18, ...processes.map((s) => s.name.length));
    const label = (text: string): string => `  ${text.padEnd(width)} `;
    say(
      [
        '',
        `Mutasi is running — distributed mode (one process per service${processes.length > SERVICES.length ? ', the gateway spreading requests over the replicas' : ''})`,
        `${label('Web app')}${web}/app   (the gateway: the web app and every /api route on one origin)`,
        `${label('Sign-in')}${web}/masuk-token: paste a user's token from ${tokensFile} (no demo buttons here: dev sign-in is standalone only)`,
        ...processes.map((s) => `${label(s.name)}${url(port(s))}/api/docs`),
        ...WITNESSES.map((w) => `${label('witness')}${url(config.port + w.offset)}  ${w.name} (cosigns each checkpoint; docs/witness.md)`),
        `${label('Database')}${postgres ? `embedded PostgreSQL on 127.0.0.1:${postgres.port}` : 'PostgreSQL at DATABASE_URL'}; event store ${config.eventStoreConnectionString ? 'KurrentDB' : 'PostgreSQL adapter'}`,
        `${label('Kafka')}${brokers.join(',')}${kafka ? ' (local broker)' : ''}`,
        `${label('Sign-in tokens')}${tokensFile} (one per demo user, 12 h; run again for new ones)`,
        `${label('Next')}MUTASI_URL=${web} MUTASI_TOKENS_FILE=${tokensFile} npm run demo`,
        `${label('Try')}curl -H "Authorization: Bearer $(node -p "require('./${tokensFile}')['inspektur.bkn']")" ${web}/api/dashboard/pipeline`,
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
