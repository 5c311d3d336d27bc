import { addDays, completedMonths, IsoInstant, toDate } from '../shared/dates';
import { Policy } from '../policy/policy';
import { CompetencyAssessment, EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { skpPoints } from '../values/skp';
import { competencyFit } from '../rules/vacancy-rules';
import { outcome, RuleOutcome } from '../rules/outcome';
import { assessedSkpYears } from '../rules/eligibility-rules';

/** One candidate's merit score, with its parts, as snapshotted in the proposal. */
export interface MeritEntry {
  readonly nip: string;
  readonly name: string;
  readonly score: number;
  readonly rank: number;
  readonly parts: MeritParts;
}

/** The parts of a merit score, each 0–1; `assessment` from `merit-score/v2`. */
export interface MeritParts {
  readonly skp: number;
  readonly competency: number;
  readonly education: number;
  readonly timeInPost: number;
  readonly assessment?: number;
}

/** The ranking of the eligible candidates for a vacancy (M-01), with the score version that produced it. */
export interface MeritRanking {
  readonly scoreVersion: string;
  readonly policyVersion: string;
  readonly entries: readonly MeritEntry[];
  /** How many employees the pool held, eligible or not (recorded from merit-score/v2 on). */
  readonly poolSize?: number;
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;

/** 0–1: mean SKP points of the last required years, scaled so SANGAT_BAIK = 1. */
function skpPart(employee: EmployeeSnapshot, now: IsoInstant, policy: Policy): number {
  const years = assessedSkpYears(now, policy);
  const points = years.map((y) => {
    const rating = employee.skp.find((s) => s.year === y)?.rating;
    return rating === undefined ? 0 : skpPoints(rating);
  });
  return points.reduce((a, b) => a + b, 0) / (points.length * 5);
}

/** 0–1: time in post scores highest inside the R-03 band and falls off outside it. */
function timeInPostPart(employee: EmployeeSnapshot, now: IsoInstant, policy: Policy): number {
  const months = completedMonths(employee.positionSince, now);
  const min = policy.minYearsInPost.value * 12;
  const max = policy.maxYearsInPost.value * 12;
  if (months >= min && months <= max) return 1;
  if (months < min) return months / min;
  return Math.max(0, 1 - (months - max) / max);
}

/** The assessments on record still valid on `now` (within `assessmentValidityYears`), the latest per competency. */
export function validAssessments(employee: EmployeeSnapshot, now: IsoInstant, policy: Policy): Map<string, CompetencyAssessment> {
  const from = addDays(toDate(now), -Math.round(policy.assessmentValidityYears.value * 365.25));
  const latest = new Map<string, CompetencyAssessment>();
  for (const a of employee.assessments ?? []) {
    if (a.date < from || a.date > toDate(now)) continue;
    const held = latest.get(a.competency);
    if (!held || a.date > held.date) latest.set(a.competency, a);
  }
  return latest;
}

/** 0–1: the mean level (of 5) of the valid assessments of the position's required competencies; unassessed ones count 0. */
function assessmentPart(employee: EmployeeSnapshot, position: Position, now: IsoInstant, policy: Policy): number {
  const valid = validAssessments(employee, now, policy);
  const wanted = position.requiredCompetencies.length > 0 ? position.requiredCompetencies : [...valid.keys()];
  if (wanted.length === 0) return 0;
  return wanted.reduce((sum, c) => sum + (valid.get(c)?.level ?? 0) / 5, 0) / wanted.length;
}

/** Whether the employee's education field is one the position lists (any, when it lists none). */
export function educationFits(employee: EmployeeSnapshot, position: Position): boolean {
  return position.requiredEducationFields.length === 0 || position.requiredEducationFields.includes(employee.educationField);
}

/** The merit score of one candidate for a position, in the policy's score version (v1 without assessments, v2 with). */
export function meritScore(employee: EmployeeSnapshot, position: Position, now: IsoInstant, policy: Policy): MeritParts & { total: number } {
  const w = policy.meritWeights.value;
  const parts = {
    skp: round(skpPart(employee, now, policy)),
    competency: round(competencyFit(employee, position)),
    education: educationFits(employee, position) ? 1 : 0,
    timeInPost: round(timeInPostPart(employee, now, policy)),
  };
  const base = parts.skp * w.skp + parts.competency * w.competency + parts.education * w.education + parts.timeInPost * w.timeInPost;
  if (policy.meritScoreVersion === 'merit-score/v1') return { ...parts, total: round(base) };
  const assessment = round(assessmentPart(employee, position, now, policy));
  return { ...parts, assessment, total: round(base + assessment * w.assessment) };
}

/** Ranks candidates by score, best first; ties go to the lower NIP so the order is deterministic. */
export function rankCandidates(candidates: readonly EmployeeSnapshot[], position: Position, now: IsoInstant, policy: Policy): MeritRanking {
  const unique = candidates.filter((c, i) => candidates.findIndex((o) => o.nip === c.nip) === i);
  const scored = unique.map((c) => ({ c, s: meritScore(c, position, now, policy) }));
  scored.sort((a, b) => b.s.total - a.s.total || (a.c.nip < b.c.nip ? -1 : 1));
  return {
    scoreVersion: policy.meritScoreVersion,
    policyVersion: policy.version,
    entries: scored.map(({ c, s }, i) => ({
      nip: c.nip,
      name: c.name,
      score: s.total,
      rank: i + 1,
      parts: { skp: s.skp, competency: s.competency, education: s.education, timeInPost: s.timeInPost, ...(s.assessment !== undefined ? { assessment: s.assessment } : {}) },
    })),
  };
}

/**
 * M-01: choosing a candidate who is not ranked first needs a written justification; with one the choice goes
 * through and is flagged for inspectors, without one it is refused.
 */
export function m01MeritChoice(ranking: MeritRanking, chosenNip: string, justification: string | null, policy: Policy): RuleOutcome {
  const basis = policy.meritWeights.legalBasis;
  const chosen = ranking.entries.find((e) => e.nip === chosenNip);
  const best = ranking.entries[0];
  const inputs = {
    chosenNip,
    chosenRank: chosen?.rank ?? null,
    chosenScore: chosen?.score ?? null,
    bestNip: best?.nip ?? null,
    bestScore: best?.score ?? null,
    candidates: ranking.entries.length,
    scoreVersion: ranking.scoreVersion,
  };
  if (chosen === undefined || best === undefined || chosen.rank === 1 || chosen.score === best.score) {
    return outcome('M-01', 'PASS', 'calon yang dipilih berada di peringkat pertama di antara calon yang memenuhi syarat', basis, inputs);
  }
  if (justification === null || justification.trim() === '') {
    return outcome(
      'M-01',
      'BLOCK',
      `calon yang dipilih berada di peringkat ${chosen.rank} dari ${ranking.entries.length} (skor ${chosen.score} dibanding ${best.score}); wajib ada alasan merit tertulis`,
      basis,
      inputs,
      'RULE_M01_MERIT_JUSTIFICATION',
    );
  }
  return outcome('M-01', 'FLAG', `calon dengan peringkat lebih rendah (peringkat ${chosen.rank} dari ${ranking.entries.length}) dipilih dengan alasan: ${justification}`, basis, {
    ...inputs,
    justification,
  });
}
