import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Pool } from 'pg';
import { checkJava, LocalKafka, startEmbeddedPostgres, startLocalKafka, EmbeddedPostgres } from '@mutasi/local-infra';
import { onStopSignals } from '@mutasi/platform';
import { SimulationRefused, simulate, SimulationContext } from '@mutasi/simulation';
import { parseArguments, USAGE } from '@mutasi/simulation';

const DATABASE = 'mutasi_simulation';

/** How to start one of this app's child processes: the build under dist/, or the TypeScript sources through ts-register. */
function childEntry(name: 'generate-worker' | 'probe-worker'): string[] {
  const compiled = __filename.endsWith('.js');
  const entry = join(__dirname, `${name}.${compiled ? 'js' : 'ts'}`);
  return compiled ? [entry] : ['-r', join(__dirname, '..', '..', '..', 'scripts', 'ts-register.js'), entry];
}

/** The simulation's own database on the server (created when missing; dropped first with --fresh). */
async function simulationDatabase(serverUrl: string, fresh: boolean): Promise<string> {
  const admin = new Pool({ connectionString: serverUrl, max: 1 });
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rows.length > 0;
    if (!exists) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

/** The progress line: rewritten in place on a terminal, a line every 10 s otherwise (CI logs). */
function progressWriter(): (line: string) => void {
  let lastAt = 0;
  let width = 0;
  return (line) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line.padEnd(width)}${line === '' ? '\r' : ''}`);
      width = line.length;
    } else if (line !== '' && Date.now() - lastAt >= 10_000) {
      lastAt = Date.now();
      process.stderr.write(`${line}\n`);
    }
  };
}

/** `npm run simulate -- …` (apps/simulate): see USAGE and docs/scaling.md. */
async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const workDir = join(process.env.MUTASI_DATA_DIR ?? '.data', 'simulate');
  mkdirSync(workDir, { recursive: true });
  const say = (line: string): void => void process.stderr.write(`${line}\n`);
  const needsKafka = !process.env.KAFKA_BROKERS;
  const noJava = needsKafka ? checkJava() : null;
  if (noJava) throw new Error(`${noJava} (or set KAFKA_BROKERS to a broker the relay phase can use)`);
  let postgres: EmbeddedPostgres | null = null;
  let kafka: LocalKafka | null = null;
  // Ctrl-C or a stop signal: the broker and PostgreSQL this run started stop with it; the checkpoint keeps the work.
  onStopSignals(async () => {
    process.stderr.write('\ninterrupted: stopping the local broker and PostgreSQL; run the same command again to continue\n');
    await kafka?.stop();
    await postgres?.stop();
  });
  try {
    if (!process.env.DATABASE_URL) say(`starting embedded PostgreSQL (data in ${relative(process.cwd(), join(workDir, 'postgres'))})…`);
    postgres = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), notice: say });
    const databaseUrl = await simulationDatabase(process.env.DATABASE_URL ?? (postgres?.url as string), args.fresh);
    if (needsKafka) say('starting a local Apache Kafka broker for the relay phase…');
    kafka = needsKafka ? await startLocalKafka({ dataDir: join(workDir, 'kafka'), log: say }) : null;
    const brokers = kafka ? kafka.brokers : (process.env.KAFKA_BROKERS as string).split(',').map((b) => b.trim());
    const write = progressWriter();
    const ctx: SimulationContext = { databaseUrl, workDir, say: (line) => (write(''), say(line)), progress: write };
    const outcome = await simulate(ctx, {
      ...args,
      workerEntry: childEntry('generate-worker'),
      probeEntry: childEntry('probe-worker'),
      brokers,
      ...(kafka ? { kafkaDataDir: kafka.dataDir } : {}),
    });
    const file = join(workDir, `report-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
    writeFileSync(file, `${outcome.report}\n${outcome.failures.map((f) => `FAILED: ${f}`).join('\n')}\n`);
    process.stdout.write(`\n${outcome.report}\n\nreport saved in ${relative(process.cwd(), file)}\n`);
    for (const failure of outcome.failures) process.stderr.write(`FAILED: ${failure}\n`);
    return outcome.failures.length > 0 ? 1 : 0;
  } finally {
    await kafka?.stop();
    await postgres?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SimulationRefused) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`simulation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
