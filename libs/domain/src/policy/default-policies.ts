import { Policy } from './policy';

const PP11 = 'PP 11/2017 jo. PP 17/2020 Pasal 190';
const PERBAN5 = 'Peraturan BKN 5/2019 Pasal 3';

/** National holidays and cuti bersama 2024–2026 (SKB 3 Menteri), for working-day deadlines. */
const NON_WORKING_DAYS = [
  '2024-01-01', '2024-02-08', '2024-02-09', '2024-02-10', '2024-02-14', '2024-03-11', '2024-03-29', '2024-03-31',
  '2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12', '2024-04-15', '2024-05-01', '2024-05-09',
  '2024-05-10', '2024-05-23', '2024-05-24', '2024-06-01', '2024-06-17', '2024-06-18', '2024-07-07', '2024-08-17',
  '2024-09-16', '2024-11-27', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-03-28', '2025-03-29', '2025-03-31', '2025-04-01',
  '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-04-18', '2025-05-01', '2025-05-12', '2025-05-13',
  '2025-05-29', '2025-05-30', '2025-06-01', '2025-06-06', '2025-06-09', '2025-06-27', '2025-08-17', '2025-08-18',
  '2025-09-05', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-01-16', '2026-02-17', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24', '2026-04-03',
  '2026-05-01', '2026-05-14', '2026-05-27', '2026-05-31', '2026-06-01', '2026-06-16', '2026-08-17', '2026-08-25',
  '2026-12-24', '2026-12-25',
] as const;

/**
 * The first policy version: thresholds as read from the sources in domain.md §6. Sources were read second-hand;
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
  nonWorkingDays: { value: NON_WORKING_DAYS, legalBasis: 'SKB 3 Menteri on national holidays and cuti bersama' },
  maxTextLength: 4000,
};

/** Every policy version, oldest first. */
export const DEFAULT_POLICIES: readonly Policy[] = [POLICY_2024_1];
