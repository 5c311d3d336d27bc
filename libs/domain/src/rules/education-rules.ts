import { Policy } from '../policy/policy';
import { EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { educationFits } from '../merit/merit';
import { outcome, RuleOutcome } from './outcome';

/**
 * the candidate's education field is one the target position requires. The policy says whether a misfit is
 * refused (BLOCK), flagged for inspectors (FLAG) or only scored (WEIGHT, as in merit-score/v1).
 */
export function r08EducationFit(employee: EmployeeSnapshot, position: Position, policy: Policy): RuleOutcome {
  const mode = policy.educationFit;
  const inputs = { educationField: employee.educationField, required: position.requiredEducationFields, mode: mode.value, policyVersion: policy.version };
  if (educationFits(employee, position)) {
    return outcome(
      'R-08',
      'PASS',
      position.requiredEducationFields.length === 0
        ? 'the position requires no particular education field'
        : `education field ${employee.educationField} is one ${position.title} requires`,
      mode.legalBasis,
      inputs,
    );
  }
  const reason = `education field ${employee.educationField} is not one ${position.title} requires (${position.requiredEducationFields.join(', ')})`;
  if (mode.value === 'BLOCK') return outcome('R-08', 'BLOCK', reason, mode.legalBasis, inputs, 'RULE_R08_EDUCATION');
  if (mode.value === 'FLAG') return outcome('R-08', 'FLAG', `${reason}; flagged as this policy says`, mode.legalBasis, inputs);
  return outcome('R-08', 'PASS', `${reason}; this policy only weighs it in the merit score`, mode.legalBasis, inputs);
}
