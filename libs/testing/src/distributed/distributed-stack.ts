import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MutasiHttp } from '@mutasi/demo-data';
import { exited, freePortRange } from '../infra/ports-and-processes';
import { createTestDatabase } from '../infra/postgres';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface DistributedStackOptions {
  /** Prefix of the test database and the temporary data folder. */
  readonly name: string;
  /** How many consecutive ports the stack takes from PORT (5 for one replica of each service, 9 for two). */
  readonly ports: number;
  /** The web app the gateway serves (a folder that does not exist serves none). */
  readonly webDist: string;
  /** More environment for the launcher (TRANSFER_REPLICAS, …). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * `npm run start:distributed` for real (apps/distributed from its sources) on a test database of its own and the
 * run's Kafka broker: every service, the witnesses and the gateway as their own processes. Resolves once the
 * launcher prints its summary; `stop()` sends SIGTERM and answers the launcher's exit code.
 */
export class DistributedStack {
  /** Everything the launcher and its services printed so far. */
  output = '';
  /** The launcher's summary, printed once everything runs. */
  summary = '';
  /** The address of each process by its name in the summary (transfer-service#1, audit-service, …). */
  readonly at = new Map<string, string>();

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    readonly db: { url: string; drop(): Promise<void> },
    private readonly launcher: ChildProcess,
  ) {}

  /** The gateway's origin: the web app at `/app`, the API at `/api`. */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A 12-hour token for every demo user, written by the launcher (distributed mode has no dev sign-in). */
  tokens(): Record<string, string> {
    return JSON.parse(readFileSync(join(this.dataDir, 'distributed', 'tokens.json'), 'utf8')) as Record<string, string>;
  }

  /** An API client through the gateway (or straight to `base`), signed in with the launcher's tokens. */
  http(base = this.origin): MutasiHttp {
    return new MutasiHttp(base, this.tokens());
  }

  static async start(options: DistributedStackOptions): Promise<DistributedStack> {
    const dataDir = mkdtempSync(join(tmpdir(), `${options.name}-`));
    const db = await createTestDatabase(options.name.replace(/[^a-z0-9]+/gi, '_'));
    const port = await freePortRange(options.ports);
    const launcher = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, 'apps', 'distributed', 'src', 'main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        HOST: '127.0.0.1',
        PORT: String(port),
        MUTASI_DATA_DIR: dataDir,
        WEB_DIST: options.webDist,
        // The run's broker is shared: a consumer group of its own keeps the other tests' dashboards whole.
        DASHBOARD_CONSUMER_GROUP: `${options.name}-${process.pid}`,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stack = new DistributedStack(port, dataDir, db, launcher);
    stack.summary = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        stack.output += chunk.toString();
        const done = /\nMutasi is running[^]*Ctrl-C stops[^\n]*\n/.exec(stack.output)?.[0];
        if (done) resolve(done);
      };
      launcher.stdout?.on('data', onData);
      launcher.stderr?.on('data', onData);
      launcher.once('exit', (code) => reject(new Error(`start:distributed exited (${code}) before it was running:\n${stack.output}`)));
    }).catch(async (error: unknown) => {
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    });
    for (const m of stack.summary.matchAll(/^ {2}(\S+) +(http:\/\/\S+)\/api\/docs$/gm)) stack.at.set(m[1] as string, m[2] as string);
    return stack;
  }

  /** SIGTERM to the launcher, which stops everything it started; its exit code (null when it had already gone). */
  async stop(): Promise<NodeJS.Signals | number | null> {
    if (this.launcher.exitCode !== null || this.launcher.signalCode !== null) return null;
    this.launcher.kill('SIGTERM');
    return exited(this.launcher);
  }

  /** Stops the stack if it still runs, drops its database and removes its data folder. */
  async close(): Promise<void> {
    await this.stop();
    await this.db.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
