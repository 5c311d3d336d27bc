import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** A Mutasi server in its own process (the real `main`), for tests that kill, stop or restart it. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Sends `signal` and resolves with the exit code (or the signal) once the process has ended. */
  kill(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals>;
  /** Resolves once the process has ended by itself. */
  readonly exited: Promise<number | NodeJS.Signals>;
}

/** Runs an app's `main.ts` (standalone by default) and waits for the address it prints. */
export function spawnServer(env: Record<string, string>, entry = 'apps/standalone/src/main.ts', readyPattern = /API docs\s+(http:\/\/[^/\s]+)\/api\/docs/): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', MUTASI_LOCAL_WITNESSES: '0', LOG_FORMAT: 'json', MUTASI_DATA_DIR: mkdtempSync(join(tmpdir(), 'mutasi-server-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code ?? 0)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = readyPattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1] as string,
        child,
        exited,
        output: () => output,
        kill: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${entry} ended (${how}) before it was ready:\n${output}`));
    });
  });
}

/** Runs an app's `main.ts` expecting it to refuse to start: its exit code and everything it printed. */
export function runUntilExit(env: Record<string, string>, entry = 'apps/standalone/src/main.ts', timeoutMs = 90_000): Promise<{ code: number | NodeJS.Signals; output: string }> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', MUTASI_LOCAL_WITNESSES: '0', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} was still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ?? code ?? 0, output });
    });
  });
}
