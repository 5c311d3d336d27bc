import { createHash } from 'node:crypto';
import { World } from '@mutasi/demo-data';

const DAY = 86_400_000;

/**
 * The year a run simulates is the twelve months before the clock: one world per month, its clock that month's
 * first working morning (09:00 WIB), so decrees, appointments and their deadlines all fall before today. Nothing
 * depends on the date the code was written.
 */
export function monthlyWorlds(now: number): World[] {
  return Array.from({ length: 12 }, (_, m) => {
    const day = new Date(now - (365 - m * 28) * DAY);
    day.setUTCHours(2, 0, 0, 0);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setTime(day.getTime() + DAY);
    return new World(day.toISOString());
  });
}

/** The case id of case `index` of a run: a UUID made from the seed and the index, so a resumed run finds its cases. */
export function caseIdOf(seed: number, index: number): string {
  const h = createHash('sha256').update(`mutasi-simulation:${seed}:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
