import { Actor } from '../reference/roles';
import { EmployeeSnapshot } from '../reference/employee';
import { Decision, DecisionRole, describeDecisionRole, samePerson } from '../transfer-case/decisions';
import { outcome, RuleOutcome } from './outcome';

const BASIS = 'PP 11/2017 Pasal 190 ayat (5)';

/** Facts beyond the roster that a decision is checked against. */
export interface DecisionFacts {
  /** For a document verification: who attached the document. */
  readonly documentAttachedBy?: Pick<Actor, 'userId' | 'nip' | 'name'>;
}

function relationOf(actor: Actor, employee: EmployeeSnapshot): string | null {
  if (actor.nip === undefined) return null;
  return employee.relations.find((r) => r.nip === actor.nip)?.relation ?? null;
}

/**
 * R-06 (conflict of interest and separation of duties) on every human decision of a case: the employee being
 * transferred and their declared relatives take no decision on it, and one person (one login, or one NIP under
 * several logins) takes at most one decision role in the case, across all its approval chains. A document is never
 * verified by the person who attached it.
 */
export function r06ConflictOfInterest(actor: Actor, employee: EmployeeSnapshot | null, decisions: readonly Decision[], acting: DecisionRole, facts: DecisionFacts = {}): RuleOutcome {
  const earlier = decisions.filter((d) => samePerson(d, actor)).map((d) => d.role);
  const inputs = { actorId: actor.userId, actorNip: actor.nip ?? null, employeeNip: employee?.nip ?? null, acting, actorsEarlierRoles: [...new Set(earlier)], documentAttachedBy: facts.documentAttachedBy?.userId ?? null };
  const refuse = (reason: string): RuleOutcome => outcome('R-06', 'BLOCK', reason, BASIS, inputs, 'RULE_R06_CONFLICT_OF_INTEREST');
  if (employee !== null && actor.nip !== undefined && actor.nip === employee.nip) return refuse('the employee being transferred may not take a decision on their own transfer');
  const relation = employee === null ? null : relationOf(actor, employee);
  if (relation !== null) return refuse(`${actor.name} is a declared relative (${relation}) of the employee and may not take a decision on the transfer`);
  const other = earlier.find((role) => role !== acting);
  if (other !== undefined) {
    return refuse(`${actor.name} already took ${describeDecisionRole(other)} on this case; one person takes at most one decision role in a case, so ${describeDecisionRole(acting)} needs another official`);
  }
  const attacher = facts.documentAttachedBy;
  if (attacher && samePerson({ userId: attacher.userId, nip: attacher.nip ?? null }, actor)) return refuse(`${actor.name} attached this document and may not verify it (four eyes)`);
  return outcome('R-06', 'PASS', 'no conflict of interest or second decision role on this case', BASIS, inputs);
}
