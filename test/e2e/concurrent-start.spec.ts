import { Client } from 'pg';
import { openAndMigrate } from '@mutasi/platform';
import { ALL_ENTITIES, ALL_MIGRATIONS } from '@mutasi/standalone';
import { createTestDatabase } from '@mutasi/testing';

/** Distributed mode starts several services against one empty database; their migrations must not race. */
describe('services starting at the same time on an empty database', () => {
  it('each applies the migrations in turn: all open on the first attempt, every migration recorded once', async () => {
    const db = await createTestDatabase();
    try {
      const open = () =>
        openAndMigrate({ type: 'postgres', url: db.url, entities: ALL_ENTITIES, migrations: ALL_MIGRATIONS, migrationsTableName: 'mutasi_migrations', logging: false });
      const sources = await Promise.all([open(), open(), open(), open()]);
      await Promise.all(sources.map((s) => s.destroy()));
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const rows = (await client.query('SELECT name, count(*)::int AS n FROM mutasi_migrations GROUP BY name')).rows as { name: string; n: number }[];
      await client.end();
      expect(rows).toHaveLength(ALL_MIGRATIONS.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await db.drop();
    }
  });
});
