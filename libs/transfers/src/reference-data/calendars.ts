import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HolidayCalendar, holidayCalendarOf, PUBLISHED_HOLIDAYS, publishedYears } from '@mutasi/domain';

const CACHE_MS = 30_000;

type Day = { date: string; kind: string; occasion: string };

/**
 * The holiday calendars on record (reference data, one row a year). The calendars published so far are loaded at
 * start when missing; later years arrive by import as each SKB is published.
 */
@Injectable()
export class HolidayCalendars {
  private cache: { at: number; calendar: HolidayCalendar } | null = null;

  constructor(private readonly db: DataSource) {}

  /** Loads the published calendars that are not on record yet (never overwrites an imported year). */
  async seedPublished(importedBy: string): Promise<void> {
    for (const [year, y] of publishedYears(PUBLISHED_HOLIDAYS)) {
      await this.db.query('INSERT INTO holiday_calendars (year, basis, days, imported_by) VALUES ($1, $2, $3, $4) ON CONFLICT (year) DO NOTHING', [
        Number(year),
        y.basis.replace(/^:\s*/, ''),
        JSON.stringify(y.days),
        importedBy,
      ]);
    }
    this.invalidate();
  }

  invalidate(): void {
    this.cache = null;
  }

  async calendar(): Promise<HolidayCalendar> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.calendar;
    const rows = (await this.db.query('SELECT year, basis, days FROM holiday_calendars ORDER BY year')) as { year: number; basis: string; days: Day[] }[];
    const calendar = holidayCalendarOf({ years: Object.fromEntries(rows.map((r) => [String(r.year), { basis: r.basis, days: r.days }])) });
    this.cache = { at: Date.now(), calendar };
    return calendar;
  }

  /** The years on record with their decrees and days, for `GET /api/calendars`. */
  async list(): Promise<{ year: number; basis: string; days: Day[] }[]> {
    return (await this.db.query('SELECT year, basis, days FROM holiday_calendars ORDER BY year')) as { year: number; basis: string; days: Day[] }[];
  }
}
