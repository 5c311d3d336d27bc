import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createFileOnce, replaceFile, TEMP_SUFFIX } from './atomic-file';
import { lockDataDir } from './data-dir-lock';
import { KeyedMutex } from './keyed-mutex';
import { EVIDENCE_FORMAT, STATE_FORMAT, type CosignedCheckpoint, type Evidence } from './records';

/**
 * The witness's memory, a directory:
 *
 *     <data dir>/witness.lock            the pid of the witness using it
 *     <data dir>/state/<origin>.json     latest cosigned checkpoint of each log (origin percent-encoded)
 *     <data dir>/evidence/<id>.json      each conflict seen, never rewritten
 *
 * A state file that is missing means "never cosigned" (size 0); one that cannot be read or parsed is an error, never
 * taken as size 0: that would let the log roll back.
 */
export class WitnessStore {
  private readonly mutex = new KeyedMutex();

  private constructor(
    readonly dataDir: string,
    private readonly unlock: () => void,
  ) {}

  /** Creates the directories when needed, claims the data dir and removes temp files a crash left. */
  static open(dataDir: string): WitnessStore {
    const dir = resolve(dataDir);
    for (const sub of ['state', 'evidence']) {
      mkdirSync(join(dir, sub), { recursive: true });
    }
    const unlock = lockDataDir(dir);
    for (const sub of ['state', 'evidence']) {
      for (const name of readdirSync(join(dir, sub)).filter((n) => n.endsWith(TEMP_SUFFIX))) rmSync(join(dir, sub, name), { force: true });
    }
    return new WitnessStore(dir, unlock);
  }

  /** Runs `task` alone among the tasks of this origin: read, check and save in it are one atomic step. */
  serialize<T>(origin: string, task: () => Promise<T>): Promise<T> {
    return this.mutex.run(origin, task);
  }

  /** The latest checkpoint cosigned for `origin`, or null when there is none. */
  async latest(origin: string): Promise<CosignedCheckpoint | null> {
    const file = this.stateFile(origin);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const { format, ...state } = JSON.parse(text) as CosignedCheckpoint & { format?: unknown };
    if (format !== STATE_FORMAT || state.origin !== origin || !Number.isSafeInteger(state.treeSize)) {
      throw new Error(`${file} is not the witness state of ${origin}: restore it from a backup (the witness will not guess a size)`);
    }
    return state;
  }

  /** Saves the latest cosigned checkpoint of its origin (replacing the previous one atomically, durably). */
  async saveLatest(state: CosignedCheckpoint): Promise<void> {
    await replaceFile(this.stateFile(state.origin), `${JSON.stringify({ format: STATE_FORMAT, ...state }, null, 2)}\n`);
  }

  /** Keeps a conflict, durably; the same one seen again is kept once. @returns false when it was already kept */
  keepEvidence(evidence: Evidence): Promise<boolean> {
    return createFileOnce(join(this.dataDir, 'evidence', `${evidence.id}.json`), `${JSON.stringify({ format: EVIDENCE_FORMAT, ...evidence }, null, 2)}\n`);
  }

  /** Every conflict kept, oldest first. */
  async evidence(): Promise<Evidence[]> {
    const dir = join(this.dataDir, 'evidence');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    const all = await Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as Evidence & { format?: unknown }));
    return all
      .filter((e) => e.format === EVIDENCE_FORMAT)
      .map(({ format: _format, ...e }) => e)
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
  }

  /** Releases the data dir for another witness process. */
  close(): void {
    this.unlock();
  }

  private stateFile(origin: string): string {
    return join(this.dataDir, 'state', stateFileName(origin));
  }
}

/**
 * `<origin>.json` with every byte outside `A-Z a-z 0-9 . _ -` percent-encoded (so `/` can never make a path), or a
 * SHA-256 name for an origin too long to be a file name.
 */
export function stateFileName(origin: string): string {
  const encoded = [...Buffer.from(origin, 'utf8')]
    .map((b) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
  return encoded.length <= 200 ? `${encoded}.json` : `sha256-${createHash('sha256').update(origin, 'utf8').digest('hex')}.json`;
}
