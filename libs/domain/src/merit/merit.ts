import { completedMonths, IsoInstant } from '../shared/dates';
import { Policy } from '../policy/policy';
import { EmployeeSnapshot } from '../reference/employee';
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
  readonly parts: { readonly skp: number; readonly competency: number; readonly education: number; readonly timeInPost: number };
}

/** The ranking of the eligible candidates for a vacancy (M-01), with the score version that produced it. */
export interface MeritRanking {
  readonly scoreVersion: string;
  readonly policyVersion: string;
  readonly entries: readonly MeritEntry[];
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

/** The merit score of one candidate for a position (score version `merit-score/v1`). */
export function meritScore(employee: EmployeeSnapshot, position: Position, now: IsoInstant, policy: Policy): MeritEntry['parts'] & { total: number } {
  const w = policy.meritWeights.value;
  const parts = {
    skp: round(skpPart(employee, now, policy)),
    competency: round(competencyFit(employee, position)),
    education: position.requiredEducationFields.length === 0 || position.requiredEducationFields.includes(employee.educationField) ? 1 : 0,
    timeInPost: round(timeInPostPart(employee, now, policy)),
  };
  const total = round(parts.skp * w.skp + parts.competency * w.competency + parts.education * w.education + parts.timeInPost * w.timeInPost);
  return { ...parts, total };
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
      parts: { skp: s.skp, competency: s.competency, education: s.education, timeInPost: s.timeInPost },
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
  const inputs = { chosenNip, chosenRank: chosen?.rank ?? null, chosenScore: chosen?.score ?? null, bestNip: best?.nip ?? null, bestScore: best?.score ?? null, candidates: ranking.entries.length, scoreVersion: ranking.scoreVersion };
  if (chosen === undefined || best === undefined || chosen.rank === 1 || chosen.score === best.score) {
    return outcome('M-01', 'PASS', 'the chosen candidate ranks first among the eligible candidates', basis, inputs);
  }
  if (justification === null || justification.trim() === '') {
    return outcome('M-01', 'BLOCK', `the chosen candidate ranks ${chosen.rank} of ${ranking.entries.length} (score ${chosen.score} against ${best.score}); a written merit justification is required`, basis, inputs, 'RULE_M01_MERIT_JUSTIFICATION');
  }
  return outcome('M-01', 'FLAG', `a lower-ranked candidate (rank ${chosen.rank} of ${ranking.entries.length}) was chosen on the justification: ${justification}`, basis, { ...inputs, justification });
}

/**
 * M-01 candidate pool (`merit-score/v1`): employees who already hold a position of the same title as the vacancy,
 * in the origin or the target agency, other than the chosen candidate and the position's current holders.
 */
export function belongsToMeritPool(employee: EmployeeSnapshot, employeePosition: Position, target: Position, originAgencyId: string, candidateNip: string): boolean {
  return employee.nip !== candidateNip
    && employee.positionId !== target.id
    && employeePosition.title === target.title
    && (employee.agencyId === originAgencyId || employee.agencyId === target.agencyId);
}
