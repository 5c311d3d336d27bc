import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Data dirs this process has open. A pid alone cannot say it: in a container the witness is pid 1 on every start,
// so a lock left by the previous run carries our own pid.
const openHere = new Set<string>();

/**
 * Claims the data dir for this process with `witness.lock` (holding the pid), so two witnesses never serve one
 * state: each would check sizes against its own view and could cosign a rollback. A lock whose process is gone
 * (a crash) is taken over.
 * @returns the release function
 * @throws Error naming the process that holds the dir
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = realpathSync(dataDir);
  const file = join(dir, 'witness.lock');
  if (openHere.has(dir)) throw new Error(`this process already runs a witness on ${dir}: close it first`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
      openHere.add(dir);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        openHere.delete(dir);
        rmSync(file, { force: true });
      };
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new Error(`another witness (pid ${pid}) uses ${dir}: stop it first, or delete ${file} if that process is not a witness`);
    }
    rmSync(file, { force: true });
  }
  throw new Error(`cannot lock ${dir}: ${file} keeps coming back (another witness starting at the same time?)`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
