import { Route } from '../routes/route';
import { SkpRating } from '../values/skp';

/** Document kinds of the checklist (Peraturan BKN 5/2019 Pasal 3 ayat (1)) and optional attachments. */
export const DOCUMENT_KINDS = [
  'ANJAB_ABK',
  'EMPLOYEE_APPLICATION',
  'PROPOSAL_LETTER',
  'CONSENT_LETTER',
  'NO_DISCIPLINE_STATEMENT',
  'LATEST_DECREE',
  'SKP_TWO_YEARS',
  'NO_STUDY_STATEMENT',
  'SKBT',
  'KEMENDAGRI_RECOMMENDATION',
  'DOWNSIZING_DECREE',
  'TRAINING_PLAN',
  'PERIODIC_PERFORMANCE_EVALUATION',
  'COMPETENCY_TEST_RESULT',
  'MENPANRB_RECOMMENDATION',
  'REPLACEMENT_REPORT',
  'OTHER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** True when `value` is a known document kind. */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly unknown[]).includes(value);
}

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  ANJAB_ABK: 'Analisis jabatan (Anjab) dan analisis beban kerja (ABK)',
  EMPLOYEE_APPLICATION: 'Permohonan tertulis pegawai (R-50)',
  PROPOSAL_LETTER: 'Surat usulan PPK penerima yang menyebut jabatan',
  CONSENT_LETTER: 'Surat persetujuan PPK asal yang menyebut jabatan (R-11)',
  NO_DISCIPLINE_STATEMENT: 'Surat pernyataan tidak sedang menjalani hukuman disiplin atau proses peradilan, ditandatangani paling rendah pejabat JPT Pratama',
  LATEST_DECREE: 'SK pangkat atau SK jabatan terakhir',
  SKP_TWO_YEARS: 'SKP paling rendah BAIK dalam 2 tahun terakhir',
  NO_STUDY_STATEMENT: 'Surat pernyataan tidak sedang tugas belajar atau terikat ikatan dinas',
  SKBT: 'SKBT (surat keterangan bebas temuan) dari Inspektorat instansi asal',
  KEMENDAGRI_RECOMMENDATION: 'Rekomendasi Kemendagri',
  DOWNSIZING_DECREE: 'Keputusan perampingan organisasi (R-61)',
  TRAINING_PLAN: 'Rencana pelatihan',
  PERIODIC_PERFORMANCE_EVALUATION: 'Evaluasi kinerja periodik pada jabatan baru, beserta predikatnya',
  COMPETENCY_TEST_RESULT: 'Hasil uji kompetensi untuk perpindahan dari satu JPT ke JPT lain (R-05)',
  MENPANRB_RECOMMENDATION: 'Rekomendasi MenPAN-RB untuk perpindahan PPPK di dalam instansi (R-62)',
  REPLACEMENT_REPORT: 'Laporan penggantian pejabat kepada Mendagri (R-33)',
  OTHER: 'Other document',
};

const CROSS_AGENCY: readonly DocumentKind[] = [
  'ANJAB_ABK',
  'EMPLOYEE_APPLICATION',
  'PROPOSAL_LETTER',
  'CONSENT_LETTER',
  'NO_DISCIPLINE_STATEMENT',
  'LATEST_DECREE',
  'SKP_TWO_YEARS',
  'NO_STUDY_STATEMENT',
  'SKBT',
];

/**
 * The documents a route needs verified before approval starts (docs/domain.md §5: cross-agency routes), and those the
 * proposal's rules asked for (R-05 competency test, R-62 MenPAN-RB recommendation).
 */
export function requiredDocuments(route: Route, crossAgency: boolean, asked: readonly DocumentKind[] = []): DocumentKind[] {
  const base: DocumentKind[] =
    route === 'PPPK_PERAMPINGAN' ? ['DOWNSIZING_DECREE'] : !crossAgency ? [] : route === 'INTER_PROVINCE' ? [...CROSS_AGENCY, 'KEMENDAGRI_RECOMMENDATION'] : [...CROSS_AGENCY];
  return [...base, ...asked.filter((k) => !base.includes(k))];
}

/**
 * What a document states that a decision may rely on once a verifier approved it: a periodic performance evaluation
 * states the rating of a period in the new post (M-08).
 */
export interface DocumentStatement {
  readonly skpRating: SkpRating;
  readonly period: string;
}

/** Kinds that may still be attached after the decree (evidence for the evaluation). */
export const POST_DECREE_DOCUMENT_KINDS: readonly DocumentKind[] = ['PERIODIC_PERFORMANCE_EVALUATION', 'OTHER'];
