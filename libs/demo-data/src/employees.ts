import { EmployeeSnapshot, Golongan, IsoDate, PNS_GOLONGAN, Position, SkpRating } from '@mutasi/domain';
import { AGENCY } from './agencies';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names';
import { positionId, TEMPLATES, TemplateId } from './positions';
import { Prng } from './prng';
import { DemoCalendar } from './relative-dates';

/**
 * The five employees of docs/domain.md §8. Their NIPs are fixed identifiers (they encode the birth and CPNS dates the story
 * had when it was written); every date on their records is relative to the day the data is built, so each keeps the
 * situation §8 describes on any date.
 */
export const SAMPLE_NIP = {
  /** III/c, TMT PNS over ten years ago, long in post. */
  clean: '198804122015031004',
  /** III/b, TMT PNS under seven years ago: a self-requested move to another agency is blocked by R-21. */
  tenYearLock: '199201052019022001',
  /** IV/b, JPT Pratama inaugurated a year ago: R-44. */
  jptLock: '197511302000121002',
  /** III/a, one year in post: R-03. */
  shortTenure: '199512202020081001',
  /** PPPK: R-60. */
  pppk: '198506302021212002',
} as const;

/** Clean candidates for the demo's one case per route family, and for the R-40 refusal. */
export const DEMO_NIP = {
  internal: '198707142011042003',
  sameProvince: '198603212010031005',
  interProvince: '198911022013032001',
  centralToRegional: '198502152009011002',
  electionFreeze: '198409092008011004',
  /** A finance officer in the Sukamaju surplus who fits the province's deficit of financial analysts (issue 10 story). */
  surplusFinance: '199003172014031002',
} as const;

const skp = (ratings: Record<number, SkpRating>): EmployeeSnapshot['skp'] => Object.entries(ratings).map(([year, rating]) => ({ year: Number(year), rating }));
/**
 * Six years of good ratings up to this year: a rating of this year stands for the one being finalised (the ratings of
 * year Y are imported early in Y+1; the demo holds them already, so a demo that moves its clock a year ahead still has
 * the two years R-24 reads).
 */
const goodSkp = (at: DemoCalendar): EmployeeSnapshot['skp'] =>
  skp(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [at.yearsAgo(5 - i), i < 2 ? 'BAIK' : 'SANGAT_BAIK'])) as Record<number, SkpRating>);
const clear = { discipline: { activeSanction: false, courtCase: false }, study: { onStudyAssignment: false, serviceBondUntil: null }, relations: [], lastTransferDate: null };

/** Months before the day the data is built: CPNS, PNS and in post since. */
type Ago = { cpns: number | null; pns: number | null; inPost: number; inPostDay?: number };

function named(
  at: DemoCalendar,
  nip: string,
  name: string,
  agencyId: string,
  template: TemplateId,
  golongan: Golongan,
  ago: Ago,
  extra: Partial<EmployeeSnapshot> = {},
): EmployeeSnapshot {
  const t = TEMPLATES[template];
  const dates = {
    tmtCpns: ago.cpns === null ? null : at.monthsAgo(ago.cpns),
    tmtPns: ago.pns === null ? null : at.monthsAgo(ago.pns),
    positionSince: at.monthsAgo(ago.inPost, ago.inPostDay ?? 1),
  };
  return {
    nip,
    name,
    kind: 'PNS',
    golongan,
    ...dates,
    agencyId,
    positionId: positionId(agencyId, template),
    jptInaugurationDate: null,
    educationField: t.education[0] as string,
    competencies: [...t.competencies],
    skp: goodSkp(at),
    ...clear,
    ...extra,
  };
}

/** The §8 sample employees and the demo candidates, as the spec describes them, on the day the data is built. */
export function namedEmployees(today: IsoDate): EmployeeSnapshot[] {
  const at = new DemoCalendar(today);
  return [
    named(
      at,
      SAMPLE_NIP.clean,
      'Andi Pratama',
      AGENCY.bandarLestari,
      'analis-kebijakan',
      'III/c',
      { cpns: 141, pns: 129, inPost: 71, inPostDay: 4 },
      { competencies: ['ANALISIS_KEBIJAKAN', 'STATISTIK', 'PERENCANAAN'] },
    ),
    named(at, SAMPLE_NIP.tenYearLock, 'Rina Wulandari', AGENCY.sukamaju, 'analis-sdm', 'III/b', { cpns: 94, pns: 82, inPost: 69 }),
    named(
      at,
      SAMPLE_NIP.jptLock,
      'dr. Hendra Siregar',
      AGENCY.provNb,
      'kadis-kesehatan',
      'IV/b',
      { cpns: 312, pns: 300, inPost: 12, inPostDay: 15 },
      { jptInaugurationDate: at.monthsAgo(12, 15) },
    ),
    named(at, SAMPLE_NIP.shortTenure, 'Yusuf Hakim', AGENCY.lembahHijau, 'analis-sdm', 'III/a', { cpns: 76, pns: 64, inPost: 12, inPostDay: 6 }),
    { ...named(at, SAMPLE_NIP.pppk, 'Sari Handayani', AGENCY.bandarLestari, 'pranata-komputer', 'IX', { cpns: null, pns: null, inPost: 60 }), kind: 'PPPK' },
    named(
      at,
      DEMO_NIP.internal,
      'Dewi Anggraini',
      AGENCY.bandarLestari,
      'pengelola-keuangan',
      'III/b',
      { cpns: 188, pns: 176, inPost: 47, inPostDay: 2 },
      { educationField: 'AKUNTANSI', competencies: ['KEUANGAN_DAERAH', 'AUDIT'] },
    ),
    named(
      at,
      DEMO_NIP.sameProvince,
      'Bayu Saputra',
      AGENCY.bandarLestari,
      'analis-sdm',
      'III/c',
      { cpns: 201, pns: 189, inPost: 53 },
      { educationField: 'PSIKOLOGI', competencies: ['MANAJEMEN_SDM', 'PELAYANAN_PUBLIK'] },
    ),
    named(at, DEMO_NIP.interProvince, 'Siti Rahmawati', AGENCY.bandarLestari, 'analis-kebijakan', 'III/c', { cpns: 165, pns: 153, inPost: 46 }),
    named(at, DEMO_NIP.centralToRegional, 'Rudi Hartono', AGENCY.kementerian, 'pranata-komputer', 'III/c', { cpns: 215, pns: 203, inPost: 51 }),
    named(
      at,
      DEMO_NIP.electionFreeze,
      'Agus Salim',
      AGENCY.tanjungHarapan,
      'analis-sdm',
      'III/d',
      { cpns: 227, pns: 215, inPost: 55, inPostDay: 2 },
      { competencies: ['MANAJEMEN_SDM', 'PELAYANAN_PUBLIK'] },
    ),
  ];
}

/**
 * The named surplus holder of the workload story: a Pengelola Keuangan of Sukamaju, in the surplus, with a strong record
 * and a competency assessment, who lacks PERENCANAAN_ANGGARAN for the province's financial analyst posts.
 */
export function surplusFinanceOfficer(today: IsoDate): EmployeeSnapshot {
  const at = new DemoCalendar(today);
  return named(
    at,
    DEMO_NIP.surplusFinance,
    'Wahyu Kurniawan',
    AGENCY.sukamaju,
    'pengelola-keuangan',
    'III/b',
    { cpns: 152, pns: 140, inPost: 40, inPostDay: 3 },
    {
      educationField: 'AKUNTANSI',
      competencies: ['KEUANGAN_DAERAH'],
      assessments: [{ competency: 'KEUANGAN_DAERAH', level: 5, date: at.monthsAgo(5, 12), assessor: 'UPT Penilaian Kompetensi Pegawai BKN' }],
    },
  );
}

/** A valid, unused NIP for someone born on `birth` and appointed CPNS in `cpns` (YYYY-MM). */
export function makeNip(prng: Prng, used: Set<string>, birth: IsoDate, cpns: string, female: boolean): string {
  for (;;) {
    const nip = `${birth.replace(/-/g, '')}${cpns.replace('-', '')}${female ? '2' : '1'}${String(prng.int(1, 999)).padStart(3, '0')}`;
    if (!used.has(nip)) {
      used.add(nip);
      return nip;
    }
  }
}

function rating(prng: Prng): SkpRating {
  const r = prng.next();
  return r < 0.25 ? 'SANGAT_BAIK' : r < 0.85 ? 'BAIK' : r < 0.95 ? 'BUTUH_PERBAIKAN' : 'KURANG';
}

/** One generated employee filling a slot of `position`, with dates relative to `at`. */
export function generatedEmployee(prng: Prng, used: Set<string>, position: Position, at: DemoCalendar): EmployeeSnapshot {
  const female = prng.next() < 0.5;
  const birthYear = prng.int(at.yearsAgo(58), at.yearsAgo(27));
  const birth = `${birthYear}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
  const cpnsYear = Math.min(at.yearsAgo(3), birthYear + prng.int(22, 30));
  const cpnsMonth = prng.int(1, 12);
  const tmtCpns = `${cpnsYear}-${String(cpnsMonth).padStart(2, '0')}-01`;
  const pelaksana = position.positionClass === 'PELAKSANA';
  const startRank = pelaksana ? 4 : 8;
  const rank = Math.min(startRank + Math.floor((at.yearsAgo(1) - cpnsYear) / 4), pelaksana ? 10 : 13);
  const since = `${prng.int(Math.max(cpnsYear + 1, at.yearsAgo(9)), at.yearsAgo(1))}-${String(prng.int(1, 12)).padStart(2, '0')}-01`;
  const skpYears: Record<number, SkpRating> = {};
  for (let y = Math.max(cpnsYear + 1, at.yearsAgo(7)); y <= at.year; y += 1) skpYears[y] = rating(prng);
  const first = female ? prng.pick(FEMALE_NAMES) : prng.pick(MALE_NAMES);
  return {
    nip: makeNip(prng, used, birth, tmtCpns.slice(0, 7), female),
    name: `${first} ${prng.pick(FAMILY_NAMES)}`,
    kind: 'PNS',
    golongan: (PNS_GOLONGAN[rank] as (typeof PNS_GOLONGAN)[number])[0],
    tmtCpns,
    tmtPns: `${cpnsYear + 1}-${String(cpnsMonth).padStart(2, '0')}-01`,
    agencyId: position.agencyId,
    positionId: position.id,
    positionSince: since,
    jptInaugurationDate: position.positionClass.startsWith('JPT') ? since : null,
    educationField: prng.next() < 0.9 ? prng.pick(position.requiredEducationFields) : 'SOSIOLOGI',
    competencies: prng.next() < 0.85 ? [...position.requiredCompetencies] : position.requiredCompetencies.slice(0, 1),
    skp: skp(skpYears),
    discipline: { activeSanction: prng.next() < 0.02, courtCase: prng.next() < 0.01 },
    study: { onStudyAssignment: prng.next() < 0.02, serviceBondUntil: null },
    relations: [],
    lastTransferDate: prng.next() < 0.1 ? since : null,
  };
}
