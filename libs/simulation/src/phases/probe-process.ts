import { fork } from 'node:child_process';
import { Probe } from './probes';

/** Runs the latency probe in a process of its own (entry: node arguments, the entry point last) and returns its figures. */
export function probeInChild(entry: readonly string[], databaseUrl: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const [script, ...execArgv] = [...entry].reverse();
    const child = fork(script as string, [databaseUrl], { execArgv: execArgv.reverse(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let probe: Probe | null = null;
    child.on('message', (message) => void (probe = message as Probe));
    child.on('error', reject);
    child.on('exit', (code) => (probe && code === 0 ? resolve(probe) : reject(new Error(`the latency probe stopped (exit ${code}) before it answered`))));
  });
}
