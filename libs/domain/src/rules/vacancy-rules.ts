import { Policy } from '../policy/policy';
import { EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { outcome, RuleOutcome } from './outcome';

const PP11 = 'PP 11/2017 Pasal 190';

/** The needs analysis of stage 1 (ANALISIS_KEBUTUHAN). */
export interface NeedsAnalysis {
  readonly kebutuhan: number;
  readonly bezetting: number;
  readonly workloadHours: number | null;
  readonly planReference: string | null;
  readonly exceptionReason: string | null;
  readonly justification: string;
}

/** the move should follow the agency's annual mutation plan; otherwise an exception reason is flagged. */
export function r01AnnualPlan(analysis: NeedsAnalysis): RuleOutcome {
  const basis = `${PP11}(1)`;
  const inputs = { planReference: analysis.planReference, exceptionReason: analysis.exceptionReason };
  if (analysis.planReference !== null && analysis.planReference.trim() !== '') {
    return outcome('R-01', 'PASS', `in the annual mutation plan ${analysis.planReference}`, basis, inputs);
  }
  if (analysis.exceptionReason !== null && analysis.exceptionReason.trim() !== '') {
    return outcome('R-01', 'FLAG', `outside the annual mutation plan, on the exception reason: ${analysis.exceptionReason}`, basis, inputs);
  }
  return outcome('R-01', 'BLOCK', 'the needs analysis names neither an annual plan reference nor an exception reason', basis, inputs, 'RULE_R01_ANNUAL_PLAN');
}

/** R-04 (vacancy): the target position has a vacancy, both in the ABK submitted and in the reference data. */
export function r04Vacancy(position: Position, analysis: NeedsAnalysis): RuleOutcome {
  const basis = `${PP11}(4)`;
  const submittedGap = analysis.kebutuhan - analysis.bezetting;
  const recordedGap = position.kebutuhan - position.bezetting;
  const inputs = { positionId: position.id, submitted: { kebutuhan: analysis.kebutuhan, bezetting: analysis.bezetting }, recorded: { kebutuhan: position.kebutuhan, bezetting: position.bezetting } };
  if (submittedGap <= 0) return outcome('R-04', 'BLOCK', `the needs analysis shows no vacancy (kebutuhan ${analysis.kebutuhan} − bezetting ${analysis.bezetting} = ${submittedGap})`, basis, inputs, 'RULE_R04_NO_VACANCY');
  if (recordedGap <= 0) return outcome('R-04', 'BLOCK', `position ${position.id} has no vacancy on record (kebutuhan ${position.kebutuhan} − bezetting ${position.bezetting} = ${recordedGap})`, basis, inputs, 'RULE_R04_NO_VACANCY');
  return outcome('R-04', 'PASS', `${recordedGap} vacancy(ies) in ${position.title}`, basis, inputs);
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
