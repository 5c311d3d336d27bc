import { Policy } from './policy';

const PP11 = 'PP 11/2017 jo. PP 17/2020 Pasal 190';
const PERBAN5 = 'Peraturan BKN 5/2019 Pasal 3';

/**
 * The first policy version: thresholds as read from the sources in docs/domain.md §6. Sources were read second-hand;
 * where none was found the note says so.
 */
export const POLICY_2024_1: Policy = {
  version: 'mutasi-policy/2024.1',
  effectiveFrom: '2024-01-01',
  description: 'Thresholds of PP 11/2017, UU 10/2016, UU 5/2014, PermenPAN-RB 6/2024 and Peraturan BKN 5/2019',
  minYearsInPost: { value: 2, legalBasis: `${PP11}(3)`, note: 'a 6-month minimum was announced in 2025; no regulation found' },
  maxYearsInPost: { value: 5, legalBasis: `${PP11}(3)` },
  selfRequestLockYears: { value: 10, legalBasis: 'PermenPAN-RB 6/2024 Pasal 59' },
  skpYearsRequired: { value: 2, legalBasis: PERBAN5 },
  minimumSkp: { value: 'BAIK', legalBasis: PERBAN5 },
  electionFreezeMonthsBeforePaslon: { value: 6, legalBasis: 'UU 10/2016 Pasal 71 ayat (2) dan (4)' },
  postInaugurationMonths: { value: 6, legalBasis: 'UU 10/2016 Pasal 162 ayat (3)' },
  pilkadaScopeClasses: {
    value: ['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS'],
    legalBasis: 'Surat Edaran Mendagri 2024 (R-41)',
    note: 'functional positions heading a unit are in scope through Position.pilkadaScope',
  },
  jptLockYears: { value: 2, legalBasis: 'UU 5/2014 Pasal 116 ayat (1)' },
  pertekDays: { value: 15, legalBasis: 'BKN statement (R-30): pertek within 15 days of a complete file' },
  stepDeadlineDays: { value: 14, legalBasis: 'local practice (R-30): every approval step has a deadline', note: 'no regulation found' },
  escalationDays: { value: 7, legalBasis: 'local practice (R-30): overdue steps escalate again after this many days' },
  appointmentWorkingDays: { value: 30, legalBasis: 'BKN statement (R-31)' },
  objectionWindowDays: { value: 14, legalBasis: 'PP 79/2021 (reported) (R-32)' },
  objectionDecisionDays: { value: 21, legalBasis: 'PP 79/2021 (reported) (R-32)' },
  evaluationMonths: { value: [6, 12], legalBasis: `${PP11}: evaluation of the transfer`, note: 'schedule is local practice' },
  repeatMoveYears: { value: 2, legalBasis: 'anti-interference pattern (M-03)' },
  ppkDecreeBurst: { value: { count: 10, windowDays: 30 }, legalBasis: 'anti-interference pattern (M-03)' },
  meritScoreVersion: 'merit-score/v1',
  meritWeights: {
    value: { skp: 0.4, competency: 0.3, education: 0.15, timeInPost: 0.15, assessment: 0 },
    legalBasis: 'UU 20/2023 Pasal 9 ayat (2): merit system',
  },
  minimumCompetencyFit: { value: 0.5, legalBasis: `${PP11}(4): competencies fit the target position` },
  maxDaysFromDecreeToTmt: {
    value: 30,
    legalBasis: 'agency policy (M-06): the TMT follows the decree closely, so the appointment can follow the TMT within the R-31 deadline',
    note: 'no regulation found',
  },
  eligibilityChangeWindowDays: { value: 90, legalBasis: 'agency policy (M-05): eligibility inputs changed shortly before a proposal are shown to inspectors' },
  skpRatingDueBy: {
    value: '04-01',
    legalBasis: 'agency policy (R-24): the annual SKP rating of a year is finalised early the next year',
    note: 'before this day the previous year is not yet required',
  },
  evaluationScoring: {
    value: { vacancyClosed: 40, skpHeldOrImproved: 30, skpOneStepDown: 15, competencyFit: 30, metAt: 70, partlyMetAt: 40 },
    legalBasis: 'agency policy (M-08): the evaluation is scored against the original justification, a vacancy filled by a fitting person',
  },
  jptLockEnabled: { value: true, legalBasis: 'UU 5/2014 Pasal 116 ayat (1)' },
  presidentialPositions: { value: { mode: 'NOT_APPLIED', classes: [], functionalLevels: [] }, legalBasis: 'not applied in this version' },
  jptCompetencyTest: { value: false, legalBasis: 'not applied in this version' },
  pppkInternalMove: { value: false, legalBasis: 'PP 49/2018: no mutation scheme for PPPK' },
  objectionDecisionCounting: { value: 'CALENDAR', legalBasis: 'PP 79/2021 (reported) (R-32)' },
  chainShape: { value: { interProvinceThroughGovernor: false, kabkotaToProvinsiForwarding: true }, legalBasis: 'docs/domain.md §4 as first written' },
  replacementReport: { value: { enabled: false, workingDays: 7 }, legalBasis: 'not applied in this version' },
  actingHeads: { value: ['PENJABAT'], legalBasis: 'PP 49/2008 Pasal 132A' },
  actingHeadPertek: { value: true, legalBasis: 'Perpres 116/2022' },
  abkEffectiveHoursPerYear: {
    value: 1250,
    legalBasis: 'statement: 1,250 effective hours a year (5-day week), attributed to PermenPAN-RB 1/2020 (text not read); older guidance 1,200 (Perka BKN 19/2011)',
  },
  needsFiguresMismatch: { value: 'REFUSE', legalBasis: `${PP11}(4): the need is shown by the ABK on record` },
  planOnRecord: { value: false, legalBasis: 'not applied in this version: the plan was named in free text' },
  meritPool: { value: 'SAME_TITLE_ORIGIN_TARGET', legalBasis: 'merit-score/v1: holders of a position of the same title in the origin or the target agency' },
  educationFit: { value: 'WEIGHT', legalBasis: 'merit-score/v1: education fit is a weight only' },
  exceptionGrounds: { value: null, legalBasis: 'not applied in this version: a ground was free text' },
  assessmentValidityYears: { value: 3, legalBasis: 'not used in merit-score/v1' },
  trainingPlan: { value: { enabled: false, hoursPerGap: 20, kind: 'PELATIHAN', beforeTmt: true, beforeTmtDays: 60, afterTmtMonths: 6 }, legalBasis: 'not applied in this version' },
  maxTextLength: 4000,
};

const CHECKED = 'checked 2026-12-01';
const R03_GROUNDS = 'agency policy: PP 11/2017 Pasal 190 ayat (3) sets the 2-year minimum and lists no exceptions; these are the grounds the agency accepts';
const R44_GROUNDS = 'agency policy; background: UU 5/2014 Pasal 116 ayat (1) (revoked by UU 20/2023) allowed a replacement within 2 years only for these';

/** The grounds an exception to may rest on (policy 2026.12). */
const EXCEPTION_GROUNDS: Policy['exceptionGrounds']['value'] = [
  { code: 'R03_PENATAAN_ORGANISASI', ruleId: 'R-03', label: 'penataan organisasi (restructuring of the organisation)', legalBasis: R03_GROUNDS },
  { code: 'R03_KEBUTUHAN_MENDESAK', ruleId: 'R-03', label: 'kebutuhan organisasi yang mendesak (an urgent organisational need, documented)', legalBasis: R03_GROUNDS },
  { code: 'R03_PENUGASAN_KHUSUS', ruleId: 'R-03', label: 'penugasan khusus (a special assignment of national priority)', legalBasis: R03_GROUNDS },
  { code: 'R44_MELANGGAR_PERATURAN', ruleId: 'R-44', label: 'melanggar ketentuan peraturan perundang-undangan (the official broke the law)', legalBasis: R44_GROUNDS },
  { code: 'R44_TIDAK_MEMENUHI_SYARAT', ruleId: 'R-44', label: 'tidak lagi memenuhi syarat jabatan (no longer meets the requirements of the position)', legalBasis: R44_GROUNDS },
  {
    code: 'R44_PENATAAN_ORGANISASI',
    ruleId: 'R-44',
    label: 'penataan organisasi (the position is abolished or restructured)',
    legalBasis: `${R44_GROUNDS}; the restructuring is the agency's own addition`,
  },
];

/**
 * The law as it stands on 2026-12-01 (docs/domain.md §6, docs/rules.md): revoked and misread sources corrected, sources that are official
 * statements or agency policy said to be so, the President's positions, PPPK moves inside one agency, working-day
 * deadlines, the corrected chains, R-33 and acting heads (Plt). Decisions taken under 2024.1 keep their version.
 */
export const POLICY_2026_12: Policy = {
  ...POLICY_2024_1,
  version: 'mutasi-policy/2026.12',
  effectiveFrom: '2026-12-01',
  description:
    'The law as it stands on 2026-12-01: UU 20/2023, PP 11/2017 jo. PP 17/2020, Peraturan BKN 5/2019, PermenPAN-RB 6/2024, official statements and agency policy, each marked',
  minYearsInPost: { value: 2, legalBasis: `${PP11}(3) (in force, ${CHECKED})`, note: 'a 6-month minimum was announced in 2025 (statement); no regulation found' },
  maxYearsInPost: { value: 5, legalBasis: `${PP11}(3) (in force, ${CHECKED})` },
  selfRequestLockYears: {
    value: 10,
    legalBasis: `PermenPAN-RB 6/2024 Pasal 59 ayat (2), from TMT PNS (in force, ${CHECKED})`,
    note: 'Pasal 59 ayat (4): an employee who insists on the move is deemed to have resigned',
  },
  jptLockYears: {
    value: 2,
    legalBasis: 'agency policy (R-44); background: UU 5/2014 Pasal 116 ayat (1), revoked by UU 20/2023 on 2023-10-31, no successor provision found',
    note: 'configurable: jptLockEnabled',
  },
  jptLockEnabled: { value: true, legalBasis: 'agency policy (R-44), default on; UU 5/2014 Pasal 116 was revoked by UU 20/2023' },
  pertekDays: { value: 15, legalBasis: `official statement (R-30): BKN completes within 15 calendar days of a complete file (BKN, 2019; not an article) (${CHECKED})` },
  stepDeadlineDays: { value: 14, legalBasis: 'agency policy (R-30): every other approval step has a deadline', note: 'no regulation times these steps' },
  escalationDays: { value: 7, legalBasis: 'agency policy (R-30): overdue steps escalate again after this many days' },
  appointmentWorkingDays: { value: 30, legalBasis: `official statement (R-31): appointment within 30 working days of the decree (BKN, 2019) (${CHECKED})` },
  objectionWindowDays: { value: 14, legalBasis: 'official statement (R-32): 14 days to object, as a regional official stated it', note: 'no article found for the window' },
  objectionDecisionDays: { value: 21, legalBasis: `official statement (R-32): the PPK decides an objection within 21 working days (${CHECKED})` },
  objectionDecisionCounting: { value: 'WORKING', legalBasis: `official statement (R-32): 21 working days (${CHECKED})` },
  meritScoreVersion: 'merit-score/v2',
  meritWeights: {
    value: { skp: 0.35, competency: 0.25, education: 0.1, timeInPost: 0.15, assessment: 0.15 },
    legalBasis:
      'agency policy (M-01): ranking candidates by a versioned score is how Mutasi applies the merit system; background: the merit principle of UU 20/2023 (qualification, competency and performance)',
    note: 'merit-score/v2 adds competency assessment results (uji kompetensi) on record',
  },
  meritPool: {
    value: 'PROVINCE',
    legalBasis:
      'agency policy (M-01): the pool is every employee of the proposing agency and of the regional governments of its province (a central agency: of the central agencies) who holds the title or one of the required competencies',
    note: 'moves from further away (another province) are possible; their candidates are ranked against this pool',
  },
  educationFit: {
    value: 'FLAG',
    legalBasis: `${PERBAN5} and PP 11/2017 Pasal 190 ayat (2): the qualification (kualifikasi) the position requires is weighed in a mutation (statement of the requirement; the articles were read second-hand, ${CHECKED})`,
    note: 'agency policy: a candidate whose education field the position does not list is flagged for inspectors; BLOCK refuses, WEIGHT only scores',
  },
  exceptionGrounds: { value: EXCEPTION_GROUNDS, legalBasis: 'agency policy (R-03, R-44): an exception rests on a listed ground; free text only explains it' },
  assessmentValidityYears: {
    value: 3,
    legalBasis: 'agency policy (merit-score/v2): a competency assessment counts for 3 years, as assessment centres commonly report validity',
    note: 'no regulation found for the validity period',
  },
  trainingPlan: {
    value: { enabled: true, hoursPerGap: 20, kind: 'PELATIHAN', beforeTmt: true, beforeTmtDays: 60, afterTmtMonths: 6 },
    legalBasis: `UU 20/2023 (pengembangan kompetensi is a right and duty of every ASN) and PP 11/2017 Pasal 203 (competency development of at least 20 hours a year; statement, read second-hand, ${CHECKED})`,
    note: 'agency policy (R-09): a gap competency is planned as 20 hours of training due before the TMT; the decree waits for it until done or waived',
  },
  presidentialPositions: {
    value: { mode: 'REFUSE', classes: ['JPT_UTAMA', 'JPT_MADYA'], functionalLevels: ['AHLI_UTAMA'] },
    legalBasis: `PP 11/2017 Pasal 3 ayat (3); UU 20/2023 Pasal 29 ayat (1): the transfer is not delegated to the agency's PPK (in force, ${CHECKED})`,
    note: 'REFUSE: Mutasi does not run the presidential procedure (through the Ministry of State Secretariat); a later version may add it as a step',
  },
  jptCompetencyTest: {
    value: true,
    legalBasis: `PP 17/2020 (amending PP 11/2017): a move from one JPT to another needs a competency test (uji kompetensi) (in force, ${CHECKED})`,
  },
  pppkInternalMove: {
    value: true,
    legalBasis: `official statement (R-62): KepMenPAN-RB 16/2025 as reported in November 2025: a PPPK may move inside one agency with a MenPAN-RB recommendation (${CHECKED})`,
  },
  chainShape: {
    value: { interProvinceThroughGovernor: true, kabkotaToProvinsiForwarding: false },
    legalBasis: `official statement: inter-province moves into a kabupaten/kota go to Mendagri through the governor, copy to the Head of BKN; KABKOTA_TO_PROVINSI: the governor is the receiving PPK (PP 11/2017) (${CHECKED})`,
  },
  replacementReport: {
    value: { enabled: true, workingDays: 7 },
    legalBasis: `official statement (R-33): SE Mendagri 100.2.1.3/1575/SJ of 2024: a regional head reports every replacement to Mendagri within 7 working days (${CHECKED})`,
  },
  actingHeads: { value: ['PENJABAT', 'PLT'], legalBasis: `PP 49/2008 Pasal 132A; Permendagri 4/2023 Pasal 15 (statement: covers a Plt as well as a Penjabat) (${CHECKED})` },
  actingHeadPertek: { value: true, legalBasis: `official statement (R-46): the Head of BKN's letter on pertek for acting regional heads, not Perpres 116/2022 (${CHECKED})` },
  planOnRecord: { value: true, legalBasis: `${PP11}(1): mutation follows a plan; agency policy: the plan is reference data and a case names it by id (${CHECKED})` },
};

/** Every policy version, oldest first. */
export const DEFAULT_POLICIES: readonly Policy[] = [POLICY_2024_1, POLICY_2026_12];
