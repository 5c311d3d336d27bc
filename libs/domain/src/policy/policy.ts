import { IsoDate } from '../shared/dates';
import { PpkStatus } from '../reference/agency';
import { PositionClass } from '../reference/position';
import { SkpRating } from '../values/skp';

/** A threshold with the law it comes from, so a rule outcome can say which law set the number. */
export interface Threshold<T> {
  readonly value: T;
  readonly legalBasis: string;
  readonly note?: string;
}

/** Weights of the merit score (M-01); they sum to 1. */
export interface MeritWeights {
  readonly skp: number;
  readonly competency: number;
  readonly education: number;
  readonly timeInPost: number;
  /** Competency assessment results (uji kompetensi), from `merit-score/v2`; 0 in earlier versions. */
  readonly assessment: number;
}

/** A ground the policy lists for overriding: chosen by code, with its legal basis; free text only explains. */
export interface ExceptionGroundOption {
  readonly code: string;
  readonly ruleId: 'R-03' | 'R-44';
  readonly label: string;
  readonly legalBasis: string;
}

/** how education fit counts: refused, flagged, or only a weight in the merit score. */
export type EducationFitMode = 'BLOCK' | 'FLAG' | 'WEIGHT';

/** How a training plan is derived from a competency gap. */
export interface TrainingPlanRules {
  readonly enabled: boolean;
  /** Hours planned for each competency the candidate lacks. */
  readonly hoursPerGap: number;
  readonly kind: 'PELATIHAN' | 'DIKLAT' | 'E_LEARNING' | 'MENTORING' | 'COACHING';
  /** Whether gap items are due before the TMT (and so block the decree until done or waived). */
  readonly beforeTmt: boolean;
  /** Days after the proposal by which a before-TMT item is due. */
  readonly beforeTmtDays: number;
  /** Months after the TMT by which an after-TMT item is due. */
  readonly afterTmtMonths: number;
}

/** the positions the President decides on, by class and by functional level. */
export interface PresidentialPositions {
  readonly mode: 'NOT_APPLIED' | 'REFUSE';
  readonly classes: readonly PositionClass[];
  readonly functionalLevels: readonly string[];
}

/** Steps of route chains that changed with the corrections of 2026-12-01. */
export interface ChainShape {
  /** INTER_PROVINCE with a kabupaten/kota receiving goes to Mendagri through the receiving side's governor. */
  readonly interProvinceThroughGovernor: boolean;
  /** KABKOTA_TO_PROVINSI has a separate forwarding step by the governor (redundant: the governor is the receiving PPK). */
  readonly kabkotaToProvinsiForwarding: boolean;
}

/** Points of the post-transfer evaluation (M-08) and the verdict thresholds. */
export interface EvaluationScoring {
  readonly vacancyClosed: number;
  readonly skpHeldOrImproved: number;
  readonly skpOneStepDown: number;
  /** Points for competency fit 5 of 5 (scaled linearly). */
  readonly competencyFit: number;
  readonly metAt: number;
  readonly partlyMetAt: number;
}

/**
 * One version of the rules' numbers. Rules are pure functions over a policy version; a case records the version
 * each decision used, so a later change never rewrites history. No threshold is a literal in rule code.
 */
export interface Policy {
  readonly version: string;
  readonly effectiveFrom: IsoDate;
  readonly description: string;
  readonly minYearsInPost: Threshold<number>;
  readonly maxYearsInPost: Threshold<number>;
  readonly selfRequestLockYears: Threshold<number>;
  readonly skpYearsRequired: Threshold<number>;
  readonly minimumSkp: Threshold<SkpRating>;
  readonly electionFreezeMonthsBeforePaslon: Threshold<number>;
  readonly postInaugurationMonths: Threshold<number>;
  readonly pilkadaScopeClasses: Threshold<readonly PositionClass[]>;
  readonly jptLockYears: Threshold<number>;
  readonly pertekDays: Threshold<number>;
  readonly stepDeadlineDays: Threshold<number>;
  readonly escalationDays: Threshold<number>;
  readonly appointmentWorkingDays: Threshold<number>;
  readonly objectionWindowDays: Threshold<number>;
  readonly objectionDecisionDays: Threshold<number>;
  readonly evaluationMonths: Threshold<readonly number[]>;
  readonly repeatMoveYears: Threshold<number>;
  readonly ppkDecreeBurst: Threshold<{ readonly count: number; readonly windowDays: number }>;
  readonly meritScoreVersion: string;
  readonly meritWeights: Threshold<MeritWeights>;
  readonly minimumCompetencyFit: Threshold<number>;
  /** M-06: the decree's TMT falls at most this many days after the decree date. */
  readonly maxDaysFromDecreeToTmt: Threshold<number>;
  /** M-05: eligibility inputs changed by an import this many days before a proposal raise a flag. */
  readonly eligibilityChangeWindowDays: Threshold<number>;
  /** from this day of the year (MM-DD) the previous year's SKP rating is expected on record. */
  readonly skpRatingDueBy: Threshold<string>;
  /** M-08: how an evaluation is scored against the original justification. */
  readonly evaluationScoring: Threshold<EvaluationScoring>;
  /** whether the JPT lock applies (an agency policy since UU 5/2014 Pasal 116 was revoked). */
  readonly jptLockEnabled: Threshold<boolean>;
  /** positions whose transfer the President decides (not the agency's PPK), and how Mutasi treats them. */
  readonly presidentialPositions: Threshold<PresidentialPositions>;
  /** a move from one JPT to another needs a competency test (uji kompetensi) recorded on the case. */
  readonly jptCompetencyTest: Threshold<boolean>;
  /** a PPPK may move inside one agency with a MenPAN-RB recommendation. */
  readonly pppkInternalMove: Threshold<boolean>;
  /** whether the objection decision deadline counts working days or calendar days. */
  readonly objectionDecisionCounting: Threshold<'CALENDAR' | 'WORKING'>;
  /** Route shapes the corrections changed (docs/domain.md §4). */
  readonly chainShape: Threshold<ChainShape>;
  /** a regional head reports every replacement to Mendagri within some working days of the decree. */
  readonly replacementReport: Threshold<{ readonly enabled: boolean; readonly workingDays: number }>;
  /** the acting heads (Penjabat, Plt) whose moves need Mendagri's written approval. */
  readonly actingHeads: Threshold<readonly PpkStatus[]>;
  /** R-46: the acting heads' moves also need a BKN head office pertek. */
  readonly actingHeadPertek: Threshold<boolean>;
  /** ABK: effective working hours of one employee a year (the divisor of the workload analysis). */
  readonly abkEffectiveHoursPerYear: Threshold<number>;
  /** a needs analysis whose figures differ from the record (computed from the ABK) is refused or only flagged. */
  readonly needsFiguresMismatch: Threshold<'REFUSE' | 'FLAG'>;
  /** whether a plan reference must name a mutation plan on record (by id) covering the target position. */
  readonly planOnRecord: Threshold<boolean>;
  /** Who the M-01 pool holds: same-titled holders in the origin and target agency (v1), or the province's relevant employees. */
  readonly meritPool: Threshold<'SAME_TITLE_ORIGIN_TARGET' | 'PROVINCE'>;
  /** education fit as a rule (refuse, flag) or only a weight. */
  readonly educationFit: Threshold<EducationFitMode>;
  /** the grounds an exception may rest on (null: free text, as before 2026.12). */
  readonly exceptionGrounds: Threshold<readonly ExceptionGroundOption[] | null>;
  /** How many years a competency assessment counts in the merit score. */
  readonly assessmentValidityYears: Threshold<number>;
  /** the training plan derived from the competency gap at proposal. */
  readonly trainingPlan: Threshold<TrainingPlanRules>;
  /** Largest accepted text field, to keep events small. */
  readonly maxTextLength: number;
}

/** The policy version in force on `date`: the newest whose effective date is on or before it. */
export function policyAt(policies: readonly Policy[], date: IsoDate): Policy {
  const inForce = policies.filter((p) => p.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const chosen = inForce[0];
  if (!chosen) throw new Error(`no policy version is in force on ${date}`);
  return chosen;
}

/**
 * The policy a recorded decision used, by its version; for readers of old or foreign events, which must never fail:
 * an unknown version falls back to the version in force on `date`, and a date before every version to the oldest.
 */
export function policyForRecord(policies: readonly Policy[], version: unknown, date: IsoDate): Policy {
  const byVersion = policies.find((p) => p.version === version);
  if (byVersion) return byVersion;
  const sorted = [...policies].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const oldest = sorted[0];
  if (!oldest) throw new Error('no policy versions are on record');
  const inForce = sorted.filter((p) => p.effectiveFrom <= date).at(-1);
  return inForce ?? oldest;
}
