import { r06ConflictOfInterest } from '../rules/conflict-rules';
import { Reader } from '../access/read-scope';
import { Actor } from '../reference/roles';
import { IsoDate } from '../shared/dates';
import { TransferCommandType } from './commands';
import { DecisionRole, stepRole } from './decisions';
import { POST_DECREE_DOCUMENT_KINDS } from './documents';
import { authorizeAttempt, rolesFor } from './permissions';
import { activeStep, ActiveCase, CaseState, innerCase } from './state';

/** A command the reader may send now, with the item it is about (a step, a document, a training item, an evaluation). */
export interface AvailableAction {
  readonly command: TransferCommandType;
  readonly stepId?: string;
  readonly documentId?: string;
  readonly itemId?: string;
  readonly periodMonths?: number;
}

/** Who is asking: the signed-in person with every role they hold. */
export interface ActingReader extends Reader {
  readonly userId: string;
  readonly name: string;
}

type Candidate = AvailableAction & { readonly decision?: DecisionRole; readonly stepOffice?: { role: string; agencyId: string } };

const BEFORE_DECREE = new Set(['PROPOSED', 'EMPLOYEE_NOTIFIED', 'OBJECTION_RAISED', 'SOCIALISED', 'RETURNED_FOR_REVISION', 'IN_APPROVAL']);
const WITH_PROPOSAL = new Set([...BEFORE_DECREE, 'DECREED', 'APPOINTED']);

function byStatus(c: ActiveCase, today: IsoDate): Candidate[] {
  const s = c.status;
  const out: Candidate[] = [];
  const add = (...items: Candidate[]) => out.push(...items);
  if (s === 'NEEDS_ANALYSIS_SUBMITTED') add({ command: 'ApproveNeedsAnalysis', decision: 'NEEDS_APPROVAL' });
  if (s === 'AWAITING_PROPOSAL') add({ command: 'ProposeCandidate', decision: 'PROPOSAL' });
  if (s === 'RETURNED_FOR_REVISION') add({ command: 'ReviseProposal', decision: 'PROPOSAL' });
  if (s === 'PROPOSED') add({ command: 'NotifyEmployee', decision: 'PROPOSAL' });
  if (s === 'EMPLOYEE_NOTIFIED') add({ command: 'AcknowledgeTransfer' }, { command: 'RaiseObjection' });
  if (s === 'OBJECTION_RAISED') add({ command: 'ResolveObjection', decision: 'OBJECTION_DECISION' });
  if (s === 'SOCIALISED') add({ command: 'SubmitForApproval', decision: 'PROPOSAL' });
  if (BEFORE_DECREE.has(s) || ((s === 'DECREED' || s === 'APPOINTED') && POST_DECREE_DOCUMENT_KINDS.length > 0)) add({ command: 'AttachDocument' });
  for (const d of c.documents)
    if (d.status === 'PENDING' && (BEFORE_DECREE.has(s) || POST_DECREE_DOCUMENT_KINDS.includes(d.kind)))
      add({ command: 'VerifyDocument', documentId: d.documentId, decision: 'DOCUMENT_VERIFICATION' });
  if (s === 'IN_APPROVAL') {
    const step = activeStep(c.approval);
    if (step?.kind === 'DECREE' && c.approval) add({ command: 'IssueDecree', decision: 'DECREE', stepOffice: c.approval.decreeSigner });
    else if (step)
      for (const command of ['ApproveStep', 'RejectStep', 'ReturnForRevision'] as const) add({ command, stepId: step.stepId, decision: stepRole(step), stepOffice: step });
  }
  if (s === 'DECREED') add({ command: 'RecordAppointment', decision: 'APPOINTMENT' });
  if (s === 'APPOINTED') {
    for (const e of c.evaluations) if (e.result === null && e.dueOn <= today) add({ command: 'RecordEvaluation', periodMonths: e.periodMonths, decision: 'EVALUATION' });
    if (c.evaluations.every((e) => e.result !== null)) add({ command: 'CloseCase' });
  }
  if (WITH_PROPOSAL.has(s) && c.training) {
    const open = c.training.items.filter((i) => i.status === 'PLANNED');
    if (open.length > 0) add({ command: 'AdjustTrainingPlan', decision: 'TRAINING' });
    for (const i of open) add({ command: 'CompleteTrainingItem', itemId: i.itemId }, { command: 'WaiveTrainingItem', itemId: i.itemId, decision: 'TRAINING' });
  }
  if (s !== 'DECREED' && s !== 'APPOINTED') add({ command: 'WithdrawTransfer' });
  if (s === 'DECREED' || s === 'APPOINTED') add({ command: 'RevokeDecree' });
  add({ command: 'FreezeCase' });
  return out;
}

/** The first role of the reader that may send the command and passes the agency check, as the actor of a probe command. */
function actorFor(reader: ActingReader, candidate: Candidate, state: CaseState): Actor | null {
  for (const role of reader.roles.filter((r) => rolesFor(candidate.command).includes(r))) {
    const actor: Actor = { userId: reader.userId, name: reader.name, role, agencyId: reader.agencyId, ...(reader.nip ? { nip: reader.nip } : {}) };
    if (candidate.stepOffice && (candidate.stepOffice.role !== role || candidate.stepOffice.agencyId !== reader.agencyId)) continue;
    try {
      authorizeAttempt({ type: candidate.command, actor }, state);
      return actor;
    } catch {
      // this role may not: try the reader's next role
    }
  }
  return null;
}

/**
 * The commands the reader may send on the case now: the status allows them, one of the reader's roles and their agency
 * may (docs/api.md), they hold the step's or the signer's office, and taking the decision would not break R-06. The
 * domain still decides each command when it comes; this list is what a screen offers, not a promise.
 */
export function availableActions(state: CaseState, reader: ActingReader, today: IsoDate): AvailableAction[] {
  if (state.status === 'FROZEN') return actorFor(reader, { command: 'UnfreezeCase' }, state) ? [{ command: 'UnfreezeCase' }] : [];
  const c = innerCase(state);
  if (c === null || state.status === 'NONE' || 'ending' in state) return [];
  const active = c as ActiveCase;
  const isEmployee = reader.nip !== undefined && reader.nip === active.proposal?.candidate.nip;
  return byStatus(active, today).flatMap((candidate) => {
    // The employee attaches only their own application, and only before the decree (decide-documents).
    if (isEmployee && candidate.command === 'AttachDocument' && (active.status === 'DECREED' || active.status === 'APPOINTED')) return [];
    const actor = actorFor(reader, candidate, state);
    if (actor === null) return [];
    if (candidate.decision && r06ConflictOfInterest(actor, active.proposal?.candidate ?? null, active.decisions, candidate.decision).outcome === 'BLOCK') return [];
    const { decision: _d, stepOffice: _s, ...action } = candidate;
    return [action];
  });
}
