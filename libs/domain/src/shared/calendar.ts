import { addDays, dayOfWeek, IsoDate, IsoInstant, toDate } from './dates';

/** One year's national holidays and cuti bersama, as published (SKB 3 Menteri), with the decree it rests on. */
export interface HolidayYear {
  readonly year: number;
  readonly dates: readonly IsoDate[];
  readonly basis: string;
}

/**
 * The holiday calendars on record, one per year. Reference data, imported as each year's SKB is published; a year
 * without a calendar is never treated as holiday-free silently: deadlines that run into it say so.
 */
export interface HolidayCalendar {
  readonly years: readonly HolidayYear[];
}

/** A working-day deadline and the years it ran through that have no calendar on record. */
export interface WorkingDayDeadline {
  readonly date: IsoDate;
  /** Years the count ran through without a published calendar: counted on weekdays only. */
  readonly yearsWithoutCalendar: readonly number[];
}

/**
 * The date `workingDays` working days after `date`: Saturdays, Sundays and the calendar's holidays
 * are skipped. Years with no calendar count weekdays only and are named in the result.
 */
export function addWorkingDays(date: IsoDate | IsoInstant, workingDays: number, calendar: HolidayCalendar): WorkingDayDeadline {
  const byYear = new Map(calendar.years.map((y) => [y.year, new Set(y.dates)] as const));
  const missing = new Set<number>();
  let current = toDate(date);
  let remaining = workingDays;
  while (remaining > 0) {
    current = addDays(current, 1);
    const dow = dayOfWeek(current);
    if (dow === 0 || dow === 6) continue;
    const year = Number(current.slice(0, 4));
    const holidays = byYear.get(year);
    if (holidays === undefined) missing.add(year);
    if (!holidays?.has(current)) remaining -= 1;
  }
  return { date: current, yearsWithoutCalendar: [...missing].sort() };
}
