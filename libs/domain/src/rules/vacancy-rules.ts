import { Policy } from '../policy/policy';
import { EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { IsoInstant, toDate } from '../shared/dates';
import { abkNeed, MutationPlan } from '../workload/abk';
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

/** Why a named plan does not cover the case, or null when it does. */
function planProblem(plan: MutationPlan | null, reference: string, position: Position, now: IsoInstant): string | null {
  const year = Number(toDate(now).slice(0, 4));
  if (plan === null) return `rencana mutasi ${reference} tidak tercatat`;
  if (plan.agencyId !== position.agencyId) return `rencana mutasi ${plan.id} milik ${plan.agencyId}, bukan ${position.agencyId}`;
  if (plan.year !== year) return `rencana mutasi ${plan.id} adalah rencana tahun ${plan.year}, bukan tahun ${year}`;
  if (!plan.moves.some((m) => m.targetPositionId === position.id)) return `rencana mutasi ${plan.id} tidak merencanakan mutasi ke ${position.id}`;
  return null;
}

/**
 * R-01: the move follows the agency's mutation plan (the law asks for a plan, not necessarily an annual one);
 * otherwise an exception reason is flagged. Under a policy with `planOnRecord` the plan is named by id and must be
 * on record for the target agency and this year and plan a move into the target position.
 */
export function r01AnnualPlan(analysis: NeedsAnalysis, plan: MutationPlan | null, position: Position, now: IsoInstant, policy: Policy): RuleOutcome {
  const basis = policy.planOnRecord.legalBasis;
  const reference = analysis.planReference?.trim() ?? '';
  const exception = analysis.exceptionReason?.trim() ?? '';
  const inputs = { planReference: analysis.planReference, exceptionReason: analysis.exceptionReason, planOnRecord: policy.planOnRecord.value };
  const problem = reference !== '' && policy.planOnRecord.value ? planProblem(plan, reference, position, now) : null;
  if (reference !== '' && problem === null) {
    return outcome(
      'R-01',
      'PASS',
      `termasuk dalam rencana mutasi ${reference}${plan ? ` (${plan.title})` : ''}`,
      basis,
      plan ? { ...inputs, planId: plan.id, planYear: plan.year } : inputs,
    );
  }
  if (exception !== '') {
    return outcome('R-01', 'FLAG', `di luar rencana mutasi${problem ? ` (${problem})` : ''}, dengan alasan pengecualian: ${exception}`, basis, {
      ...inputs,
      ...(problem ? { planProblem: problem } : {}),
    });
  }
  if (problem !== null)
    return outcome(
      'R-01',
      'BLOCK',
      `${problem}; sebutkan rencana mutasi tercatat yang merencanakan mutasi ini, atau berikan alasan pengecualian`,
      basis,
      { ...inputs, planProblem: problem },
      'RULE_R01_PLAN_NOT_ON_RECORD',
    );
  return outcome('R-01', 'BLOCK', 'analisis kebutuhan tidak menyebut rujukan rencana mutasi maupun alasan pengecualian', basis, inputs, 'RULE_R01_ANNUAL_PLAN');
}

/** The figures of a position as the record gives them: kebutuhan and bezetting, and the ABK's workload hours when one is on record. */
export function recordedFigures(position: Position, policy: Policy): { kebutuhan: number; bezetting: number; workloadHours: number | null } {
  const abk = position.abkTasks && position.abkTasks.length > 0 ? abkNeed(position.abkTasks, policy) : null;
  return { kebutuhan: position.kebutuhan, bezetting: position.bezetting, workloadHours: abk === null ? null : Math.round(abk.workloadHours) };
}

/**
 * R-04 (figures): the needs analysis states the position's kebutuhan, bezetting and (when the position has an ABK on
 * record) workload hours as the record holds them; other figures are refused or flagged as the policy says
 * (`needsFiguresMismatch`), showing both.
 */
export function r04NeedsFigures(position: Position, analysis: NeedsAnalysis, policy: Policy): RuleOutcome {
  const basis = policy.needsFiguresMismatch.legalBasis;
  const recorded = recordedFigures(position, policy);
  const submitted = { kebutuhan: analysis.kebutuhan, bezetting: analysis.bezetting, workloadHours: analysis.workloadHours };
  const inputs = { positionId: position.id, submitted, recorded };
  const differ = [
    ...(submitted.kebutuhan !== recorded.kebutuhan ? [`kebutuhan ${submitted.kebutuhan} (tercatat: ${recorded.kebutuhan})`] : []),
    ...(submitted.bezetting !== recorded.bezetting ? [`bezetting ${submitted.bezetting} (tercatat: ${recorded.bezetting})`] : []),
    ...(recorded.workloadHours !== null && submitted.workloadHours !== null && submitted.workloadHours !== recorded.workloadHours
      ? [`beban kerja ${submitted.workloadHours} jam (ABK tercatat: ${recorded.workloadHours})`]
      : []),
  ];
  if (differ.length > 0) {
    const reason = `analisis kebutuhan ${position.id} menyatakan ${differ.join(', ')}`;
    return policy.needsFiguresMismatch.value === 'FLAG'
      ? outcome('R-04', 'FLAG', `${reason}; diterima dan ditandai sesuai kebijakan ini`, basis, inputs)
      : outcome('R-04', 'BLOCK', reason, basis, inputs, 'RULE_R04_FIGURES_DIFFER');
  }
  return outcome(
    'R-04',
    'PASS',
    `analisis kebutuhan menyatakan angka yang tercatat (kebutuhan ${recorded.kebutuhan}, bezetting ${recorded.bezetting}${recorded.workloadHours !== null ? `, ${recorded.workloadHours} jam` : ''})`,
    basis,
    inputs,
  );
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
  if (gap <= 0)
    return outcome(
      'R-04',
      'BLOCK',
      `jabatan ${position.id} tidak memiliki lowongan tercatat (kebutuhan ${position.kebutuhan} − bezetting ${position.bezetting} = ${gap})`,
      basis,
      inputs,
      'RULE_R04_NO_VACANCY',
    );
  if (open <= 0) {
    return outcome(
      'R-04',
      'BLOCK',
      `seluruh ${gap} lowongan ${position.id} sudah ditempati kasus yang sedang berjalan: ${heldList(held)}`,
      basis,
      { ...inputs, heldBy: held.caseIds },
      'RULE_R04_PLACES_HELD',
    );
  }
  return outcome('R-04', 'PASS', `${open} dari ${gap} lowongan pada ${position.title} masih kosong (${held.count} ditempati kasus yang sedang berjalan)`, basis, inputs);
}

/** The holders of a position's places as a refusal names them. */
export function heldList(held: HeldPlaces): string {
  const more = held.count - held.caseIds.length;
  return `${held.caseIds.join(', ') || 'tidak ada'}${more > 0 ? ` dan ${more} lainnya` : ''}`;
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
    return outcome(
      'R-04',
      'BLOCK',
      `kesesuaian kompetensi ${(fit * 100).toFixed(0)}% di bawah batas minimal ${(min.value * 100).toFixed(0)}% untuk ${position.title}`,
      min.legalBasis,
      inputs,
      'RULE_R04_COMPETENCY',
    );
  }
  return outcome('R-04', 'PASS', `kesesuaian kompetensi ${(fit * 100).toFixed(0)}%`, min.legalBasis, inputs);
}
