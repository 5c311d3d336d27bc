import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive, runningPostmaster, waitForExit } from '@mutasi/local-infra';
import { runUntilExit, ServerProcess, spawnServer } from '@mutasi/testing/app';

// Each test starts real servers (from TypeScript) and PostgreSQL, several minutes' work on a loaded 2-core machine.
jest.setTimeout(300_000);

/** A data folder as a project's `.data` is (readable by the postgres user when the tests run as root). */
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mutasi-start-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** `npm start` (standalone main) refusing or recovering, as an operator meets it. */
describe('start-up faults', () => {
  const folders: string[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await server.kill('SIGTERM');
    for (const dir of folders) {
      const left = await runningPostmaster(join(dir, 'postgres', 'pgdata'));
      if (left) process.kill(left.pid, 'SIGINT');
      if (left) await waitForExit(left.pid, 30_000);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('after a SIGKILL of the server its embedded PostgreSQL is found still running, stopped cleanly, and the next start works', async () => {
    const dir = dataFolder();
    folders.push(dir);
    const first = await spawnServer({ MUTASI_DATA_DIR: dir, DATABASE_URL: '' });
    await first.kill('SIGKILL');
    const orphan = await runningPostmaster(join(dir, 'postgres', 'pgdata'));
    expect(orphan).not.toBeNull();

    const second = await spawnServer({ MUTASI_DATA_DIR: dir, DATABASE_URL: '' });
    servers.push(second);
    // Said as a JSON log line, like everything the server writes when its output is not a terminal.
    const notice = second
      .output()
      .split('\n')
      .find((line) => line.includes('found the embedded PostgreSQL of an earlier run still running'));
    expect(JSON.parse(notice ?? 'null')).toMatchObject({ level: 'warn', context: 'Mutasi' });
    expect(processAlive(orphan?.pid as number)).toBe(false);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);

    // A second `npm start` in the same folder while this one runs: told which server holds it, and nothing touched.
    const third = await runUntilExit({ MUTASI_DATA_DIR: dir, DATABASE_URL: '' });
    expect(third.code).toBe(1);
    expect(third.output).toContain(`Mutasi is already running from ${dir} (pid ${second.child.pid}`);
    expect(third.output).not.toContain('undefined');
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
  });

  it('a port in use is refused before PostgreSQL starts, naming PORT and a free one to try', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dir = dataFolder();
    folders.push(dir);
    try {
      const result = await runUntilExit({ MUTASI_DATA_DIR: dir, DATABASE_URL: '', PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`127.0.0.1:${port} is already in use by another program: stop it, or set PORT to a free port`);
      expect(result.output).not.toContain('starting embedded PostgreSQL');
      expect(result.output).not.toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  });

  it('a DATABASE_URL nobody answers on and an unreachable KAFKA_BROKERS are named at once, with what to check', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dir = dataFolder();
    folders.push(dir);
    const result = await runUntilExit({ MUTASI_DATA_DIR: dir, DATABASE_URL: `postgres://mutasi:secret@127.0.0.1:${port}/mutasi`, KAFKA_BROKERS: `127.0.0.1:${port}` });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`DATABASE_URL: cannot reach PostgreSQL at postgres://mutasi:***@127.0.0.1:${port}/mutasi`);
    expect(result.output).not.toContain('secret');
    expect(result.output).toContain(`KAFKA_BROKERS: cannot reach the Kafka broker 127.0.0.1:${port}`);
  });

  it('an AUTH_PUBLIC_KEY that is not a key is named, before PostgreSQL starts, and leaves no claim on the folder', async () => {
    const dir = dataFolder();
    folders.push(dir);
    const result = await runUntilExit({ MUTASI_DATA_DIR: dir, DATABASE_URL: '', AUTH_PUBLIC_KEY: 'hello' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('AUTH_PUBLIC_KEY is not a public key in PEM (SPKI) form');
    expect(result.output).not.toContain('starting embedded PostgreSQL');
    expect(result.output).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'runtime.json'))).toBe(false);
  });
});
