import { ChildProcess, spawn } from 'node:child_process';
// Relative, not @mutasi/platform: jest's global setups load this lib without the path aliases.
import { ignoreKafkajsNegativeTimeouts } from '../../platform/src/kafka/kafkajs-timeout-warning';
import { checkJava } from './java-check';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { log4jProperties, newClusterId, serverProperties } from './kafka-config';
import { DEFAULT_KAFKA_VERSION, resolveKafkaRuntime } from './kafka-runtime';

/** Options of {@link startLocalKafka}; every one has a sensible default. */
export interface LocalKafkaOptions {
  /** Client port on 127.0.0.1; default: a free port. */
  port?: number;
  /** KRaft controller port on 127.0.0.1; default: a free port. */
  controllerPort?: number;
  /** Where the broker keeps its data, config and `kafka.log`; kept on stop. Default: a temporary dir, removed on stop. */
  dataDir?: string;
  /** Apache Kafka release to run (`org.apache.kafka:kafka_2.13:<version>`); default {@link DEFAULT_KAFKA_VERSION}. */
  kafkaVersion?: string;
  /** Progress messages (only the one-off Maven resolution says anything); default: stderr. */
  log?: (line: string) => void;
  /** How long to wait for the broker to answer a client; default 90 s. */
  startTimeoutMs?: number;
}

/** A running single-node Apache Kafka (KRaft, broker+controller) on 127.0.0.1. */
export interface LocalKafka {
  /** Bootstrap servers for clients, e.g. `['127.0.0.1:41234']`. */
  readonly brokers: string[];
  /** The broker's directory: `server.properties`, `log4j2.properties`, `kafka.log` and the partition data in `data/`. */
  readonly dataDir: string;
  /** Broker output (Log4j 2), for diagnosing failures. */
  readonly logFile: string;
  /** Whether the broker process is alive (false after stop, stopProcess, or if it died on its own). */
  readonly running: boolean;
  /** Stops the broker and, if `dataDir` was a temporary one, removes it. Idempotent. */
  stop(): Promise<void>;
  /** Stops the broker process (keeping its data and ports) and starts it again; resolves once it serves clients. */
  restart(): Promise<void>;
  /** Stops the broker process gracefully (SIGTERM, SIGKILL after 30 s), keeping data and ports. No-op if not running. */
  stopProcess(): Promise<void>;
  /** Starts the broker process again after {@link stopProcess}; resolves once it serves clients. No-op if running. */
  startProcess(): Promise<void>;
}

const STOP_TIMEOUT_MS = 30_000;
const PROBE_INTERVAL_MS = 250;

/**
 * Starts a real Apache Kafka broker from the official jars on Maven Central (resolved once into
 * `~/.cache/mutasi/kafka/<version>/libs`) with the machine's Java 17+, listening on 127.0.0.1 only.
 * Resolves once a kafkajs admin client can describe the cluster. The broker is killed if this Node
 * process exits, even abruptly.
 */
export async function startLocalKafka(options: LocalKafkaOptions = {}): Promise<LocalKafka> {
  const version = options.kafkaVersion ?? DEFAULT_KAFKA_VERSION;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  // Before Maven downloads anything: a broker needs Java, and `spawn java ENOENT` tells nobody what to do.
  const noJava = checkJava();
  if (noJava) throw new Error(noJava);
  const libs = await resolveKafkaRuntime(version, log);

  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ? resolve(options.dataDir) : await mkdtemp(join(tmpdir(), 'mutasi-kafka-'));
  try {
    await mkdir(dataDir, { recursive: true });
    const port = options.port ?? (await freePort([]));
    const controllerPort = options.controllerPort ?? (await freePort([port]));
    const node = new KafkaProcess({
      libs,
      dataDir,
      temporary,
      port,
      startTimeoutMs: options.startTimeoutMs ?? 90_000,
    });
    await writeFile(node.propertiesFile, serverProperties({ port, controllerPort, logDir: node.logDir }));
    await writeFile(node.log4jFile, log4jProperties());
    await node.formatIfNeeded();
    await node.startProcess();
    return node;
  } catch (err) {
    if (temporary) await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

interface KafkaProcessConfig {
  libs: string;
  dataDir: string;
  temporary: boolean;
  port: number;
  startTimeoutMs: number;
}

class KafkaProcess implements LocalKafka {
  readonly brokers: string[];
  readonly dataDir: string;
  readonly logFile: string;
  readonly logDir: string;
  readonly propertiesFile: string;
  readonly log4jFile: string;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private watchdog: ChildProcess | undefined;
  private stopped = false;
  private readonly killOnExit = (): void => void this.child?.kill('SIGTERM');

  constructor(private readonly config: KafkaProcessConfig) {
    this.dataDir = config.dataDir;
    this.brokers = [`127.0.0.1:${config.port}`];
    this.logFile = join(config.dataDir, 'kafka.log');
    this.logDir = join(config.dataDir, 'data');
    this.propertiesFile = join(config.dataDir, 'server.properties');
    this.log4jFile = join(config.dataDir, 'log4j2.properties');
  }

  /** Formats the KRaft storage with a new cluster id, unless an earlier run already did. */
  async formatIfNeeded(): Promise<void> {
    if (existsSync(join(this.logDir, 'meta.properties'))) return;
    const child = this.java(['-Xmx256m'], ['kafka.tools.StorageTool', 'format', '-t', newClusterId(), '-c', this.propertiesFile]);
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', fail);
      child.once('exit', (c) => done(c));
    });
    if (code !== 0) throw new Error(`Formatting Kafka storage failed (exit ${code}).\n${await this.logTail()}`);
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  async startProcess(): Promise<void> {
    if (this.stopped) throw new Error('This LocalKafka has been stopped; start a new one');
    if (this.child) return;
    const child = this.java(['-Xmx512m', '-Xms256m'], ['kafka.Kafka', this.propertiesFile]);
    this.child = child;
    this.exited = new Promise((done) => child.once('exit', () => done()));
    let exitCode: string | undefined;
    child.once('exit', (code, signal) => {
      exitCode = String(code ?? signal);
      if (this.child === child) this.detach();
    });
    await new Promise<void>((done, fail) => {
      child.once('spawn', done);
      child.once('error', (err) => {
        this.detach();
        fail(new Error(`Could not run Java 17+ ("java" on PATH or $JAVA_HOME): ${err.message}`));
      });
    });
    process.on('exit', this.killOnExit);
    this.watchdog = startWatchdog(child.pid ?? 0);

    const deadline = Date.now() + this.config.startTimeoutMs;
    for (;;) {
      if (exitCode !== undefined) {
        this.detach();
        throw new Error(`Kafka exited during startup (${exitCode}).\n${await this.logTail()}`);
      }
      const problem = await probe(this.brokers);
      if (problem === undefined) return;
      if (Date.now() > deadline) {
        await this.stopProcess();
        throw new Error(`Kafka did not serve clients on ${this.brokers[0]} within ${this.config.startTimeoutMs} ms (last error: ${problem}).\n${await this.logTail()}`);
      }
      await sleep(PROBE_INTERVAL_MS);
    }
  }

  async stopProcess(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([this.exited.then(() => true), new Promise<boolean>((done) => (timer = setTimeout(() => done(false), STOP_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (!inTime) {
      child.kill('SIGKILL');
      await this.exited;
    }
    this.detach();
  }

  async restart(): Promise<void> {
    await this.stopProcess();
    await this.startProcess();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    await this.stopProcess();
    this.stopped = true;
    if (this.config.temporary) await rm(this.dataDir, { recursive: true, force: true });
  }

  private detach(): void {
    this.child = undefined;
    process.removeListener('exit', this.killOnExit);
    this.watchdog?.kill('SIGKILL');
    this.watchdog = undefined;
  }

  /** Runs a Java main class on the Kafka classpath, appending its output to `kafka.log`. */
  private java(heap: string[], main: string[]): ChildProcess {
    const fd = openSync(this.logFile, 'a');
    try {
      writeSync(fd, `==== mutasi: ${new Date().toISOString()} java ${main.join(' ')}\n`);
      const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
      const jvm = [...heap, '-Djava.awt.headless=true', `-Dlog4j2.configurationFile=${this.log4jFile}`, '-cp', join(this.config.libs, '*')];
      // Its own process group: Ctrl-C reaches the launcher, which stops the broker after the services that use it.
      return spawn(java, [...jvm, ...main], { stdio: ['ignore', fd, fd], detached: true });
    } finally {
      closeSync(fd);
    }
  }

  private async logTail(lines = 40): Promise<string> {
    const text = await readFile(this.logFile, 'utf8').catch(() => '');
    return `--- last lines of ${this.logFile} ---\n${text.trimEnd().split('\n').slice(-lines).join('\n')}`;
  }
}

/** One readiness probe: `undefined` if the broker answered `describeCluster()`, else why not. */
async function probe(brokers: string[]): Promise<string | undefined> {
  ignoreKafkajsNegativeTimeouts();
  const admin = new Kafka({
    clientId: 'mutasi-local-kafka-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 ? undefined : 'no broker registered yet';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * A tiny Node process that SIGTERMs (then SIGKILLs) the broker when its stdin closes, which happens when
 * this process dies in any way, including SIGKILL, where no `exit` handler runs. It ends with the broker.
 */
function startWatchdog(pid: number): ChildProcess {
  const script = `
    const pid = Number(process.argv[1]);
    const signal = (s) => { try { process.kill(pid, s); return true; } catch { return false; } };
    process.on('SIGINT', () => {});
    process.on('SIGTERM', () => {});
    setInterval(() => { if (!signal(0)) process.exit(0); }, 500);
    process.stdin.on('error', () => {});
    process.stdin.on('close', () => { signal('SIGTERM'); setTimeout(() => { signal('SIGKILL'); process.exit(0); }, 15000); });
    process.stdin.resume();`;
  const watchdog = spawn(process.execPath, ['-e', script, String(pid)], { stdio: ['pipe', 'ignore', 'ignore'] });
  watchdog.on('error', () => undefined);
  const stdin = watchdog.stdin;
  stdin?.on('error', () => undefined);
  if (stdin instanceof Socket) stdin.unref();
  watchdog.unref();
  return watchdog;
}

/** A port on 127.0.0.1 that is free right now and not in `exclude`. */
async function freePort(exclude: number[]): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((done, fail) => {
      const server = createServer();
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const found = typeof address === 'object' && address ? address.port : 0;
        server.close(() => done(found));
      });
    });
    if (port > 0 && !exclude.includes(port)) return port;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
