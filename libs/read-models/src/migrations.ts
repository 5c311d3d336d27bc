import { MigrationInterface, QueryRunner } from 'typeorm';

/** Projection bookkeeping: checkpoints and the last revision applied per (projection, stream). */
export class ProjectionBookkeeping1700000000100 implements MigrationInterface {
  name = 'ProjectionBookkeeping1700000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE projection_checkpoints (name text PRIMARY KEY, position text NOT NULL, events_done bigint NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL DEFAULT now())`,
    );
    await q.query(`CREATE TABLE projection_stream_versions (projection text NOT NULL, stream_id text NOT NULL, revision integer NOT NULL, PRIMARY KEY (projection, stream_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE projection_stream_versions');
    await q.query('DROP TABLE projection_checkpoints');
  }
}

/** Events a projection could not apply: kept for inspectors (S-02) while the projection goes on. */
export class ProjectionQuarantine1700000000110 implements MigrationInterface {
  name = 'ProjectionQuarantine1700000000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE projection_quarantine (projection text NOT NULL, event_id text NOT NULL, stream_id text NOT NULL, revision bigint NOT NULL,
      global_position text NOT NULL, type text NOT NULL, actor_id text, recorded_at timestamptz, reason text NOT NULL,
      quarantined_at timestamptz NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (projection, event_id))`);
    await q.query('CREATE INDEX projection_quarantine_stream ON projection_quarantine (stream_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE projection_quarantine');
  }
}

/** Which generation of each projection serves (blue/green rebuilds, blue-green/): counted from 1, the first build. */
export class ProjectionGenerations1700000000700 implements MigrationInterface {
  name = 'ProjectionGenerations1700000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE projection_generations (name text PRIMARY KEY, generation integer NOT NULL, switched_at timestamptz NOT NULL, events bigint NOT NULL)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE projection_generations');
  }
}
