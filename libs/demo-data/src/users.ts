import { Agency, EmployeeSnapshot, HumanRole } from '@mutasi/domain';
import { AGENCY } from './agencies';
import { DEMO_NIP, makeNip, SAMPLE_NIP } from './employees';
import { FAMILY_NAMES, MALE_NAMES, FEMALE_NAMES } from './names';
import { Prng } from './prng';
import { DemoCalendar } from './relative-dates';

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

/**
 * The further holders of each office (R-06: one person takes one decision role in a case, so an office that acts
 * twice on a case, such as the PPK signing the SK and then inaugurating, is held by more than one person).
 */
const FURTHER_HOLDERS: Readonly<Partial<Record<HumanRole, readonly string[]>>> = {
  PENGUSUL: ['Analis Kepegawaian BKPSDM', 'Kepala BKPSDM'],
  VERIFIKATOR: ['Verifikator Kepegawaian', 'Kepala Subbidang Data Kepegawaian'],
  TIM_PENILAI_KINERJA: ['Sekretaris Tim Penilai Kinerja', 'Anggota Tim Penilai Kinerja'],
  PPK: ['Sekretaris Daerah (atas nama PPK)', 'Asisten Administrasi Umum (atas nama PPK)'],
  GUBERNUR: ['Wakil Gubernur', 'Sekretaris Daerah Provinsi (atas nama Gubernur)'],
  KANREG_BKN: ['Kepala Bidang Mutasi Kantor Regional BKN', 'Kepala Bidang Informasi Kepegawaian Kantor Regional BKN'],
  MENDAGRI: ['Sekretaris Jenderal Kemendagri (atas nama Mendagri)', 'Direktur Fasilitasi Kepala Daerah Kemendagri'],
  KEPALA_BKN: ['Deputi Bidang Mutasi Kepegawaian BKN', 'Direktur Status dan Kedudukan Kepegawaian BKN'],
};

/** How many demo people hold each office. */
export const HOLDERS_PER_OFFICE = 3;

/**
 * The user id of the `holder`-th person holding a role in an agency: `ppk.kota-bandar-lestari`, then
 * `ppk-2.kota-bandar-lestari`, `ppk-3.kota-bandar-lestari`.
 */
export function userIdFor(role: HumanRole, agencyId: string, holder = 1): string {
  const base = role.toLowerCase().replace(/_/g, '-');
  return `${holder === 1 ? base : `${base}-${holder}`}.${agencyId}`;
}

/** Every user id that may hold a role in an agency, first holder first. */
export function holdersOf(role: HumanRole, agencyId: string): string[] {
  return Array.from({ length: HOLDERS_PER_OFFICE }, (_, i) => userIdFor(role, agencyId, i + 1));
}

/** Demo users for every role in every agency that needs one, and a PNS login for the named employees. */
export function demoUsers(prng: Prng, agencies: readonly Agency[], employees: readonly EmployeeSnapshot[], usedNips: Set<string>, at: DemoCalendar): DemoUser[] {
  const official = (role: HumanRole, agencyId: string, title: string, holder = 1): DemoUser => {
    const female = prng.next() < 0.4;
    const birth = `${prng.int(at.yearsAgo(61), at.yearsAgo(41))}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
    const nip = makeNip(prng, usedNips, birth, `${Number(birth.slice(0, 4)) + 25}-03`, female);
    const name = `${female ? prng.pick(FEMALE_NAMES) : prng.pick(MALE_NAMES)} ${prng.pick(FAMILY_NAMES)}`;
    return { userId: userIdFor(role, agencyId, holder), name, agencyId, roles: [role], nip, title };
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
  for (const first of [...users]) {
    const role = first.roles[0] as HumanRole;
    const titles = FURTHER_HOLDERS[role];
    if (!titles) continue;
    titles.forEach((title, i) => users.push(official(role, first.agencyId, title, i + 2)));
  }
  const pnsLogins = [...Object.values(SAMPLE_NIP), ...Object.values(DEMO_NIP)];
  for (const nip of pnsLogins) {
    const e = employees.find((x) => x.nip === nip);
    if (e) users.push({ userId: `pns.${nip}`, name: e.name, agencyId: e.agencyId, roles: ['PNS'], nip, title: 'Pegawai' });
  }
  return users;
}
