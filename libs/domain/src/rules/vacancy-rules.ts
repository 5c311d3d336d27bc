import { Policy } from '../policy/policy';
import { EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { outcome, RuleOutcome } from './outcome';

const PP11 = 'PP 11/2017 Pasal 190';

/** The places of a position other cases under way hold (opened, not yet appointed or ended): how many, and the first of them. */
export interface HeldPlaces {
  readonly count: number;
  /** The oldest holders, at most a page of them, for a refusal to name. */
  readonly caseIds: readonly string[];
}

/** The needs analysis of stage 1 (ANALISIS_KEBUTUHAN). */
export interface NeedsAnalysis {
  readonly kebutuhan: number;
  readonly bezetting: number;
  readonly workloadHours: number | null;
  readonly planReference: string | null;
  readonly exceptionReason: string | null;
  readonly justification: string;
}

/** R-01: the move should follow the agency's mutation plan (the law asks for a plan, not necessarily an annual one); otherwise an exception reason is flagged. */
export function r01AnnualPlan(analysis: NeedsAnalysis): RuleOutcome {
  const basis = `${PP11}(1): mutation follows a plan (in force, checked 2026-12-01)`;
  const inputs = { planReference: analysis.planReference, exceptionReason: analysis.exceptionReason };
  if (analysis.planReference !== null && analysis.planReference.trim() !== '') {
    return outcome('R-01', 'PASS', `in the mutation plan ${analysis.planReference}`, basis, inputs);
  }
  if (analysis.exceptionReason !== null && analysis.exceptionReason.trim() !== '') {
    return outcome('R-01', 'FLAG', `outside the mutation plan, on the exception reason: ${analysis.exceptionReason}`, basis, inputs);
  }
  return outcome('R-01', 'BLOCK', 'the needs analysis names neither a mutation plan reference nor an exception reason', basis, inputs, 'RULE_R01_ANNUAL_PLAN');
}

/**
 * R-04 (figures): the needs analysis states the position's kebutuhan and bezetting as they are on record; invented
 * figures are refused, showing both.
 */
export function r04NeedsFigures(position: Position, analysis: NeedsAnalysis): RuleOutcome {
  const basis = `${PP11}(4)`;
  const submitted = { kebutuhan: analysis.kebutuhan, bezetting: analysis.bezetting };
  const recorded = { kebutuhan: position.kebutuhan, bezetting: position.bezetting };
  const inputs = { positionId: position.id, submitted, recorded };
  if (submitted.kebutuhan !== recorded.kebutuhan || submitted.bezetting !== recorded.bezetting) {
    return outcome('R-04', 'BLOCK', `the needs analysis states kebutuhan ${submitted.kebutuhan} and bezetting ${submitted.bezetting}, but the record of ${position.id} holds kebutuhan ${recorded.kebutuhan} and bezetting ${recorded.bezetting}`, basis, inputs, 'RULE_R04_FIGURES_DIFFER');
  }
  return outcome('R-04', 'PASS', `the needs analysis states the recorded figures (kebutuhan ${recorded.kebutuhan}, bezetting ${recorded.bezetting})`, basis, inputs);
}

/**
 * R-04 (vacancy): the position's open gap, kebutuhan − bezetting − the places held by other cases under way (opened,
 * not yet appointed or ended), is above zero. A refusal names the cases that hold the places.
 */
export function r04Vacancy(position: Position, held: HeldPlaces): RuleOutcome {
  const basis = `${PP11}(4)`;
  const gap = position.kebutuhan - position.bezetting;
  const open = gap - held.count;
  const inputs = { positionId: position.id, kebutuhan: position.kebutuhan, bezetting: position.bezetting, placesHeld: held.count, openGap: open };
  if (gap <= 0) return outcome('R-04', 'BLOCK', `position ${position.id} has no vacancy on record (kebutuhan ${position.kebutuhan} − bezetting ${position.bezetting} = ${gap})`, basis, inputs, 'RULE_R04_NO_VACANCY');
  if (open <= 0) {
    return outcome('R-04', 'BLOCK', `the ${gap} vacancy(ies) of ${position.id} are all held by cases under way: ${heldList(held)}`, basis, { ...inputs, heldBy: held.caseIds }, 'RULE_R04_PLACES_HELD');
  }
  return outcome('R-04', 'PASS', `${open} of ${gap} vacancy(ies) in ${position.title} free (${held.count} held by cases under way)`, basis, inputs);
}

/** The holders of a position's places as a refusal names them. */
export function heldList(held: HeldPlaces): string {
  const more = held.count - held.caseIds.length;
  return `${held.caseIds.join(', ') || 'none'}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The share of the position's required competencies the employee has (1 when none are required). */
export function competencyFit(employee: EmployeeSnapshot, position: Position): number {
  if (position.requiredCompetencies.length === 0) return 1;
  const held = new Set(employee.competencies);
  return position.requiredCompetencies.filter((c) => held.has(c)).length / position.requiredCompetencies.length;
}

/** R-04 (fit): the employee's competencies fit the target position to at least the policy minimum. */
export function r04CompetencyFit(employee: EmployeeSnapshot, position: Position, policy: Policy): RuleOutcome {
  const min = policy.minimumCompetencyFit;
  const fit = competencyFit(employee, position);
  const inputs = { required: position.requiredCompetencies, held: employee.competencies, fit, minimum: min.value, policyVersion: policy.version };
  if (fit < min.value) {
    return outcome('R-04', 'BLOCK', `competency fit ${(fit * 100).toFixed(0)}% is under the minimum ${(min.value * 100).toFixed(0)}% for ${position.title}`, min.legalBasis, inputs, 'RULE_R04_COMPETENCY');
  }
  return outcome('R-04', 'PASS', `competency fit ${(fit * 100).toFixed(0)}%`, min.legalBasis, inputs);
}
