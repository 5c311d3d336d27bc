import { describe, expect, it } from '@jest/globals';
import { civilToday, formatDate, formatInstant } from './format';

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

  it('today, as a form proposes it, is the WIB date the server judges by: after 17:00 UTC it is already tomorrow', () => {
    expect(civilToday(Date.parse('2026-12-01T16:59:59Z'))).toBe('2026-12-01');
    expect(civilToday(Date.parse('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
    expect(civilToday(Date.parse('2028-12-31T23:30:00Z'))).toBe('2029-01-01');
  });
});
