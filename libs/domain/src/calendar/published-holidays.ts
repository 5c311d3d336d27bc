import { HolidayCalendar } from '../shared/calendar';
import published from './hari-libur.json';

/** The published national holidays and cuti bersama, as the file `hari-libur.json` holds them. */
export interface PublishedHolidays {
  readonly note?: string;
  readonly years: Readonly<Record<string, { readonly basis: string; readonly days: readonly { readonly date: string; readonly kind: string; readonly occasion: string }[] }>>;
}

/** The years of a file that hold a published list (a year listed with no days and no decree is not yet published). */
export function publishedYears(file: PublishedHolidays): [string, PublishedHolidays['years'][string]][] {
  return Object.entries(file.years).filter(([, y]) => y.days.length > 0 && y.basis.replace(/^:\s*/, '').trim() !== '');
}

/** A published holiday file as the calendar the rules count working days on. */
export function holidayCalendarOf(file: PublishedHolidays): HolidayCalendar {
  return {
    years: publishedYears(file)
      .map(([year, y]) => ({ year: Number(year), dates: y.days.map((d) => d.date), basis: y.basis.replace(/^:\s*/, '') }))
      .sort((a, b) => a.year - b.year),
  };
}

/** The holiday calendars published so far (2025 and 2026 at the time of writing; later years are imported as published). */
export const PUBLISHED_HOLIDAYS: PublishedHolidays = published;
