import { EmployeeSnapshot, IsoDate, SkpRating } from '@mutasi/domain';
import { DEMO_NIP, SAMPLE_NIP } from './employees';
import { Prng } from './prng';

const NAMED = new Set<string>([...Object.values(SAMPLE_NIP), ...Object.values(DEMO_NIP)]);

/** A deterministic rating for an employee's year: the named demo people keep their good record. */
function ratingOf(nip: string, year: number): SkpRating {
  if (NAMED.has(nip)) return 'SANGAT_BAIK';
  let seed = year;
  for (const digit of nip) seed = (Math.imul(seed, 31) + digit.charCodeAt(0)) >>> 0;
  const r = new Prng(seed).next();
  return r < 0.25 ? 'SANGAT_BAIK' : r < 0.85 ? 'BAIK' : r < 0.95 ? 'BUTUH_PERBAIKAN' : 'KURANG';
}

/**
 * The demo's yearly SKP round: when the demo clock moves into a new year, each employee gets the ratings of the years
 * their record lacks up to the year that has ended (a year's rating exists only once the year is over), as a BKPSDM
 * imports them every year. Returns only the records that grew; an import of them only adds the newest years, which
 * M-05 does not count.
 */
export function skpRound(employees: readonly EmployeeSnapshot[], today: IsoDate): EmployeeSnapshot[] {
  const ended = Number(today.slice(0, 4)) - 1;
  return employees.flatMap((e) => {
    const latest = Math.max(0, ...e.skp.map((s) => s.year));
    if (e.kind !== 'PNS' || latest === 0 || latest >= ended) return [];
    const added = Array.from({ length: ended - latest }, (_, i) => ({ year: latest + 1 + i, rating: ratingOf(e.nip, latest + 1 + i) }));
    return [{ ...e, skp: [...e.skp, ...added] }];
  });
}
