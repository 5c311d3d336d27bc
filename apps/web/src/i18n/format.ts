/** Dates as an Indonesian reads them (1 Desember 2026), in the agency's own zone: WIB, WITA or WIT. */
export type Zone = 'WIB' | 'WITA' | 'WIT';

const IANA: Record<Zone, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

/** A civil date (YYYY-MM-DD): the same day everywhere, so no zone. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant, in the zone of the agency it belongs to, with the zone's name. */
export function formatInstant(instant: string | null | undefined, zone: Zone = 'WIB'): string {
  if (!instant) return '—';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const text = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: IANA[zone] }).format(at);
  return `${text} ${zone}`;
}

export const formatNumber = (n: number | null | undefined, digits = 0): string =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat('id-ID', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);

/**
 * Today's civil date as the server judges dates (WIB, UTC+7), whatever the browser's time zone: between 17:00 and
 * 24:00 UTC the UTC date is still yesterday's there, and a decree dated with it would be refused as backdated.
 */
export function civilToday(nowMs: number = Date.now()): string {
  return new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 10);
}
