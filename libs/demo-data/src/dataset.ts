import { Agency, Delegation, EmployeeSnapshot, IsoDate, MutationPlan, Position } from '@mutasi/domain';
import { AGENCY, demoAgencies } from './agencies';
import { generatedEmployee, namedEmployees, SAMPLE_NIP, surplusFinanceOfficer } from './employees';
import { demoPositions, LATER_POSITIONS, positionId } from './positions';
import { DEMO_SURPLUS, demoPlans } from './workload';
import { Prng } from './prng';
import { DemoCalendar } from './relative-dates';
import { DemoUser, demoUsers, userIdFor } from './users';

/** Reference data in the shape `POST /api/admin/import` accepts (users are the demo sign-ins). */
export interface ReferenceDataSet {
  readonly agencies: readonly Agency[];
  readonly positions: readonly Position[];
  readonly employees: readonly EmployeeSnapshot[];
  readonly delegations: readonly Delegation[];
  readonly users: readonly DemoUser[];
  readonly mutationPlans: readonly MutationPlan[];
}

const SEED = 20_240_517;

/** The Governor of Nusantara Barat's delegation of SK signing to the Sekretaris Daerah. */
export const DEMO_DELEGATION_ID = 'deleg-prov-nb-sk';

/**
 * The demo data set: the agencies and employees of docs/domain.md §8 grown to 11 agencies in 2 provinces plus central
 * agencies, 40 positions and over 300 employees with valid NIPs. Deterministic: the same `today` gives the same
 * data (only the repeat election in Tanjung Harapan moves with `today`).
 */
export function buildDemoData(today: IsoDate): ReferenceDataSet {
  const prng = new Prng(SEED);
  const agencies = demoAgencies(today);
  const positions = demoPositions(prng);
  const at = new DemoCalendar(today);
  const named = namedEmployees(today);
  const used = new Set(named.map((e) => e.nip));
  const employees: EmployeeSnapshot[] = [...named];
  const later = new Set(LATER_POSITIONS.map((l) => positionId(l.agencyId, l.template)));
  for (const position of positions.filter((p) => !later.has(p.id))) {
    const placed = named.filter((e) => e.positionId === position.id).length;
    for (let i = placed; i < position.bezetting; i += 1) employees.push(generatedEmployee(prng, used, position, at));
  }
  const users = demoUsers(prng, agencies, employees, used, at);
  // The surplus holders come from a generator of their own, so the rest of the data set stays as it was.
  const surplus = new Prng(SEED + 1);
  for (const position of positions.filter((p) => later.has(p.id))) for (let i = 0; i < position.bezetting; i += 1) employees.push(generatedEmployee(surplus, used, position, at));
  const story = surplusFinanceOfficer(today);
  used.add(story.nip);
  employees.push(story);
  users.push({ userId: `pns.${story.nip}`, name: story.name, agencyId: story.agencyId, roles: ['PNS'], nip: story.nip, title: 'Pengelola Keuangan' });
  for (const position of positions) {
    const extra = (DEMO_SURPLUS[position.id] ?? 0) - (position.id === story.positionId ? 1 : 0);
    for (let i = 0; i < extra; i += 1) {
      const e = generatedEmployee(surplus, used, position, at);
      // Surplus holders took the competency assessments (uji kompetensi) the BKN regional assessment unit ran.
      const assessments = e.competencies.map((competency) => ({
        competency,
        level: surplus.int(2, 5),
        date: at.monthsAgo(surplus.int(2, 30)),
        assessor: 'UPT Penilaian Kompetensi Pegawai BKN',
      }));
      employees.push({ ...e, assessments });
    }
  }
  const filled = positions.map((p) => ({ ...p, bezetting: employees.filter((e) => e.positionId === p.id).length }));
  const relative = users.find((u) => u.userId === userIdFor('PPK', AGENCY.lembahHijau));
  const withRelations = employees.map((e) =>
    e.nip === SAMPLE_NIP.shortTenure && relative?.nip ? { ...e, relations: [{ nip: relative.nip, name: relative.name, relation: 'PAMAN' }] } : e,
  );
  const granted = at.monthsAgo(21);
  const delegations: Delegation[] = [
    {
      id: DEMO_DELEGATION_ID,
      grantor: { role: 'GUBERNUR', agencyId: AGENCY.provNb },
      granteeUserId: userIdFor('PPK', AGENCY.provNb, 2),
      scope: ['DECREE'],
      validFrom: granted,
      validUntil: at.monthsAhead(13, 28),
      legalBasis: `Keputusan Gubernur Nusantara Barat Nomor 800.1.3/117/${granted.slice(0, 4)} tentang pelimpahan kewenangan penandatanganan keputusan mutasi`,
    },
  ];
  const plans = demoPlans(filled, new Map(agencies.map((a) => [a.id, a.name])), at.year);
  return { agencies, positions: filled, employees: withRelations, delegations, users, mutationPlans: plans };
}
