import { IsoInstant } from '../shared/dates';
import { Actor } from '../reference/roles';
import { PlannedStep } from '../routes/approval-chain';

/**
 * The decision roles of a case. One person takes at most one of them in a case, across every approval chain
 * the case has had. An approval step is a role per *office* (step kind, role and agency), so the same office acting
 * again in a later chain after a return for revision is the same role; a route that needs one office twice (BKN's
 * pertek and BKN's decree) needs two different persons holding that office.
 */
export type DecisionRole =
  | 'PROPOSAL'
  | 'NEEDS_APPROVAL'
  | 'OBJECTION_DECISION'
  | 'DOCUMENT_VERIFICATION'
  | `STEP:${string}`
  | 'DECREE'
  | 'APPOINTMENT'
  | 'EVALUATION'
  /** Training plan decisions: checked for conflicts of interest, not kept in the roster. */
  | 'TRAINING';

/** One decision taken on a case: who (user and, when known, NIP) took which role, acting for which office, when. */
export interface Decision {
  readonly role: DecisionRole;
  readonly userId: string;
  readonly nip: string | null;
  readonly name: string;
  readonly office: { readonly role: string; readonly agencyId: string };
  readonly at: IsoInstant;
}

/** The decision role of acting on an approval step: its office, e.g. `STEP:PERTEK:KEPALA_BKN@bkn`. */
export function stepRole(step: Pick<PlannedStep, 'kind' | 'role' | 'agencyId'>): DecisionRole {
  return `STEP:${step.kind}:${step.role}@${step.agencyId}`;
}

/** The words for an approval step's kind in a decision role (StepKind). */
const STEP_WORDS: Readonly<Record<string, string>> = {
  VERIFICATION: 'verifikasi',
  CONSIDERATION: 'pertimbangan',
  PROPOSAL: 'usulan',
  CONSENT: 'persetujuan',
  FORWARDING: 'penerusan',
  COORDINATION: 'koordinasi',
  WRITTEN_APPROVAL: 'persetujuan tertulis',
  PERTEK: 'pertek',
  DECREE: 'SK',
};

/** Plain words (Bahasa Indonesia) for a decision role, for refusals and views. */
export function describeDecisionRole(role: DecisionRole): string {
  if (role.startsWith('STEP:')) {
    const [, kind, office] = /^STEP:([A-Z_]+):(.+)$/.exec(role) ?? [];
    return `tahap ${STEP_WORDS[String(kind)] ?? String(kind)} oleh ${String(office)}`;
  }
  const words: Record<string, string> = {
    PROPOSAL: 'usulan (pembukaan kasus, pengusulan, pemberitahuan, pengajuan)',
    NEEDS_APPROVAL: 'persetujuan analisis kebutuhan',
    OBJECTION_DECISION: 'keputusan atas keberatan',
    DOCUMENT_VERIFICATION: 'verifikasi dokumen',
    DECREE: 'penetapan SK',
    APPOINTMENT: 'pelantikan',
    EVALUATION: 'evaluasi pascamutasi',
    TRAINING: 'rencana pelatihan',
  };
  return words[role] ?? role;
}

/** True when the decision was taken by the same person as `actor`: the same login, or the same NIP under another login. */
export function samePerson(decision: Pick<Decision, 'userId' | 'nip'>, actor: Pick<Actor, 'userId' | 'nip'>): boolean {
  return decision.userId === actor.userId || (decision.nip !== null && actor.nip !== undefined && decision.nip === actor.nip);
}

/** The decision `actor` took in `role` at `at`. */
export function decisionBy(actor: Actor, role: DecisionRole, at: IsoInstant): Decision {
  return { role, userId: actor.userId, nip: actor.nip ?? null, name: actor.name, office: { role: actor.role, agencyId: actor.agencyId }, at };
}
