import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** True when a process with this pid exists (and may be signalled by us). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The postmaster recorded in `postmaster.pid`, when that process is still running. */
export async function runningPostmaster(dataDir: string): Promise<{ pid: number; port: number } | null> {
  const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (text === null) return null;
  const [pidLine, , , portLine] = text.split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return null;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => 'postgres');
  return cmdline.includes('postgres') ? { pid, port: Number(portLine) } : null;
}

/** Polls until `pid` has ended; false when it is still alive after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * A PostgreSQL left running on `dataDir` by a server that is gone (SIGKILL, a crash): stopped with a fast shutdown
 * (SIGINT: clean, nothing committed is lost), or an immediate one when it will not stop. Returns what it did, for
 * the start-up output, or null when nothing was running.
 */
export async function clearOrphanedPostgres(dataDir: string): Promise<string | null> {
  const orphan = await runningPostmaster(dataDir);
  if (!orphan) return null;
  process.kill(orphan.pid, 'SIGINT');
  if (!(await waitForExit(orphan.pid, 30_000))) {
    process.kill(orphan.pid, 'SIGQUIT');
    if (!(await waitForExit(orphan.pid, 10_000)))
      throw new Error(`the PostgreSQL left running on ${dataDir} (pid ${orphan.pid}) does not stop; stop it by hand (kill ${orphan.pid}) and start again`);
  }
  return `found the embedded PostgreSQL of an earlier run still running (pid ${orphan.pid}, port ${orphan.port}) although the server that started it is gone; stopped it cleanly`;
}
