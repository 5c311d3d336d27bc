import { DomainError } from '../shared/errors';
import { Agency } from '../reference/agency';
import { EmployeeKind } from '../reference/employee';

/** The legal routes of docs/domain.md §4. Derived from origin and target agencies, never typed in. */
export const ROUTES = [
  'INTERNAL',
  'KABKOTA_SAME_PROVINCE',
  'PROVINSI_TO_KABKOTA',
  'KABKOTA_TO_PROVINSI',
  'INTER_PROVINCE',
  'PUSAT_TO_DAERAH',
  'DAERAH_TO_PUSAT',
  'PUSAT_TO_PUSAT',
  'PPPK_PERAMPINGAN',
] as const;
export type Route = (typeof ROUTES)[number];

/** True when the route moves the employee to another agency (R-11, R-21, R-50 and the document checklist apply). */
export function isCrossAgency(origin: Agency, target: Agency): boolean {
  return origin.id !== target.id;
}

/**
 * Derives the route from origin and target agencies (docs/domain.md §4). A PPPK takes the downsizing route only when a
 * downsizing decree is referenced; otherwise the standard route is derived and R-60 refuses it. Moves to or from a
 * Perwakilan RI abroad are refused: no legal source for that route was found.
 */
export function deriveRoute(origin: Agency, target: Agency, employeeKind: EmployeeKind, downsizing: boolean): Route {
  if (origin.abroad === true || target.abroad === true) {
    throw new DomainError(
      'RULE',
      'ROUTE_ABROAD_NOT_SUPPORTED',
      'mutasi ke atau dari Perwakilan RI di luar negeri tidak didukung: dasar hukum untuk jalur tersebut tidak ditemukan',
      {
        ruleId: 'ROUTE',
      },
    );
  }
  if (employeeKind === 'PPPK' && downsizing) return 'PPPK_PERAMPINGAN';
  if (origin.id === target.id) return 'INTERNAL';
  if (origin.kind === 'PUSAT') return target.kind === 'PUSAT' ? 'PUSAT_TO_PUSAT' : 'PUSAT_TO_DAERAH';
  if (target.kind === 'PUSAT') return 'DAERAH_TO_PUSAT';
  if (origin.provinceCode !== target.provinceCode) return 'INTER_PROVINCE';
  if (origin.kind === 'PROVINSI') return 'PROVINSI_TO_KABKOTA';
  if (target.kind === 'PROVINSI') return 'KABKOTA_TO_PROVINSI';
  return 'KABKOTA_SAME_PROVINCE';
}
