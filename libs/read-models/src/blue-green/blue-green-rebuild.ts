import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { EventStore, GlobalPosition, START } from '@mutasi/event-store';
import { Projection } from '../projection';
import { ProjectionRunner, switchLockSql } from '../projection-runner';
import { BOOKKEEPING, buildSecondaryIndexes, createStaging, dependentViews, Queryable, quoted, schemaExists, stagingMatchesMigrations, stagingSchemaOf } from './generation-schema';

export interface BlueGreenOptions {
  /** Abandon an unfinished generation left by an earlier run and start the next one from zero. */
  readonly fresh?: boolean;
  readonly batchSize?: number;
  /** Each committed batch of the new generation: the events it has applied so far. */
  readonly onBatch?: (eventsDone: number) => void;
  /** Called once the rebuild knows where it starts: 0, or the events an unfinished generation already holds. */
  readonly onStart?: (eventsDone: number) => void;
  /** A line of what is happening (phases, resume, switch). */
  readonly say?: (line: string) => void;
  /**
   * How long the switch waits for readers to let go of the serving tables before it steps back and tries again (ms):
   * short, because readers that come after it queue behind its lock request.
   */
  readonly lockTimeoutMs?: number;
}

export interface BlueGreenResult {
  readonly generation: number;
  readonly eventsDone: number;
  readonly resumedAt: number | null;
}

/**
 * Rebuilds a projection as a new generation while the serving one keeps answering (docs/decisions/0011-blue-green-projection-generations.md): the new
 * generation's tables and bookkeeping live in their own schema (`rebuild_<name>`) that the rebuild writes through its
 * search_path; the serving tables are not touched until the switch. The switch is one transaction: it holds the
 * projection's switch lock (live runners wait at their next batch), brings the new generation up to the serving
 * checkpoint, swaps the tables into `public`, moves the checkpoint and per-stream revisions over and drops the old
 * generation. A crash at any point before that commit leaves the serving generation as it was, and running again
 * resumes the unfinished generation from its own checkpoint.
 */
export class BlueGreenRebuild {
  private readonly schema: string;

  constructor(
    private readonly serving: DataSource,
    private readonly store: EventStore,
    private readonly build: (store: EventStore) => Projection,
  ) {
    this.schema = stagingSchemaOf(this.projectionName);
  }

  get projectionName(): string {
    return this.build(this.store).name;
  }

  async run(options: BlueGreenOptions = {}): Promise<BlueGreenResult> {
    // One rebuild of a projection at a time: a second would build into the same staging schema.
    const holder = this.serving.createQueryRunner();
    await holder.connect();
    try {
      const [claim] = (await holder.query("SELECT pg_try_advisory_lock(hashtext('mutasi-projection-rebuild:' || $1)) AS ours", [this.projectionName])) as { ours: boolean }[];
      if (!claim?.ours) throw new RebuildRunning(this.projectionName);
      try {
        return await this.runAlone(options);
      } finally {
        await holder.query("SELECT pg_advisory_unlock(hashtext('mutasi-projection-rebuild:' || $1))", [this.projectionName]);
      }
    } finally {
      await holder.release();
    }
  }

  private async runAlone(options: BlueGreenOptions): Promise<BlueGreenResult> {
    const say = options.say ?? (() => undefined);
    const projection = this.build(this.store);
    const resumedAt = await this.prepareStaging(projection, options.fresh === true, say);
    options.onStart?.(resumedAt ?? 0);
    const staging = await this.openStaging();
    try {
      let done = resumedAt ?? 0;
      const runner = new ProjectionRunner(this.store, staging, projection, {
        batchSize: options.batchSize ?? 2_000,
        serialise: false,
        onBatch: ({ events }) => {
          done += events;
          options.onBatch?.(done);
        },
      });
      await runner.catchUp();
      say(`building the indexes of the new generation of ${projection.name}…`);
      await buildSecondaryIndexes(staging, this.schema, projection.tables);
      const generation = await this.switchOver(projection, runner, options.lockTimeoutMs ?? 200, say);
      return { generation, eventsDone: done, resumedAt };
    } finally {
      await staging.destroy();
    }
  }

  /** Makes sure the staging schema holds an unfinished generation to continue; returns where it resumes, or null. */
  private async prepareStaging(projection: Projection, fresh: boolean, say: (line: string) => void): Promise<number | null> {
    if (await schemaExists(this.serving, this.schema)) {
      const stale = !(await stagingMatchesMigrations(this.serving, this.schema));
      if (!fresh && !stale) {
        const [row] = (await this.serving.query(`SELECT events_done FROM ${quoted(this.schema)}.projection_checkpoints WHERE name = $1`, [projection.name])) as {
          events_done: string;
        }[];
        const at = Number(row?.events_done ?? 0);
        say(`continuing the unfinished new generation of ${projection.name} at ${at.toLocaleString('en-US')} events (schema ${this.schema}; --fresh starts over)`);
        return at;
      }
      say(`${stale ? 'a migration ran since the unfinished generation was started: ' : ''}dropping the unfinished generation in ${this.schema}`);
      await this.serving.query(`DROP SCHEMA ${quoted(this.schema)} CASCADE`);
    }
    await this.serving.transaction((tx) => createStaging(tx, this.schema, projection.tables));
    say(`building a new generation of ${projection.name} in schema ${this.schema}; the current one keeps serving`);
    return null;
  }

  /** A second data source on the same database whose unqualified names resolve to the staging schema first. */
  private async openStaging(): Promise<DataSource> {
    const options = this.serving.options as PostgresDataSourceOptions;
    const extra = (options.extra ?? {}) as Record<string, unknown>;
    return new DataSource({
      ...options,
      migrationsRun: false,
      synchronize: false,
      extra: { ...extra, max: 4, options: `-c search_path=${this.schema},public` },
    }).initialize();
  }

  private async switchOver(projection: Projection, runner: ProjectionRunner, lockTimeoutMs: number, say: (line: string) => void): Promise<number> {
    const startedAt = Date.now();
    for (let attempt = 1; ; attempt++) {
      // A pg client of the data source's pool, not a TypeORM query runner: a lock timeout is expected here and is
      // said once below, not logged as a failed query.
      const pool = (this.serving.driver as PostgresDriver).master as Pool;
      const client = await pool.connect();
      const q: Queryable = { query: async (sql, parameters) => (await client.query(sql, parameters)).rows };
      try {
        await client.query('BEGIN');
        const generation = await this.switchIn(q, projection, runner, lockTimeoutMs);
        await client.query('COMMIT');
        say(`generation ${generation} of ${projection.name} now serves; the previous generation is dropped`);
        return generation;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        // 55P03 lock_not_available: a reader held the serving tables longer than the lock timeout; step back, try again.
        if ((error as { code?: string }).code !== '55P03') throw error;
        const waited = Math.round((Date.now() - startedAt) / 1000);
        if (waited >= 120)
          throw new Error(
            `the serving tables of ${projection.name} stayed busy for ${waited} s (a long reader, such as pg_dump?); the new generation is kept: run projections:rebuild ${projection.name} again to switch`,
            { cause: error },
          );
        if (attempt === 1 || attempt % 10 === 0) say(`the serving tables of ${projection.name} are busy (a reader holds them); trying to switch again…`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * attempt)));
      } finally {
        client.release();
      }
    }
  }

  private async switchIn(q: Queryable, projection: Projection, runner: ProjectionRunner, lockTimeoutMs: number): Promise<number> {
    const name = projection.name;
    const retired = `retired_${this.schema.slice('rebuild_'.length)}`;
    await q.query(switchLockSql, [name]);
    const [serving] = (await q.query('SELECT position FROM projection_checkpoints WHERE name = $1', [name])) as { position: GlobalPosition }[];
    // Everything the serving generation has applied, the new one has too, so a live runner resuming after the switch
    // (from its own position, at most the serving checkpoint) skips nothing.
    await runner.catchUpTo(serving?.position ?? START);
    await q.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
    await q.query(`LOCK TABLE ${projection.tables.map((t) => `public.${quoted(t)}`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
    const views = await dependentViews(q, projection.tables);
    for (const view of views) await q.query(`DROP VIEW public.${quoted(view.name)}`);
    await q.query(`DROP SCHEMA IF EXISTS ${quoted(retired)} CASCADE`);
    await q.query(`CREATE SCHEMA ${quoted(retired)}`);
    for (const table of projection.tables) {
      await q.query(`ALTER TABLE public.${quoted(table)} SET SCHEMA ${quoted(retired)}`);
      await q.query(`ALTER TABLE ${quoted(this.schema)}.${quoted(table)} SET SCHEMA public`);
    }
    for (const view of views) await q.query(`CREATE VIEW public.${quoted(view.name)} AS ${view.definition}`);
    await this.moveBookkeeping(q, name);
    const [row] = (await q.query(
      `INSERT INTO projection_generations (name, generation, switched_at, events) SELECT $1, 2, now(), events_done FROM ${quoted(this.schema)}.projection_checkpoints WHERE name = $1
       ON CONFLICT (name) DO UPDATE SET generation = projection_generations.generation + 1, switched_at = excluded.switched_at, events = excluded.events RETURNING generation`,
      [name],
    )) as { generation: number }[];
    await q.query(`DROP SCHEMA ${quoted(retired)} CASCADE`);
    await q.query(`DROP SCHEMA ${quoted(this.schema)} CASCADE`);
    return row?.generation ?? 2;
  }

  /** The new generation's checkpoint, per-stream revisions and quarantined events replace the serving ones. */
  private async moveBookkeeping(q: Queryable, name: string): Promise<void> {
    const from = (table: (typeof BOOKKEEPING)[number]): string => `${quoted(this.schema)}.${quoted(table)}`;
    await q.query('DELETE FROM projection_checkpoints WHERE name = $1', [name]);
    await q.query(`INSERT INTO projection_checkpoints SELECT * FROM ${from('projection_checkpoints')} WHERE name = $1`, [name]);
    await q.query('DELETE FROM projection_stream_versions WHERE projection = $1', [name]);
    await q.query(`INSERT INTO projection_stream_versions SELECT * FROM ${from('projection_stream_versions')} WHERE projection = $1`, [name]);
    await q.query('DELETE FROM projection_quarantine WHERE projection = $1', [name]);
    await q.query(`INSERT INTO projection_quarantine SELECT * FROM ${from('projection_quarantine')} WHERE projection = $1`, [name]);
  }
}

/** Another rebuild of the same projection holds it: said as such, not as a SQL error. */
export class RebuildRunning extends Error {
  constructor(readonly projection: string) {
    super(`another projections:rebuild of ${projection} is running on this database: wait for it to finish, or stop it and run again (it continues)`);
  }
}
