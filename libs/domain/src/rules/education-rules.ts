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
        ? 'jabatan ini tidak mensyaratkan bidang pendidikan tertentu'
        : `bidang pendidikan ${employee.educationField} termasuk yang disyaratkan untuk ${position.title}`,
      mode.legalBasis,
      inputs,
    );
  }
  const reason = `bidang pendidikan ${employee.educationField} tidak termasuk yang disyaratkan untuk ${position.title} (${position.requiredEducationFields.join(', ')})`;
  if (mode.value === 'BLOCK') return outcome('R-08', 'BLOCK', reason, mode.legalBasis, inputs, 'RULE_R08_EDUCATION');
  if (mode.value === 'FLAG') return outcome('R-08', 'FLAG', `${reason}; ditandai sesuai kebijakan ini`, mode.legalBasis, inputs);
  return outcome('R-08', 'PASS', `${reason}; menurut kebijakan ini hanya diperhitungkan dalam skor merit`, mode.legalBasis, inputs);
}
