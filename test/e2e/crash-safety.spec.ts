import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { EventStore } from '@mutasi/event-store';
import { rebuildProjection } from '@mutasi/standalone';
import { syntheticHistories } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';

const ROOT = join(__dirname, '..', '..');
const TABLES: Readonly<Record<string, readonly [string, string][]>> = {
  'audit-trail': [
    ['audit_events', 'position'],
    ['audit_event_agencies', 'agency_id, position'],
    ['audit_cases', 'case_id'],
  ],
  'audit-flags': [
    ['audit_flags', 'flag_id'],
    ['audit_flag_cases', 'case_id'],
    ['audit_decrees', 'case_id'],
  ],
};

/** Starts a rebuild in its own process and SIGKILLs it once it has committed at least `killAfter` events. */
function rebuildAndKill(name: string, databaseUrl: string, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, 'test', 'e2e', 'children', 'rebuild.ts'), name, databaseUrl], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let done = 0;
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const match = /^([\d,]+)( \/ [\d,]+)? events/.exec(line.trim());
        if (match) done = Number((match[1] as string).replace(/,/g, ''));
      }
      if (done >= killAfter) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(done) : reject(new Error(`the rebuild ended before it could be killed (${done} events): ${errors}`))));
  });
}

/**
 * Crash safety: a projection process SIGKILLed in the middle of a rebuild of 50,000+ events, then restarted, ends
 * with read models equal, row for row, to a clean rebuild.
 */
describe('crash safety of projection rebuilds', () => {
  let t: TestApp;
  let total = 0;
  beforeAll(async () => {
    t = await startTestApp();
    const store = t.app.get(EventStore);
    for (const { streamId, events } of syntheticHistories(2_600)) {
      await store.append(streamId, events, 'no_stream');
      total += events.length;
    }
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  const dump = async (name: string): Promise<string> => {
    const parts: string[] = [];
    for (const [table, order] of TABLES[name] ?? []) parts.push(JSON.stringify((await t.db.query(`SELECT * FROM ${table} ORDER BY ${order}`)).rows));
    return parts.join('\n');
  };

  it.each(Object.keys(TABLES))(
    '%s: killed mid-rebuild, restarted, equals a clean rebuild',
    async (name) => {
      expect(total).toBeGreaterThanOrEqual(50_000);
      const killedAt = await rebuildAndKill(name, t.databaseUrl, 15_000);
      const { events_done: committed } = (await t.db.query('SELECT events_done FROM projection_checkpoints WHERE name = $1', [name])).rows[0] as { events_done: string };
      expect(Number(committed)).toBeGreaterThanOrEqual(killedAt);
      expect(Number(committed)).toBeLessThan(total);
      await rebuildProjection(name, t.databaseUrl, () => undefined, { reset: false });
      const resumed = await dump(name);
      await rebuildProjection(name, t.databaseUrl, () => undefined, { reset: true });
      const clean = await dump(name);
      expect(resumed.length).toBeGreaterThan(1_000);
      expect(resumed === clean).toBe(true);
    },
    300_000,
  );
});
