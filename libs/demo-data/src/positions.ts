import { Position, PositionClass } from '@mutasi/domain';
import { AGENCY } from './agencies';
import { Prng } from './prng';
import { DEMO_ABK } from './abk-tasks';

interface Template {
  readonly title: string;
  readonly positionClass: PositionClass;
  readonly unit: string;
  readonly competencies: readonly string[];
  readonly education: readonly string[];
  readonly kebutuhan: number;
  readonly functionalLevel?: string;
  readonly pilkadaScope?: boolean;
}

/** Position templates (jabatan) used across the demo agencies. */
export const TEMPLATES = {
  'kadis-kesehatan': {
    title: 'Kepala Dinas Kesehatan',
    positionClass: 'JPT_PRATAMA',
    unit: 'Dinas Kesehatan',
    competencies: ['KEPEMIMPINAN', 'KESEHATAN_MASYARAKAT', 'MANAJEMEN_SDM'],
    education: ['KESEHATAN_MASYARAKAT', 'KEDOKTERAN'],
    kebutuhan: 1,
  },
  'kabid-perencanaan': {
    title: 'Kepala Bidang Perencanaan dan Evaluasi',
    positionClass: 'ADMINISTRATOR',
    unit: 'Bappeda',
    competencies: ['PERENCANAAN', 'ANALISIS_KEBIJAKAN', 'KEPEMIMPINAN'],
    education: ['EKONOMI', 'PERENCANAAN_WILAYAH'],
    kebutuhan: 1,
  },
  'kabag-hukum': {
    title: 'Kepala Bagian Hukum',
    positionClass: 'ADMINISTRATOR',
    unit: 'Sekretariat Daerah',
    competencies: ['HUKUM', 'KEPEMIMPINAN'],
    education: ['HUKUM'],
    kebutuhan: 1,
  },
  'kasubbag-kepegawaian': {
    title: 'Kepala Subbagian Umum dan Kepegawaian',
    positionClass: 'PENGAWAS',
    unit: 'Sekretariat Daerah',
    competencies: ['MANAJEMEN_SDM', 'PELAYANAN_PUBLIK'],
    education: ['ADMINISTRASI_PUBLIK', 'HUKUM'],
    kebutuhan: 2,
  },
  'analis-kebijakan': {
    title: 'Analis Kebijakan Ahli Muda',
    positionClass: 'FUNGSIONAL',
    functionalLevel: 'AHLI_MUDA',
    unit: 'Bappeda',
    competencies: ['ANALISIS_KEBIJAKAN', 'STATISTIK'],
    education: ['ADMINISTRASI_PUBLIK', 'EKONOMI'],
    kebutuhan: 8,
  },
  'analis-sdm': {
    title: 'Analis SDM Aparatur Ahli Pertama',
    positionClass: 'FUNGSIONAL',
    functionalLevel: 'AHLI_PERTAMA',
    unit: 'BKPSDM',
    competencies: ['MANAJEMEN_SDM'],
    education: ['ADMINISTRASI_PUBLIK', 'PSIKOLOGI', 'HUKUM'],
    kebutuhan: 12,
  },
  'pranata-komputer': {
    title: 'Pranata Komputer Ahli Pertama',
    positionClass: 'FUNGSIONAL',
    functionalLevel: 'AHLI_PERTAMA',
    unit: 'Dinas Komunikasi dan Informatika',
    competencies: ['TEKNOLOGI_INFORMASI'],
    education: ['TEKNIK_INFORMATIKA'],
    kebutuhan: 6,
  },
  'kepala-puskesmas': {
    title: 'Kepala Puskesmas',
    positionClass: 'FUNGSIONAL',
    functionalLevel: 'AHLI_MADYA',
    unit: 'Dinas Kesehatan',
    competencies: ['KESEHATAN_MASYARAKAT', 'KEPEMIMPINAN'],
    education: ['KESEHATAN_MASYARAKAT', 'KEDOKTERAN'],
    kebutuhan: 5,
    pilkadaScope: true,
  },
  'kepala-sekolah': {
    title: 'Kepala Sekolah',
    positionClass: 'FUNGSIONAL',
    functionalLevel: 'AHLI_MADYA',
    unit: 'Dinas Pendidikan',
    competencies: ['PENDIDIKAN', 'KEPEMIMPINAN'],
    education: ['PENDIDIKAN'],
    kebutuhan: 8,
    pilkadaScope: true,
  },
  'pengelola-keuangan': {
    title: 'Pengelola Keuangan',
    positionClass: 'PELAKSANA',
    unit: 'Badan Keuangan Daerah',
    competencies: ['KEUANGAN_DAERAH'],
    education: ['AKUNTANSI', 'EKONOMI'],
    kebutuhan: 10,
  },
  pengadministrasi: {
    title: 'Pengadministrasi Perkantoran',
    positionClass: 'PELAKSANA',
    unit: 'Sekretariat',
    competencies: ['PELAYANAN_PUBLIK'],
    education: ['ADMINISTRASI_PUBLIK', 'SMA'],
    kebutuhan: 18,
  },
  'analis-keuangan': {
    title: 'Analis Keuangan Pusat dan Daerah Ahli Pertama',
    positionClass: 'FUNGSIONAL',
    functionalLevel: 'AHLI_PERTAMA',
    unit: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    competencies: ['KEUANGAN_DAERAH', 'PERENCANAAN_ANGGARAN'],
    education: ['AKUNTANSI', 'EKONOMI'],
    kebutuhan: 4,
  },
  auditor: {
    title: 'Auditor Ahli Muda',
    positionClass: 'FUNGSIONAL',
    functionalLevel: 'AHLI_MUDA',
    unit: 'Inspektorat',
    competencies: ['AUDIT', 'KEUANGAN_DAERAH'],
    education: ['AKUNTANSI', 'HUKUM'],
    kebutuhan: 8,
  },
} as const satisfies Record<string, Template>;

export type TemplateId = keyof typeof TEMPLATES;

const LAYOUT: Readonly<Record<string, readonly TemplateId[]>> = {
  [AGENCY.provNb]: ['kadis-kesehatan', 'kabid-perencanaan', 'kabag-hukum', 'analis-kebijakan', 'analis-sdm', 'pranata-komputer', 'pengadministrasi'],
  [AGENCY.sukamaju]: ['kasubbag-kepegawaian', 'analis-sdm', 'kepala-puskesmas', 'kepala-sekolah', 'pengelola-keuangan', 'pengadministrasi'],
  [AGENCY.bandarLestari]: ['kabid-perencanaan', 'kasubbag-kepegawaian', 'analis-kebijakan', 'analis-sdm', 'pranata-komputer', 'auditor', 'pengelola-keuangan'],
  [AGENCY.lembahHijau]: ['kasubbag-kepegawaian', 'analis-kebijakan', 'analis-sdm', 'kepala-puskesmas', 'pengelola-keuangan', 'pengadministrasi'],
  [AGENCY.provSt]: ['kabid-perencanaan', 'analis-kebijakan', 'analis-sdm', 'auditor', 'pengadministrasi'],
  [AGENCY.tanjungHarapan]: ['kasubbag-kepegawaian', 'analis-sdm', 'kepala-sekolah', 'pengelola-keuangan', 'pengadministrasi'],
  [AGENCY.kementerian]: ['analis-kebijakan', 'analis-sdm', 'pranata-komputer', 'auditor'],
};

/**
 * Positions added to the data set later (issue 10): a deficit in the province that the surplus finance officers of the
 * regencies fit. They come after the others and are filled by a generator of their own, so the rest stays as it was.
 */
export const LATER_POSITIONS: readonly { agencyId: string; template: TemplateId; bezetting: number }[] = [{ agencyId: AGENCY.provNb, template: 'analis-keuangan', bezetting: 2 }];

/** The id of a template's position in an agency, e.g. `kota-bandar-lestari.auditor`. */
export function positionId(agencyId: string, template: TemplateId): string {
  return `${agencyId}.${template}`;
}

/** Positions that must keep a vacancy so the demo and tests can fill them. */
const KEEP_VACANT = new Set([
  positionId(AGENCY.bandarLestari, 'auditor'),
  positionId(AGENCY.provNb, 'analis-sdm'),
  positionId(AGENCY.lembahHijau, 'analis-kebijakan'),
  positionId(AGENCY.bandarLestari, 'pranata-komputer'),
  positionId(AGENCY.bandarLestari, 'analis-sdm'),
  positionId(AGENCY.tanjungHarapan, 'kasubbag-kepegawaian'),
  positionId(AGENCY.bandarLestari, 'kabid-perencanaan'),
  positionId(AGENCY.provSt, 'analis-kebijakan'),
]);

/** The 40 positions of the demo data set; `bezetting` is set later from the employees placed in them. */
export function demoPositions(prng: Prng): Position[] {
  const later = LATER_POSITIONS.map(({ agencyId, template, bezetting }): Position => {
    const t: Template = TEMPLATES[template];
    return {
      id: positionId(agencyId, template),
      agencyId,
      unit: t.unit,
      title: t.title,
      positionClass: t.positionClass,
      functionalLevel: t.functionalLevel ?? null,
      requiredCompetencies: t.competencies,
      requiredEducationFields: t.education,
      kebutuhan: t.kebutuhan,
      bezetting,
      pilkadaScope: t.pilkadaScope ?? false,
      abkTasks: DEMO_ABK[template] ?? null,
    };
  });
  return [...layoutPositions(prng), ...later];
}

function layoutPositions(prng: Prng): Position[] {
  return Object.entries(LAYOUT).flatMap(([agencyId, templates]) =>
    templates.map((template): Position => {
      const t: Template = TEMPLATES[template];
      const id = positionId(agencyId, template);
      const vacancies = KEEP_VACANT.has(id) ? 1 : t.kebutuhan === 1 ? 0 : prng.int(0, 1);
      return {
        id,
        agencyId,
        unit: t.unit,
        title: t.title,
        positionClass: t.positionClass,
        functionalLevel: t.functionalLevel ?? null,
        requiredCompetencies: t.competencies,
        requiredEducationFields: t.education,
        kebutuhan: t.kebutuhan,
        bezetting: t.kebutuhan - vacancies,
        pilkadaScope: t.pilkadaScope ?? false,
        abkTasks: DEMO_ABK[template] ?? null,
      };
    }),
  );
}
