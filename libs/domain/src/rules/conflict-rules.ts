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
export function r06ConflictOfInterest(
  actor: Actor,
  employee: EmployeeSnapshot | null,
  decisions: readonly Decision[],
  acting: DecisionRole,
  facts: DecisionFacts = {},
): RuleOutcome {
  const earlier = decisions.filter((d) => samePerson(d, actor)).map((d) => d.role);
  const inputs = {
    actorId: actor.userId,
    actorNip: actor.nip ?? null,
    employeeNip: employee?.nip ?? null,
    acting,
    actorsEarlierRoles: [...new Set(earlier)],
    documentAttachedBy: facts.documentAttachedBy?.userId ?? null,
  };
  const refuse = (reason: string): RuleOutcome => outcome('R-06', 'BLOCK', reason, BASIS, inputs, 'RULE_R06_CONFLICT_OF_INTEREST');
  if (employee !== null && actor.nip !== undefined && actor.nip === employee.nip) return refuse('pegawai yang dimutasi tidak boleh mengambil keputusan atas mutasinya sendiri');
  const relation = employee === null ? null : relationOf(actor, employee);
  if (relation !== null) return refuse(`${actor.name} adalah kerabat pegawai yang telah dilaporkan (${relation}) dan tidak boleh mengambil keputusan atas mutasi ini`);
  const other = earlier.find((role) => role !== acting);
  if (other !== undefined) {
    return refuse(
      `${actor.name} sudah mengambil keputusan pada ${describeDecisionRole(other)} dalam kasus ini; satu orang paling banyak memegang satu peran keputusan dalam satu kasus, sehingga ${describeDecisionRole(acting)} harus dilakukan oleh pejabat lain`,
    );
  }
  const attacher = facts.documentAttachedBy;
  if (attacher && samePerson({ userId: attacher.userId, nip: attacher.nip ?? null }, actor))
    return refuse(`${actor.name} melampirkan dokumen ini sehingga tidak boleh memverifikasinya (prinsip empat mata)`);
  return outcome('R-06', 'PASS', 'tidak ada benturan kepentingan maupun peran keputusan kedua pada kasus ini', BASIS, inputs);
}

/**
 * R-06 when a candidate is named: the decisions already taken on the case (opening, the needs approval) were not taken
 * by the candidate or a declared relative of the candidate. A relative who decided before the name was known is caught
 * here, not only the person proposing.
 */
export function r06EarlierDeciders(employee: EmployeeSnapshot, decisions: readonly Decision[]): RuleOutcome {
  const related = decisions.flatMap((d) => {
    if (d.nip === null) return [];
    if (d.nip === employee.nip) return [{ decision: d, relation: 'calon itu sendiri' }];
    const relation = employee.relations.find((r) => r.nip === d.nip)?.relation;
    return relation ? [{ decision: d, relation: `kerabat calon yang telah dilaporkan (${relation})` }] : [];
  });
  const inputs = { employeeNip: employee.nip, earlierDeciders: decisions.map((d) => ({ role: d.role, userId: d.userId, nip: d.nip })) };
  const first = related[0];
  if (first) {
    return outcome(
      'R-06',
      'BLOCK',
      `${first.decision.name} mengambil keputusan pada ${describeDecisionRole(first.decision.role)} dalam kasus ini dan merupakan ${first.relation}; kasus yang telah diputus oleh salah satu dari mereka tidak dapat mengusulkan calon ini`,
      BASIS,
      inputs,
      'RULE_R06_CONFLICT_OF_INTEREST',
    );
  }
  return outcome('R-06', 'PASS', 'tidak ada keputusan pada kasus ini yang diambil oleh calon atau kerabatnya yang telah dilaporkan', BASIS, inputs);
}
