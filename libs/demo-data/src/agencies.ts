import { addDays, Agency, IsoDate } from '@mutasi/domain';
import { DemoCalendar } from './relative-dates';

/** Agency ids of the demo data set, named so tests and the demo read clearly. */
export const AGENCY = {
  kemendagri: 'kemendagri',
  bkn: 'bkn',
  kanregNb: 'kanreg-bkn-nb',
  kanregSt: 'kanreg-bkn-st',
  kementerian: 'kemen-teknis',
  provNb: 'prov-nb',
  sukamaju: 'kab-sukamaju',
  bandarLestari: 'kota-bandar-lestari',
  lembahHijau: 'kab-lembah-hijau',
  provSt: 'prov-st',
  tanjungHarapan: 'kab-tanjung-harapan',
} as const;

/**
 * The agencies of docs/domain.md §8, grown to two provinces (NB, ST), a central ministry and the national authorities.
 * Kabupaten Tanjung Harapan holds a repeat regional election (pilkada ulang) whose freeze is always under
 * way on `today`, so the demo shows R-40 whatever the date.
 */
export function demoAgencies(today: IsoDate): Agency[] {
  const at = new DemoCalendar(today);
  // The regional heads took office almost two years ago; the next simultaneous Pilkada is about three years ahead.
  const firstTerm = { penetapanPaslonDate: at.monthsAhead(34, 22), endOfTermDate: at.monthsAhead(38, 20) };
  const central = (id: string, name: string, authority?: Agency['authority']): Agency => ({
    id,
    name,
    kind: 'PUSAT',
    provinceCode: null,
    kanregAgencyId: AGENCY.bkn,
    ppkStatus: 'DEFINITIF',
    headInaugurationDate: at.monthsAgo(26, 21),
    electionCalendar: null,
    ...(authority ? { authority } : {}),
  });
  const regional = (id: string, name: string, kind: 'PROVINSI' | 'KABKOTA', province: 'NB' | 'ST', extra: Partial<Agency> = {}): Agency => ({
    id,
    name,
    kind,
    provinceCode: province,
    kanregAgencyId: province === 'NB' ? AGENCY.kanregNb : AGENCY.kanregSt,
    ppkStatus: 'DEFINITIF',
    headInaugurationDate: at.monthsAgo(22, 20),
    electionCalendar: firstTerm,
    // Nusantara Barat keeps western time; Sentosa Timur lies in central Indonesia (WITA).
    timeZone: province === 'NB' ? 'WIB' : 'WITA',
    ...extra,
  });
  return [
    central(AGENCY.kemendagri, 'Kementerian Dalam Negeri', 'KEMENDAGRI'),
    { ...central(AGENCY.bkn, 'Badan Kepegawaian Negara', 'BKN'), oversight: 'NATIONAL' },
    { ...central(AGENCY.kanregNb, 'Kantor Regional BKN Nusantara Barat', 'KANREG_BKN'), provinceCode: 'NB' },
    { ...central(AGENCY.kanregSt, 'Kantor Regional BKN Sentosa Timur', 'KANREG_BKN'), provinceCode: 'ST' },
    central(AGENCY.kementerian, 'Kementerian Contoh Urusan Teknis'),
    regional(AGENCY.provNb, 'Pemerintah Provinsi Nusantara Barat', 'PROVINSI', 'NB'),
    regional(AGENCY.sukamaju, 'Pemerintah Kabupaten Sukamaju', 'KABKOTA', 'NB', { ppkStatus: 'PENJABAT', headInaugurationDate: at.monthsAgo(24, 2) }),
    regional(AGENCY.bandarLestari, 'Pemerintah Kota Bandar Lestari', 'KABKOTA', 'NB'),
    regional(AGENCY.lembahHijau, 'Pemerintah Kabupaten Lembah Hijau', 'KABKOTA', 'ST'),
    regional(AGENCY.provSt, 'Pemerintah Provinsi Sentosa Timur', 'PROVINSI', 'ST'),
    regional(AGENCY.tanjungHarapan, 'Pemerintah Kabupaten Tanjung Harapan', 'KABKOTA', 'ST', {
      headInaugurationDate: at.monthsAgo(69, 26),
      electionCalendar: { penetapanPaslonDate: addDays(today, 60), endOfTermDate: addDays(today, 240) },
    }),
  ];
}
