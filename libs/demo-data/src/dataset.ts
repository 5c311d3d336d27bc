import { Agency, Delegation, EmployeeSnapshot, IsoDate, Position } from '@mutasi/domain';
import { AGENCY, demoAgencies } from './agencies';
import { generatedEmployee, namedEmployees, SAMPLE_NIP } from './employees';
import { demoPositions } from './positions';
import { Prng } from './prng';
import { DemoUser, demoUsers, userIdFor } from './users';

/** Reference data in the shape `POST /api/admin/import` accepts (users are the demo sign-ins). */
export interface ReferenceDataSet {
  readonly agencies: readonly Agency[];
  readonly positions: readonly Position[];
  readonly employees: readonly EmployeeSnapshot[];
  readonly delegations: readonly Delegation[];
  readonly users: readonly DemoUser[];
}

const SEED = 20_240_517;

/**
 * The demo data set: the agencies and employees of domain.md §8 grown to 11 agencies in 2 provinces plus central
 * agencies, 40 positions and over 300 employees with valid NIPs. Deterministic: the same `today` gives the same
 * data (only the repeat election in Tanjung Harapan moves with `today`).
 */
export function buildDemoData(today: IsoDate): ReferenceDataSet {
  const prng = new Prng(SEED);
  const agencies = demoAgencies(today);
  const positions = demoPositions(prng);
  const named = namedEmployees();
  const used = new Set(named.map((e) => e.nip));
  const employees: EmployeeSnapshot[] = [...named];
  for (const position of positions) {
    const placed = named.filter((e) => e.positionId === position.id).length;
    for (let i = placed; i < position.bezetting; i += 1) employees.push(generatedEmployee(prng, used, position));
  }
  const filled = positions.map((p) => ({ ...p, bezetting: employees.filter((e) => e.positionId === p.id).length }));
  const users = demoUsers(prng, agencies, employees, used);
  const relative = users.find((u) => u.userId === userIdFor('PPK', AGENCY.lembahHijau));
  const withRelations = employees.map((e) =>
    e.nip === SAMPLE_NIP.shortTenure && relative?.nip ? { ...e, relations: [{ nip: relative.nip, name: relative.name, relation: 'PAMAN' }] } : e,
  );
  const delegations: Delegation[] = [{
    id: 'deleg-prov-nb-sk-2025',
    grantor: { role: 'GUBERNUR', agencyId: AGENCY.provNb },
    granteeUserId: userIdFor('PPK', AGENCY.provNb, 2),
    scope: ['DECREE'],
    validFrom: '2025-03-01',
    validUntil: '2027-12-31',
    legalBasis: 'Keputusan Gubernur Nusantara Barat Nomor 800.1.3/117/2025 tentang pelimpahan kewenangan penandatanganan keputusan mutasi',
  }];
  return { agencies, positions: filled, employees: withRelations, delegations, users };
}
