import { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency claims become leases: `claimed_at` says when the running attempt took the key (docs/api.md, Idempotency). */
export class IdempotencyLeases1700000000250 implements MigrationInterface {
  name = 'IdempotencyLeases1700000000250';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE idempotency_keys ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE idempotency_keys DROP COLUMN claimed_at');
  }
}
