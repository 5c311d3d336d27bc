import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { generatePhase, GenerateOptions, prepareCheckpoint, prepareDatabase } from '@mutasi/simulation';
import { createTestDatabase } from '@mutasi/testing';

jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..');
const WORKER = ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, 'apps', 'simulate', 'src', 'generate-worker.ts')];
const OPTIONS: GenerateOptions = { cases: 80, workers: 2, seed: 11, concurrency: 4, workerEntry: WORKER };
const WORK_DIR = mkdtempSync(join(tmpdir(), 'mutasi-simulate-'));
const quiet = (databaseUrl: string) => ({ databaseUrl, workDir: WORK_DIR, say: () => undefined, progress: () => undefined });
afterAll(() => rmSync(WORK_DIR, { recursive: true, force: true }));

/**
 * What two runs must agree on: every case event as (stream, revision, type, command id) in stream order, and the
 * command ids of the recorded refusals (their per-actor streams interleave the workers, so revisions there differ).
 */
async function history(url: string): Promise<string[]> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const cases = (
      await pool.query(
        `SELECT stream_id, revision, type, metadata->>'commandId' AS command FROM event_store.events WHERE stream_id LIKE 'transfer-%' AND metadata->>'commandId' LIKE 'sim:%' ORDER BY stream_id, revision`,
      )
    ).rows as { stream_id: string; revision: number; type: string; command: string }[];
    const refusals = (
      await pool.query(`SELECT metadata->>'commandId' AS command FROM event_store.events WHERE type = 'CommandRefused.v1' AND metadata->>'commandId' LIKE 'sim:%' ORDER BY 1`)
    ).rows as { command: string }[];
    return [...cases.map((r) => `${r.stream_id} ${r.revision} ${r.type} ${r.command}`), ...refusals.map((r) => `refusal ${r.command}`)];
  } finally {
    await pool.end();
  }
}

/** Starts worker 0 the way the coordinator does and SIGKILLs it right after its first batch, with the next in flight. */
function killAfterFirstBatch(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const [entry, ...execArgv] = [...WORKER].reverse();
    const child = fork(
      entry as string,
      [JSON.stringify({ databaseUrl, worker: 0, workers: OPTIONS.workers, cases: OPTIONS.cases, seed: OPTIONS.seed, concurrency: OPTIONS.concurrency })],
      {
        execArgv: execArgv.reverse(),
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      },
    );
    child.once('message', () => child.kill('SIGKILL'));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error('the worker finished before it could be killed'))));
  });
}

describe('npm run simulate: the generating phase', () => {
  it('a worker killed mid-run continues from its checkpoint, and the store ends as a clean run leaves it: every case, nothing twice', async () => {
    const killed = await createTestDatabase('mutasi_sim_killed');
    const clean = await createTestDatabase('mutasi_sim_clean');
    try {
      await prepareDatabase(killed.url, quiet(killed.url).workDir);
      await prepareDatabase(clean.url, quiet(clean.url).workDir);
      await prepareCheckpoint(killed.url, OPTIONS, () => undefined);
      await killAfterFirstBatch(killed.url);
      const partial = await history(killed.url);
      expect(partial.length).toBeGreaterThan(0);

      const lines: string[] = [];
      await generatePhase({ ...quiet(killed.url), say: (line) => void lines.push(line) }, OPTIONS);
      expect(lines.join('\n')).toMatch(/continuing the simulation from its checkpoint: about \d+ of 80 cases were written/);
      await generatePhase(quiet(clean.url), OPTIONS);
      const [afterKill, afterClean] = [await history(killed.url), await history(clean.url)];
      expect(afterKill.length).toBeGreaterThan(partial.length);
      expect(afterKill).toEqual(afterClean);
      const events = afterKill.filter((line) => !line.startsWith('refusal '));
      expect(new Set(events.map((line) => line.split(' ')[0])).size).toBe(OPTIONS.cases);
      expect(afterKill.length - events.length).toBeGreaterThan(0);
    } finally {
      await killed.drop();
      await clean.drop();
    }
  });

  it('refuses to continue a run of another shape, and says how', async () => {
    const db = await createTestDatabase('mutasi_sim_shape');
    try {
      await prepareDatabase(db.url, quiet(db.url).workDir);
      await generatePhase(quiet(db.url), { ...OPTIONS, cases: 4 });
      await expect(generatePhase(quiet(db.url), { ...OPTIONS, cases: 5 })).rejects.toThrow('run again with --cases 4 --workers 2 --seed 11 to continue it');
    } finally {
      await db.drop();
    }
  });
});
