import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each agency's time zone (WIB, WITA, WIT) as reference data: the web app shows an agency's dates in its own zone. */
export class AgencyTimeZone1700000000240 implements MigrationInterface {
  name = 'AgencyTimeZone1700000000240';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies ADD COLUMN time_zone text CHECK (time_zone IN ('WIB', 'WITA', 'WIT'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE agencies DROP COLUMN time_zone');
  }
}
