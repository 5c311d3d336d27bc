/**
 * Pure calendar arithmetic on ISO-8601 strings. The domain never reads a clock: every "now" arrives in command
 * metadata. Instants are full ISO timestamps; calendar dates (`YYYY-MM-DD`) are civil dates in Western Indonesian
 * Time (WIB, UTC+07:00, no daylight saving), the time of the national offices (BKN, Kemendagri) that keep the
 * deadlines. Agencies in WITA/WIT see day boundaries one or two hours earlier.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const CIVIL_OFFSET_MS = 7 * 3_600_000;

/** A civil date `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export type IsoInstant = string;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (rejects 2023-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day);
}

/** True for an existing Gregorian date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The civil date (WIB) of an instant; a date is returned as it is. */
export function toDate(value: IsoInstant | IsoDate): IsoDate {
  if (value.length === 10) return value;
  return new Date(Date.parse(value) + CIVIL_OFFSET_MS).toISOString().slice(0, 10);
}

function epochDay(date: IsoDate): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: IsoDate | IsoInstant, days: number): IsoDate {
  return fromEpochDay(epochDay(toDate(date)) + days);
}

/** `date` plus `months` calendar months, clamped to the month's last day (2024-08-31 + 6 → 2025-02-28). */
export function addMonths(date: IsoDate | IsoInstant, months: number): IsoDate {
  const d = toDate(date);
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** `date` plus `years` years (29 February → 28 February in common years). */
export function addYears(date: IsoDate | IsoInstant, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Completed months from `from` to `on`. */
export function completedMonths(from: IsoDate, on: IsoDate | IsoInstant): number {
  const onDate = toDate(on);
  let months = (Number(onDate.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(onDate.slice(5, 7)) - Number(from.slice(5, 7)));
  if (addMonths(from, months) > onDate) months -= 1;
  return months;
}

/** True when `date` falls within [start, end] inclusive. */
export function isWithin(date: IsoDate | IsoInstant, start: IsoDate, end: IsoDate): boolean {
  const d = toDate(date);
  return d >= start && d <= end;
}

/** Day of week of a civil date, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (epochDay(date) + 4) % 7;
}

/** True when the instant `now` is past the end of the civil date `deadline`. */
export function isPast(deadline: IsoDate, now: IsoInstant): boolean {
  return toDate(now) > deadline;
}
