import { Agency, EmployeeSnapshot, HumanRole } from '@mutasi/domain';
import { AGENCY } from './agencies';
import { DEMO_NIP, makeNip, SAMPLE_NIP } from './employees';
import { FAMILY_NAMES, MALE_NAMES, FEMALE_NAMES } from './names';
import { Prng } from './prng';

/** A person who can sign in to the demo (standalone mode's `POST /api/dev/token`). */
export interface DemoUser {
  readonly userId: string;
  readonly name: string;
  readonly agencyId: string;
  readonly roles: readonly HumanRole[];
  readonly nip?: string;
  readonly title: string;
}

const WORK_ROLES: readonly [HumanRole, string][] = [
  ['PENGUSUL', 'Kepala Bidang Mutasi BKPSDM'],
  ['VERIFIKATOR', 'Verifikator Kepegawaian'],
  ['TIM_PENILAI_KINERJA', 'Ketua Tim Penilai Kinerja'],
  ['PPK', 'Pejabat Pembina Kepegawaian'],
];

/** The user id of a role in an agency, e.g. `ppk.kota-bandar-lestari`. */
export function userIdFor(role: HumanRole, agencyId: string): string {
  return `${role.toLowerCase().replace(/_/g, '-')}.${agencyId}`;
}

/** Demo users for every role in every agency that needs one, and a PNS login for the named employees. */
export function demoUsers(prng: Prng, agencies: readonly Agency[], employees: readonly EmployeeSnapshot[], usedNips: Set<string>): DemoUser[] {
  const official = (role: HumanRole, agencyId: string, title: string): DemoUser => {
    const female = prng.next() < 0.4;
    const birth = `${prng.int(1965, 1985)}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
    const nip = makeNip(prng, usedNips, birth, `${Number(birth.slice(0, 4)) + 25}-03`, female);
    const name = `${female ? prng.pick(FEMALE_NAMES) : prng.pick(MALE_NAMES)} ${prng.pick(FAMILY_NAMES)}`;
    return { userId: userIdFor(role, agencyId), name, agencyId, roles: [role], nip, title };
  };
  const users: DemoUser[] = [];
  for (const agency of agencies) {
    if (agency.authority === undefined) WORK_ROLES.forEach(([role, title]) => users.push(official(role, agency.id, title)));
    if (agency.kind === 'PROVINSI') users.push(official('GUBERNUR', agency.id, `Gubernur ${agency.name.replace('Pemerintah Provinsi ', '')}`));
    if (agency.authority === 'KANREG_BKN') users.push(official('KANREG_BKN', agency.id, `Kepala ${agency.name}`));
  }
  users.push(official('MENDAGRI', AGENCY.kemendagri, 'Direktur Jenderal Otonomi Daerah (atas nama Mendagri)'));
  users.push(official('KEPALA_BKN', AGENCY.bkn, 'Kepala Badan Kepegawaian Negara'));
  users.push(official('INSPEKTUR', AGENCY.bkn, 'Inspektur, pengawasan sistem merit BKN'));
  users.push(official('INSPEKTUR', AGENCY.provNb, 'Inspektur Provinsi Nusantara Barat'));
  users.push(official('ADMIN', AGENCY.bkn, 'Administrator data referensi'));
  const pnsLogins = [...Object.values(SAMPLE_NIP), ...Object.values(DEMO_NIP)];
  for (const nip of pnsLogins) {
    const e = employees.find((x) => x.nip === nip);
    if (e) users.push({ userId: `pns.${nip}`, name: e.name, agencyId: e.agencyId, roles: ['PNS'], nip, title: 'Pegawai' });
  }
  return users;
}
