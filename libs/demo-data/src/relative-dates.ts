import { addMonths, IsoDate } from '@mutasi/domain';

/**
 * Dates of the demo data, relative to the day it is built: no year is typed in, so `npm start && npm run demo` tells
 * the same story on any date (a time in post, a ten-year lock, an election freeze stay what they are).
 */
export class DemoCalendar {
  constructor(readonly today: IsoDate) {}

  get year(): number {
    return Number(this.today.slice(0, 4));
  }

  /** The given day of the month `months` months before today (clamped to the month's length). */
  monthsAgo(months: number, day = 1): IsoDate {
    return `${addMonths(this.today, -months).slice(0, 8)}${String(Math.min(day, 28)).padStart(2, '0')}`;
  }

  /** The given day of the month `months` months after today. */
  monthsAhead(months: number, day = 1): IsoDate {
    return this.monthsAgo(-months, day);
  }

  /** The year `years` before this one. */
  yearsAgo(years: number): number {
    return this.year - years;
  }
}
