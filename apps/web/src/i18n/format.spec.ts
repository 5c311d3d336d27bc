import { describe, expect, it } from '@jest/globals';
import { formatDate, formatInstant } from './format';

describe('dates as an Indonesian reads them, in the agency zone', () => {
  it('a civil date is the same day everywhere', () => {
    expect(formatDate('2026-12-01')).toBe('1 Desember 2026');
    expect(formatDate(null)).toBe('—');
  });

  it('an instant shows in WIB, WITA or WIT with the zone named', () => {
    const at = '2026-12-01T16:30:00.000Z';
    expect(formatInstant(at, 'WIB')).toMatch(/^1 Desember 2026.*23[.:]30 WIB$/);
    expect(formatInstant(at, 'WITA')).toMatch(/^2 Desember 2026.*00[.:]30 WITA$/);
    expect(formatInstant(at, 'WIT')).toMatch(/^2 Desember 2026.*01[.:]30 WIT$/);
  });
});
