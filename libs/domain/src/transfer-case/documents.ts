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
  ANJAB_ABK: 'Analisis jabatan (Anjab) and analisis beban kerja (ABK)',
  EMPLOYEE_APPLICATION: "The employee's written application (R-50)",
  PROPOSAL_LETTER: 'Proposal letter of the receiving PPK naming the position',
  CONSENT_LETTER: 'Consent letter of the releasing PPK naming the position (R-11)',
  NO_DISCIPLINE_STATEMENT: 'Statement of no discipline or court case, signed at JPT Pratama level or above',
  LATEST_DECREE: 'Latest rank or position decree',
  SKP_TWO_YEARS: 'SKP at least BAIK for the last 2 years',
  NO_STUDY_STATEMENT: 'Statement of no study assignment or service bond',
  SKBT: 'SKBT (statement of no outstanding obligations) from the origin Inspektorat',
  KEMENDAGRI_RECOMMENDATION: 'Recommendation of Kemendagri',
  DOWNSIZING_DECREE: 'Organisational downsizing decree (R-61)',
  TRAINING_PLAN: 'Training plan',
  PERIODIC_PERFORMANCE_EVALUATION: 'Periodic performance evaluation in the new post (evaluasi kinerja periodik), with its rating',
  COMPETENCY_TEST_RESULT: 'Competency test result (uji kompetensi) for a move from one JPT to another (R-05)',
  MENPANRB_RECOMMENDATION: 'MenPAN-RB recommendation for a PPPK move inside the agency (R-62)',
  REPLACEMENT_REPORT: 'Report of the replacement to Mendagri (R-33)',
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
