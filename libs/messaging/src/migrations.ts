import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the relay and the checkpoint publisher stand: advanced only after the broker acknowledged. */
export class RelayTables1700000000400 implements MigrationInterface {
  name = 'RelayTables1700000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE relay_checkpoints (name text PRIMARY KEY, position text NOT NULL, published bigint NOT NULL DEFAULT 0, updated_at timestamptz NOT NULL DEFAULT now())',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE relay_checkpoints');
  }
}
