import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { caseStreamId, TransferEvent } from '@mutasi/domain';
import { EventData, eventIdFor, PostgresEventStore } from '@mutasi/event-store';
import { Projection, ProjectionRunner, quarantinedEvents } from '@mutasi/read-models';
import { rebuildProjection } from '@mutasi/standalone';
import { World } from '@mutasi/testing';
import { startTestApp } from '@mutasi/testing/app';

/** One quarantined event, as much of it as a spec compares. */
export interface Quarantined {
  readonly projection: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
}

/**
 * One database for one projection spec: migrated and seeded with the demo reference data by a real server, which is
 * then stopped so that nothing but the spec's own runner writes the projection's rows.
 */
export interface ProjectionFixture {
  /** The demo world the decider builds commands in (same reference data and clock as the seeded database). */
  readonly world: World;
  readonly store: PostgresEventStore;
  readonly db: DataSource;
  readonly databaseUrl: string;
  /** The runner of the spec's projection. */
  readonly runner: ProjectionRunner;
  /**
   * Stores a case's events as the command pipeline does (event ids derived from command ids, envelope metadata).
   * Called again with the same case's longer history, it stores only the events not stored yet.
   */
  appendCase(caseId: string, events: readonly TransferEvent[]): Promise<void>;
  /** Stores raw events (hostile or damaged ones that the store accepts). */
  appendRaw(streamId: string, events: readonly Omit<EventData, 'eventId'>[]): Promise<void>;
  /** Runs the projection until it has seen everything appended so far. */
  project(): Promise<void>;
  /** Forgets what the runner applied (checkpoint, per-stream revisions) but keeps the rows: every event is applied again. */
  forgetProgress(): Promise<void>;
  /** Rebuilds the projection from zero the way `npm run projections:rebuild` does. */
  rebuild(): Promise<void>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** This projection's quarantined events, in the global order. */
  quarantined(): Promise<Quarantined[]>;
  /** Forgets this projection's quarantined events (a rebuild must find them again by itself). */
  clearQuarantine(): Promise<void>;
  close(): Promise<void>;
}

let rawSequence = 0;

/** Starts the database for one spec file and builds its projection on the fixture's event store. */
export async function projectionFixture(build: (store: PostgresEventStore) => Projection): Promise<ProjectionFixture> {
  const app = await startTestApp({ workers: false });
  await app.stop();
  const databaseUrl = app.databaseUrl;
  const db = await new DataSource({ type: 'postgres', url: databaseUrl, entities: [], logging: false, extra: { max: 4 } }).initialize();
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const store = await PostgresEventStore.create(pool); // the fixture closes the pool
  const projection = build(store);
  const runner = new ProjectionRunner(store, db, projection, { batchSize: 50 });
  const world = new World();
  const storedOfCase = new Map<string, number>();
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await db.query(sql, params)) as T[];
  return {
    world,
    store,
    db,
    databaseUrl,
    runner,
    rows,
    async appendCase(caseId, events) {
      const perCommand = new Map<string, number>();
      const stored = storedOfCase.get(caseId) ?? 0;
      storedOfCase.set(caseId, events.length);
      const data = events.map((e): EventData => {
        const commandId = `${caseId}/${e.metadata.commandId}`;
        const index = perCommand.get(commandId) ?? 0;
        perCommand.set(commandId, index + 1);
        return {
          eventId: eventIdFor(commandId, index),
          type: e.type,
          data: e.data as unknown as Record<string, unknown>,
          metadata: { ...e.metadata, commandId, correlationId: commandId, causationId: commandId },
        };
      });
      await store.append(caseStreamId(caseId), data.slice(stored), 'any');
    },
    async appendRaw(streamId, events) {
      await store.append(
        streamId,
        events.map((e) => ({ ...e, eventId: eventIdFor(`raw-${process.pid}-${(rawSequence += 1)}`, 0) })),
        'any',
      );
    },
    project: () => runner.catchUpTo(),
    async forgetProgress() {
      await db.query('DELETE FROM projection_checkpoints WHERE name = $1', [projection.name]);
      await db.query('DELETE FROM projection_stream_versions WHERE projection = $1', [projection.name]);
    },
    async rebuild() {
      await rebuildProjection(projection.name, databaseUrl, () => undefined);
    },
    async quarantined() {
      const all = await quarantinedEvents(db);
      return all
        .filter((q) => q.projection === projection.name)
        .sort((a, b) => a.globalPosition.localeCompare(b.globalPosition))
        .map((q) => ({ projection: q.projection, streamId: q.streamId, revision: Number(q.revision), type: q.type }));
    },
    async clearQuarantine() {
      await db.query('DELETE FROM projection_quarantine WHERE projection = $1', [projection.name]);
    },
    async close() {
      await store.close();
      await pool.end().catch(() => undefined);
      await db.destroy();
      await app.dropDatabase();
    },
  };
}

/**
 * The two promises every projection keeps (docs/style.md, "Projections"): a rebuild from zero as `projections:rebuild`
 * does it writes the same rows and quarantines the same events, and the same events applied again write the same
 * rows. `dump` selects the projection's rows in a fixed order, without columns that record when a row was written;
 * `replayDump` (default `dump`) narrows what a replay over existing rows is held to, for a gap a spec names.
 */
export function itIsIdempotentAndRebuildable(fixture: () => ProjectionFixture, dump: () => Promise<Record<string, readonly unknown[]>>, replayDump = dump): void {
  it('rebuilt from scratch (tables, checkpoint and stream revisions emptied) gives the same rows and quarantine', async () => {
    const f = fixture();
    const before = await dump();
    // Equal empty tables would prove nothing: every table of the dump holds rows.
    expect(Object.entries(before).map(([table, rows]) => [table, rows.length > 0])).toEqual(Object.keys(before).map((table) => [table, true]));
    const quarantined = await f.quarantined();
    await f.clearQuarantine();
    await f.rebuild();
    expect(await dump()).toEqual(before);
    expect(await f.quarantined()).toEqual(quarantined);
  });

  it('applied twice gives the same rows', async () => {
    const f = fixture();
    const before = await replayDump();
    await f.forgetProgress();
    await f.project();
    expect(await replayDump()).toEqual(before);
  });
}
