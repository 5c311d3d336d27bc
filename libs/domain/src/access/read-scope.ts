import { Agency } from '../reference/agency';
import { HumanRole } from '../reference/roles';

/**
 * Who may read what (one table, docs/access.md): every case, case list, dashboard, audit trail and employee record
 * is shown only within the reader's scope.
 *
 * | role | cases, dashboards, audit | employee records | sensitive fields (discipline, court, relations) |
 * |---|---|---|---|
 * | KEPALA_BKN, INSPEKTUR of the national oversight body | all | all | yes |
 * | INSPEKTUR of a province | agencies of the province | same | yes |
 * | INSPEKTUR of another agency | own agency | own agency | yes |
 * | KANREG_BKN | agencies it serves | same | no |
 * | MENDAGRI | every regional government | employees of cases it acts on | no |
 * | GUBERNUR | agencies of the province | employees of cases it acts on | no |
 * | PENGUSUL, VERIFIKATOR, TIM_PENILAI_KINERJA, PPK | own agency | own agency and candidates of cases involving it | yes |
 * | ADMIN | no cases | all (maintains them) | yes |
 * | PNS | own case | own record | own |
 */
export type AgencyScope = { readonly kind: 'ALL' } | { readonly kind: 'AGENCIES'; readonly agencyIds: readonly string[] } | { readonly kind: 'NONE' };

export interface ReadScope {
  /** Cases, case lists, dashboards and audit queries. */
  readonly cases: AgencyScope;
  /** Employee records, besides the candidates of the cases in `cases` involving the reader's own agency. */
  readonly employees: AgencyScope;
  /** Whether the reader may see discipline, court and relations of the employees they may read. */
  readonly sensitive: boolean;
  /** The employee's own NIP, for a PNS reader. */
  readonly ownNip: string | null;
}

export interface Reader {
  readonly roles: readonly HumanRole[];
  readonly agencyId: string;
  readonly nip?: string;
}

const ALL: AgencyScope = { kind: 'ALL' };
const NONE: AgencyScope = { kind: 'NONE' };
const DECIDING: readonly HumanRole[] = ['PENGUSUL', 'VERIFIKATOR', 'TIM_PENILAI_KINERJA', 'PPK'];

function agencies(ids: Iterable<string>): AgencyScope {
  return { kind: 'AGENCIES', agencyIds: [...new Set(ids)].sort() };
}

function union(a: AgencyScope, b: AgencyScope): AgencyScope {
  if (a.kind === 'ALL' || b.kind === 'ALL') return ALL;
  if (a.kind === 'NONE') return b;
  if (b.kind === 'NONE') return a;
  return agencies([...a.agencyIds, ...b.agencyIds]);
}

/** The national oversight body: the agency whose inspectors oversee merit nationally (reference data: `oversight`). */
export function isNationalOversight(agency: Agency | undefined): boolean {
  return agency?.oversight === 'NATIONAL' || agency?.authority === 'BKN';
}

function roleScope(role: HumanRole, own: Agency | undefined, all: readonly Agency[], agencyId: string): { cases: AgencyScope; employees: AgencyScope; sensitive: boolean } {
  const province = (code: string | null | undefined) => all.filter((a) => code !== null && code !== undefined && a.provinceCode === code).map((a) => a.id);
  switch (role) {
    case 'KEPALA_BKN':
      return { cases: ALL, employees: ALL, sensitive: true };
    case 'INSPEKTUR': {
      if (isNationalOversight(own)) return { cases: ALL, employees: ALL, sensitive: true };
      const scope = own?.kind === 'PROVINSI' ? agencies(province(own.provinceCode)) : agencies([agencyId]);
      return { cases: scope, employees: scope, sensitive: true };
    }
    case 'KANREG_BKN': {
      const served = agencies([agencyId, ...all.filter((a) => a.kanregAgencyId === agencyId).map((a) => a.id)]);
      return { cases: served, employees: served, sensitive: false };
    }
    case 'MENDAGRI':
      return { cases: agencies([agencyId, ...all.filter((a) => a.kind !== 'PUSAT').map((a) => a.id)]), employees: NONE, sensitive: false };
    case 'GUBERNUR':
      return { cases: agencies([agencyId, ...province(own?.provinceCode)]), employees: NONE, sensitive: false };
    case 'ADMIN':
      return { cases: NONE, employees: ALL, sensitive: true };
    case 'PNS':
      return { cases: NONE, employees: NONE, sensitive: false };
    default:
      return { cases: agencies([agencyId]), employees: agencies([agencyId]), sensitive: DECIDING.includes(role) };
  }
}

/** The reader's scope: the union over their roles. */
export function readScope(reader: Reader, all: readonly Agency[]): ReadScope {
  const own = all.find((a) => a.id === reader.agencyId);
  let cases: AgencyScope = NONE;
  let employees: AgencyScope = NONE;
  let sensitive = false;
  for (const role of reader.roles) {
    const s = roleScope(role, own, all, reader.agencyId);
    cases = union(cases, s.cases);
    employees = union(employees, s.employees);
    sensitive = sensitive || s.sensitive;
  }
  return { cases, employees, sensitive, ownNip: reader.roles.includes('PNS') ? (reader.nip ?? null) : null };
}

/** True when an agency scope covers any of `agencyIds`. */
export function covers(scope: AgencyScope, agencyIds: readonly string[]): boolean {
  if (scope.kind === 'ALL') return true;
  if (scope.kind === 'NONE') return false;
  return agencyIds.some((id) => scope.agencyIds.includes(id));
}
