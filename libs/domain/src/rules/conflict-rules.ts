import { Actor } from '../reference/roles';
import { EmployeeSnapshot } from '../reference/employee';
import { outcome, RuleOutcome } from './outcome';

const BASIS = 'PP 11/2017 Pasal 190 ayat (5)';

/** Who has already acted on the case, for separation of duties. */
export interface PriorActors {
  /** The user who proposed the candidate. */
  readonly proposerUserId: string | null;
  /** Users who acted on approval steps other than the one being acted on, with the step. */
  readonly stepActors: readonly { readonly userId: string; readonly stepId: string }[];
}

function relationOf(actor: Actor, employee: EmployeeSnapshot): string | null {
  if (actor.nip === undefined) return null;
  return employee.relations.find((r) => r.nip === actor.nip)?.relation ?? null;
}

/**
 * R-06 (conflict of interest and separation of duties): a person acts on at most one approval step of a case,
 * and never as the proposer, the employee, or a declared relative of the employee.
 */
export function r06ConflictOfInterest(actor: Actor, employee: EmployeeSnapshot, prior: PriorActors, acting: 'PROPOSAL' | 'STEP' | 'DECREE'): RuleOutcome {
  const inputs = { actorId: actor.userId, actorNip: actor.nip ?? null, employeeNip: employee.nip, acting, proposerUserId: prior.proposerUserId, stepActors: prior.stepActors };
  const refuse = (reason: string): RuleOutcome => outcome('R-06', 'BLOCK', reason, BASIS, inputs, 'RULE_R06_CONFLICT_OF_INTEREST');
  if (actor.nip !== undefined && actor.nip === employee.nip) return refuse('the employee being transferred may not act on their own transfer');
  const relation = relationOf(actor, employee);
  if (relation !== null) return refuse(`${actor.name} is a declared relative (${relation}) of the employee`);
  if (acting !== 'PROPOSAL' && prior.proposerUserId === actor.userId) return refuse(`${actor.name} proposed this candidate and may not also approve or sign`);
  if (acting === 'STEP') {
    const earlier = prior.stepActors.find((s) => s.userId === actor.userId);
    if (earlier) return refuse(`${actor.name} already acted on step ${earlier.stepId}; one person acts on at most one approval step of a case`);
  }
  return outcome('R-06', 'PASS', 'no conflict of interest or second role on this case', BASIS, inputs);
}
