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
    value: { skp: 0.4, competency: 0.3, education: 0.15, timeInPost: 0.15 },
    legalBasis: 'UU 20/2023 Pasal 9 ayat (2): merit system',
  },
  minimumCompetencyFit: { value: 0.5, legalBasis: `${PP11}(4): competencies fit the target position` },
  maxDaysFromDecreeToTmt: { value: 30, legalBasis: 'agency policy (M-06): the TMT follows the decree closely, so the appointment can follow the TMT within the R-31 deadline', note: 'no regulation found' },
  eligibilityChangeWindowDays: { value: 90, legalBasis: 'agency policy (M-05): eligibility inputs changed shortly before a proposal are shown to inspectors' },
  skpRatingDueBy: { value: '04-01', legalBasis: 'agency policy (R-24): the annual SKP rating of a year is finalised early the next year', note: 'before this day the previous year is not yet required' },
  evaluationScoring: {
    value: { vacancyClosed: 40, skpHeldOrImproved: 30, skpOneStepDown: 15, competencyFit: 30, metAt: 70, partlyMetAt: 40 },
    legalBasis: 'agency policy (M-08): the evaluation is scored against the original justification, a vacancy filled by a fitting person',
  },
  maxTextLength: 4000,
};

/** Every policy version, oldest first. */
export const DEFAULT_POLICIES: readonly Policy[] = [POLICY_2024_1];
