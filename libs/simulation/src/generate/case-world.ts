import { EmployeeSnapshot } from '@mutasi/domain';
import { DemoUser, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, Prng, World } from '@mutasi/demo-data';

const DAY = 86_400_000;
const pick = <T>(items: readonly T[], prng: Prng): T => items[prng.int(0, items.length - 1)] as T;

/**
 * The employee a simulated case moves: the route's demo person as a new civil servant of the same post, record and
 * merit, under a NIP of their own (birth date moved by up to two years, sequence 001–999) and a name of their own,
 * so that a year of cases moves hundreds of thousands of people, not the same five again and again (which would make
 * M-03's repeat-move pattern, and its flags, grow with every case).
 */
export function caseEmployee(template: EmployeeSnapshot, index: number, prng: Prng): EmployeeSnapshot {
  const birth = Date.UTC(Number(template.nip.slice(0, 4)), Number(template.nip.slice(4, 6)) - 1, Number(template.nip.slice(6, 8)));
  const shifted = new Date(birth - (Math.floor(index / 999) % 730) * DAY).toISOString().slice(0, 10).replace(/-/g, '');
  const nip = `${shifted}${template.nip.slice(8, 15)}${String((index % 999) + 1).padStart(3, '0')}`;
  const female = template.nip[14] === '2';
  return { ...template, nip, name: `${pick(female ? FEMALE_NAMES : MALE_NAMES, prng)} ${pick(FAMILY_NAMES, prng)}` };
}

/**
 * The world as one case sees it: the demo world with the route's person replaced by the case's own employee (and their
 * PNS sign-in), everything else shared. A view, not a copy of the reference data.
 */
export function worldWith(world: World, template: EmployeeSnapshot, employee: EmployeeSnapshot): World {
  const user: DemoUser = { userId: `pns.${employee.nip}`, name: employee.name, agencyId: employee.agencyId, roles: ['PNS'], nip: employee.nip, title: 'Pegawai' };
  const view = Object.create(world) as World;
  Object.defineProperty(view, 'data', {
    value: {
      ...world.data,
      employees: world.data.employees.map((e) => (e.nip === template.nip ? employee : e)),
      users: [...world.data.users.filter((u) => u.nip !== template.nip), user],
    },
  });
  return view;
}
