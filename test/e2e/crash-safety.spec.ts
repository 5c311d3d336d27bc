import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AuditWorkers } from '@mutasi/audit';
import { EventStore } from '@mutasi/event-store';
import { stagingSchemaOf } from '@mutasi/read-models';
import { rebuildProjection } from '@mutasi/standalone';
import { eventually, syntheticHistories } from '@mutasi/testing';
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
 * Crash safety of blue/green rebuilds: a rebuild of 50,000+ events SIGKILLed midway leaves the serving generation as it
 * was (and still followed live), and running it again continues the new generation, switches to it atomically and
 * ends with read models equal, row for row, to a clean rebuild, under the same indexes and views.
 */
describe('crash safety of blue/green projection rebuilds', () => {
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
  const catalogue = async (name: string): Promise<string> => {
    const tables = (TABLES[name] ?? []).map(([table]) => table);
    const indexes = await t.db.query("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) ORDER BY indexname", [tables]);
    const views = await t.db.query("SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY viewname");
    return JSON.stringify([indexes.rows, views.rows]);
  };
  const generationOf = async (name: string): Promise<number> =>
    Number(((await t.db.query('SELECT generation FROM projection_generations WHERE name = $1', [name])).rows[0] as { generation: number } | undefined)?.generation ?? 1);
  const stagingDone = async (name: string): Promise<number> =>
    Number(((await t.db.query(`SELECT events_done FROM ${stagingSchemaOf(name)}.projection_checkpoints WHERE name = $1`, [name])).rows[0] as { events_done: string }).events_done);

  it.each(Object.keys(TABLES))(
    '%s: killed mid-rebuild, the serving generation is untouched and live; restarted, it switches and equals a clean rebuild',
    async (name) => {
      expect(total).toBeGreaterThanOrEqual(50_000);
      await t.app.get(AuditWorkers).catchUp();
      const servingBefore = await dump(name);
      const shapeBefore = await catalogue(name);
      const generationBefore = await generationOf(name);
      expect(servingBefore.length).toBeGreaterThan(1_000);

      const killedAt = await rebuildAndKill(name, t.databaseUrl, 15_000);
      expect(await dump(name)).toBe(servingBefore);
      expect(await generationOf(name)).toBe(generationBefore);
      const committed = await stagingDone(name);
      expect(committed).toBeGreaterThanOrEqual(killedAt);
      expect(committed).toBeLessThan(total);

      // The serving generation keeps following the store while the new one is unfinished.
      const store = t.app.get(EventStore);
      for (const { streamId, events } of syntheticHistories(20)) await store.append(streamId, events, 'no_stream');
      await t.app.get(AuditWorkers).catchUp();
      const servingLive = await dump(name);
      expect(servingLive).not.toBe(servingBefore);

      const lines: string[] = [];
      await rebuildProjection(name, t.databaseUrl, (text) => void lines.push(text));
      expect(lines.join('')).toContain(`continuing the unfinished new generation of ${name} at ${committed.toLocaleString('en-US')} events`);
      expect(await generationOf(name)).toBe(generationBefore + 1);
      const resumed = await dump(name);
      expect(resumed.length).toBeGreaterThan(servingBefore.length);
      expect(await catalogue(name)).toBe(shapeBefore);
      expect((await t.db.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [stagingSchemaOf(name)])).rows).toHaveLength(0);

      await rebuildProjection(name, t.databaseUrl, () => undefined, { fresh: true });
      expect(await dump(name)).toBe(resumed);
      // The live runner, which applied the late events to the old generation, goes on over the new one without a gap or a repeat.
      await t.app.get(AuditWorkers).catchUp();
      expect(await dump(name)).toBe(resumed);
      expect(resumed).toBe(servingLive);
    },
    300_000,
  );

  it('a second rebuild of the same projection is refused while the first runs, and goes once it is done', async () => {
    const holder = await t.db.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtext('mutasi-projection-rebuild:' || 'audit-refusals'))");
      await expect(rebuildProjection('audit-refusals', t.databaseUrl, () => undefined)).rejects.toThrow(
        'another projections:rebuild of audit-refusals is running on this database',
      );
      await holder.query("SELECT pg_advisory_unlock(hashtext('mutasi-projection-rebuild:' || 'audit-refusals'))");
      await expect(rebuildProjection('audit-refusals', t.databaseUrl, () => undefined)).resolves.toBeGreaterThan(0);
    } finally {
      holder.release();
    }
  });

  it('the switch steps back while a reader holds the serving tables, so readers after it do not queue for long, and switches once the reader is done', async () => {
    const reader = await t.db.connect();
    const before = await generationOf('audit-refusals');
    try {
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM audit_refusals');
      const lines: string[] = [];
      const rebuilt = rebuildProjection('audit-refusals', t.databaseUrl, (text) => void lines.push(text));
      await eventually(async () => (lines.join('').includes('the serving tables of audit-refusals are busy') ? true : undefined), 60_000, 'the switch to find the tables busy');
      // A reader that comes now is answered at once: the switch is not queued in front of it.
      const started = Date.now();
      await t.db.query('SELECT count(*) FROM audit_refusals');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await generationOf('audit-refusals')).toBe(before);
      await reader.query('COMMIT');
      await rebuilt;
      expect(await generationOf('audit-refusals')).toBe(before + 1);
    } finally {
      reader.release();
    }
  });
});
