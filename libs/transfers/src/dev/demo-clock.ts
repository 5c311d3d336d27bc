import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, isMovable, OffsetClock } from '@mutasi/platform';

/**
 * The standalone demo clock, kept in the database: a restart continues from where it was (the offset never shrinks,
 * and the clock never shows an earlier time than it already did, so later events never carry earlier dates).
 */
@Injectable()
export class DemoClock {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Continues from the stored offset and high-water mark (standalone with the demo clock only). */
  async restore(): Promise<void> {
    if (!(this.clock instanceof OffsetClock)) return;
    const [row] = (await this.db.query('SELECT offset_ms, high_water FROM demo_clock WHERE id = 1')) as { offset_ms: string; high_water: Date }[];
    if (row) this.clock.restore(Number(row.offset_ms), row.high_water);
    await this.save();
  }

  /** Moves the clock forward by `days` and stores where it stands. */
  async advance(days: number): Promise<void> {
    if (!isMovable(this.clock)) throw new Error('this clock cannot be moved');
    this.clock.advance(days);
    await this.save();
  }

  private async save(): Promise<void> {
    if (!(this.clock instanceof OffsetClock)) return;
    await this.db.query(
      `INSERT INTO demo_clock (id, offset_ms, high_water) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET offset_ms = GREATEST(demo_clock.offset_ms, excluded.offset_ms), high_water = GREATEST(demo_clock.high_water, excluded.high_water)`,
      [this.clock.offsetMilliseconds, this.clock.now()],
    );
  }
}
