import { ChildProcess, spawn } from 'node:child_process';

export interface ServiceProcessSpec {
  readonly name: string;
  /** Node arguments: the entry script (and any `-r` preloads before it). */
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** A line of the service's output that says it is ready. */
  readonly ready: RegExp;
}

/**
 * Services of the distributed deployment as child processes on this machine: output prefixed with the service
 * name, started one at a time (each waits for its ready line), stopped in reverse order with SIGTERM. Each runs in
 * its own process group, so a Ctrl-C in the terminal reaches the launcher only and the stop keeps its order; each is
 * told the launcher's pid (`MUTASI_LAUNCHER_PID`) and stops by itself if the launcher is killed outright.
 */
export class ServiceProcesses {
  private readonly running: { name: string; child: ChildProcess }[] = [];
  private readonly width: number;

  constructor(
    names: readonly string[],
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
  ) {
    this.width = Math.max(...names.map((n) => n.length));
  }

  /** Starts a service and resolves when its ready line appears; rejects with its last output if it exits first. */
  start(spec: ServiceProcessSpec): Promise<void> {
    const child = spawn(process.execPath, [...spec.args], { env: { ...spec.env, MUTASI_LAUNCHER_PID: String(process.pid) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.running.push({ name: spec.name, child });
    const tail: string[] = [];
    return new Promise((resolve, reject) => {
      let ready = false;
      const onLine = (line: string): void => {
        if (line.trim() === '') return;
        tail.push(line);
        if (tail.length > 20) tail.shift();
        this.write(`${spec.name.padEnd(this.width)} | ${line}\n`);
        if (!ready && spec.ready.test(line)) {
          ready = true;
          resolve();
        }
      };
      for (const stream of [child.stdout, child.stderr]) {
        let buffered = '';
        stream?.on('data', (chunk: Buffer) => {
          const lines = (buffered + chunk.toString()).split('\n');
          buffered = lines.pop() ?? '';
          lines.forEach(onLine);
        });
      }
      child.once('exit', (code, signal) => {
        if (!ready) reject(new Error(`${spec.name} exited (${signal ?? code}) before it was ready:\n${tail.join('\n')}`));
        else if (code !== 0 && signal === null) this.write(`${spec.name.padEnd(this.width)} | exited with code ${code}\n`);
      });
    });
  }

  /** SIGTERM to every service, last started first; each gets `graceMs` before SIGKILL. */
  async stopAll(graceMs = 15_000): Promise<void> {
    for (const { name, child } of this.running.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
      this.write(`${name.padEnd(this.width)} | stopping…\n`);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const how = await exited;
      clearTimeout(timer);
      this.write(`${name.padEnd(this.width)} | stopped (${typeof how === 'number' ? `exit ${how}` : how})\n`);
    }
    this.running.length = 0;
  }
}
