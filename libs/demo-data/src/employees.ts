import { EmployeeSnapshot, Golongan, IsoDate, PNS_GOLONGAN, Position, SkpRating } from '@mutasi/domain';
import { AGENCY } from './agencies';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names';
import { positionId, TEMPLATES, TemplateId } from './positions';
import { Prng } from './prng';

/** The five employees of domain.md §8. */
export const SAMPLE_NIP = {
  /** III/c, TMT PNS 2016-03-01, in post since 2021-01-04. */
  clean: '198804122015031004',
  /** III/b, TMT PNS 2020-02-01: a self-requested move to another agency is blocked by R-21. */
  tenYearLock: '199201052019022001',
  /** IV/b, JPT Pratama inaugurated 2024-11-15: R-44. */
  jptLock: '197511302000121002',
  /** III/a, under 2 years in post: R-03. */
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
} as const;

const skp = (ratings: Record<number, SkpRating>): EmployeeSnapshot['skp'] => Object.entries(ratings).map(([year, rating]) => ({ year: Number(year), rating }));
const goodSkp = skp({ 2020: 'BAIK', 2021: 'BAIK', 2022: 'SANGAT_BAIK', 2023: 'SANGAT_BAIK', 2024: 'SANGAT_BAIK', 2025: 'SANGAT_BAIK' });
const clear = { discipline: { activeSanction: false, courtCase: false }, study: { onStudyAssignment: false, serviceBondUntil: null }, relations: [], lastTransferDate: null };

function named(nip: string, name: string, agencyId: string, template: TemplateId, golongan: Golongan, dates: { tmtCpns: IsoDate | null; tmtPns: IsoDate | null; positionSince: IsoDate }, extra: Partial<EmployeeSnapshot> = {}): EmployeeSnapshot {
  const t = TEMPLATES[template];
  return {
    nip, name, kind: 'PNS', golongan, ...dates, agencyId, positionId: positionId(agencyId, template), jptInaugurationDate: null,
    educationField: t.education[0] as string, competencies: [...t.competencies], skp: goodSkp, ...clear, ...extra,
  };
}

/** The §8 sample employees and the demo candidates, exactly as the spec describes them. */
export function namedEmployees(): EmployeeSnapshot[] {
  return [
    named(SAMPLE_NIP.clean, 'Andi Pratama', AGENCY.bandarLestari, 'analis-kebijakan', 'III/c', { tmtCpns: '2015-03-01', tmtPns: '2016-03-01', positionSince: '2021-01-04' }, { competencies: ['ANALISIS_KEBIJAKAN', 'STATISTIK', 'PERENCANAAN'] }),
    named(SAMPLE_NIP.tenYearLock, 'Rina Wulandari', AGENCY.sukamaju, 'analis-sdm', 'III/b', { tmtCpns: '2019-02-01', tmtPns: '2020-02-01', positionSince: '2021-03-01' }),
    named(SAMPLE_NIP.jptLock, 'dr. Hendra Siregar', AGENCY.provNb, 'kadis-kesehatan', 'IV/b', { tmtCpns: '2000-12-01', tmtPns: '2001-12-01', positionSince: '2024-11-15' }, { jptInaugurationDate: '2024-11-15' }),
    named(SAMPLE_NIP.shortTenure, 'Yusuf Hakim', AGENCY.lembahHijau, 'analis-sdm', 'III/a', { tmtCpns: '2020-08-01', tmtPns: '2021-08-01', positionSince: '2025-01-06' }),
    { ...named(SAMPLE_NIP.pppk, 'Sari Handayani', AGENCY.bandarLestari, 'pranata-komputer', 'IX', { tmtCpns: null, tmtPns: null, positionSince: '2021-12-01' }), kind: 'PPPK' },
    named(DEMO_NIP.internal, 'Dewi Anggraini', AGENCY.bandarLestari, 'pengelola-keuangan', 'III/b', { tmtCpns: '2011-04-01', tmtPns: '2012-04-01', positionSince: '2023-01-02' }, { educationField: 'AKUNTANSI', competencies: ['KEUANGAN_DAERAH', 'AUDIT'] }),
    named(DEMO_NIP.sameProvince, 'Bayu Saputra', AGENCY.bandarLestari, 'analis-sdm', 'III/c', { tmtCpns: '2010-03-01', tmtPns: '2011-03-01', positionSince: '2022-07-01' }, { educationField: 'PSIKOLOGI', competencies: ['MANAJEMEN_SDM', 'PELAYANAN_PUBLIK'] }),
    named(DEMO_NIP.interProvince, 'Siti Rahmawati', AGENCY.bandarLestari, 'analis-kebijakan', 'III/c', { tmtCpns: '2013-03-01', tmtPns: '2014-03-01', positionSince: '2023-02-01' }),
    named(DEMO_NIP.centralToRegional, 'Rudi Hartono', AGENCY.kementerian, 'pranata-komputer', 'III/c', { tmtCpns: '2009-01-01', tmtPns: '2010-01-01', positionSince: '2022-09-01' }),
    named(DEMO_NIP.electionFreeze, 'Agus Salim', AGENCY.tanjungHarapan, 'analis-sdm', 'III/d', { tmtCpns: '2008-01-01', tmtPns: '2009-01-01', positionSince: '2022-05-02' }, { competencies: ['MANAJEMEN_SDM', 'PELAYANAN_PUBLIK'] }),
  ];
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

/** One generated employee filling a slot of `position`. */
export function generatedEmployee(prng: Prng, used: Set<string>, position: Position): EmployeeSnapshot {
  const female = prng.next() < 0.5;
  const birthYear = prng.int(1968, 1999);
  const birth = `${birthYear}-${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
  const cpnsYear = Math.min(2023, birthYear + prng.int(22, 30));
  const cpnsMonth = prng.int(1, 12);
  const tmtCpns = `${cpnsYear}-${String(cpnsMonth).padStart(2, '0')}-01`;
  const pelaksana = position.positionClass === 'PELAKSANA';
  const startRank = pelaksana ? 4 : 8;
  const rank = Math.min(startRank + Math.floor((2025 - cpnsYear) / 4), pelaksana ? 10 : 13);
  const since = `${prng.int(Math.max(cpnsYear + 1, 2017), 2025)}-${String(prng.int(1, 12)).padStart(2, '0')}-01`;
  const skpYears: Record<number, SkpRating> = {};
  for (let y = Math.max(cpnsYear + 1, 2019); y <= 2025; y += 1) skpYears[y] = rating(prng);
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
    educationField: prng.next() < 0.9 ? (prng.pick(position.requiredEducationFields)) : 'SOSIOLOGI',
    competencies: prng.next() < 0.85 ? [...position.requiredCompetencies] : position.requiredCompetencies.slice(0, 1),
    skp: skp(skpYears),
    discipline: { activeSanction: prng.next() < 0.02, courtCase: prng.next() < 0.01 },
    study: { onStudyAssignment: prng.next() < 0.02, serviceBondUntil: null },
    relations: [],
    lastTransferDate: prng.next() < 0.1 ? since : null,
  };
}
