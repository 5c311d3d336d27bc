import { addDays, toDate } from '../shared/dates';
import { DomainError, forbidden, invalid } from '../shared/errors';
import { Policy } from '../policy/policy';
import { buildApprovalChain } from '../routes/approval-chain';
import { outcome, RuleOutcome, throwIfBlocked } from '../rules/outcome';
import { ApproveStep, EscalateOverdueStep, RejectStep, ReturnForRevision, SubmitForApproval } from './commands';
import { emit, requireActive, requireStatus, separationOfDuties, text } from './decide-support';
import { stepRole } from './decisions';
import { DOCUMENT_TITLES, requiredDocuments } from './documents';
import { ApprovalChainStarted, ApprovalStepEscalated, ApprovalStepGranted, ApprovalStepRejected, ProposalReturnedForRevision } from './events';
import { CaseIn, CaseState, StepState } from './state';

const CHECKLIST_BASIS = 'Peraturan BKN 5/2019 Pasal 3 ayat (1)';

function checklistOutcomes(c: CaseIn<'SOCIALISED'>, policy: Policy): RuleOutcome[] {
  const required = requiredDocuments(c.proposal.route, c.proposal.crossAgency, c.proposal.askedDocuments);
  const approved = new Set(c.documents.filter((d) => d.status === 'APPROVED').map((d) => d.kind));
  const missing = required.filter((k) => !approved.has(k));
  const asked = c.proposal.askedDocuments.filter((k) => !approved.has(k));
  const askedOutcomes = asked.map((k) =>
    k === 'COMPETENCY_TEST_RESULT'
      ? outcome(
          'R-05',
          'BLOCK',
          `perpindahan dari satu JPT ke JPT lain memerlukan dokumen ${DOCUMENT_TITLES[k]} yang dilampirkan dan diverifikasi`,
          policy.jptCompetencyTest.legalBasis,
          { missing: k },
          'RULE_R05_COMPETENCY_TEST',
        )
      : outcome(
          'R-62',
          'BLOCK',
          `perpindahan PPPK di dalam instansi memerlukan dokumen ${DOCUMENT_TITLES[k]} yang dilampirkan dan diverifikasi`,
          policy.pppkInternalMove.legalBasis,
          { missing: k },
          'RULE_R62_RECOMMENDATION',
        ),
  );
  const application = c.proposal.crossAgency
    ? approved.has('EMPLOYEE_APPLICATION')
      ? outcome('R-50', 'PASS', 'permohonan tertulis pegawai sudah diverifikasi', 'Perban BKN 5/2019 Pasal 3', {})
      : outcome(
          'R-50',
          'BLOCK',
          'perpindahan ke instansi lain memerlukan permohonan tertulis pegawai yang dilampirkan dan diverifikasi',
          'Perban BKN 5/2019 Pasal 3',
          {},
          'RULE_R50_APPLICATION',
        )
    : outcome('R-50', 'PASS', 'bukan perpindahan ke instansi lain', 'Perban BKN 5/2019 Pasal 3', {});
  const others = missing.filter((k) => k !== 'EMPLOYEE_APPLICATION' && !c.proposal.askedDocuments.includes(k));
  const checklist =
    others.length === 0
      ? outcome('DOC-CHECKLIST', 'PASS', `seluruh ${required.length} dokumen wajib sudah diverifikasi`, CHECKLIST_BASIS, { required })
      : outcome(
          'DOC-CHECKLIST',
          'BLOCK',
          `dokumen wajib yang belum diverifikasi: ${others.map((k) => DOCUMENT_TITLES[k]).join('; ')}`,
          CHECKLIST_BASIS,
          { required, missing: others },
          'DOCUMENTS_INCOMPLETE',
        );
  return [...askedOutcomes, application, checklist];
}

/** Stage 4: with the file complete, the route's approval chain and its overlays are built and recorded. */
export function submitForApproval(command: SubmitForApproval, state: CaseState): ApprovalChainStarted[] {
  const c = requireStatus(requireActive(state, command), command, 'SOCIALISED');
  const { context, metadata } = command;
  if (context === null) throw new DomainError('CONFLICT', 'INVALID_CASE_STATE', 'instansi dan jabatan dalam usulan belum diambil dari data referensi');
  const r06 = separationOfDuties(command, c, 'PROPOSAL');
  const checklist = checklistOutcomes(c, metadata.policy);
  throwIfBlocked(checklist);
  const plan = buildApprovalChain({
    route: c.proposal.route,
    origin: { side: 'ORIGIN', agency: context.originAgency, position: context.originPosition },
    target: { side: 'TARGET', agency: context.targetAgency, position: context.targetPosition },
    authorities: context.authorities,
    now: metadata.now,
    policy: metadata.policy,
  });
  const first = plan.steps[0] as StepState;
  const r10 = c.proposal.route === 'INTERNAL' ? [outcome('R-10', 'REQUIRES_STEP', 'tahap pertimbangan Tim Penilai Kinerja ditambahkan', 'PP 11/2017 Pasal 191', {})] : [];
  return [
    emit<ApprovalChainStarted>(command, c.caseId, 'ApprovalChainStarted.v1', { ...plan, firstDeadline: addDays(metadata.now, first.dueInDays) }, [
      r06,
      ...checklist,
      ...r10,
      ...plan.overlays,
    ]),
  ];
}

type StepCommand = ApproveStep | RejectStep | ReturnForRevision;

/** The active step named by the command, acted on by its role in its agency, without a conflict of interest. */
function actOnStep(command: StepCommand, state: CaseState): { c: CaseIn<'IN_APPROVAL'>; step: StepState; r06: RuleOutcome } {
  const c = requireStatus(requireActive(state, command), command, 'IN_APPROVAL');
  const step = c.approval.steps.find((s) => s.stepId === command.data.stepId);
  if (!step) throw invalid('UNKNOWN_STEP', 'stepId', `tidak ada tahap ${command.data.stepId} dalam rantai persetujuan kasus ini`);
  if (step.status !== 'ACTIVE') throw new DomainError('CONFLICT', 'STEP_NOT_ACTIVE', `tahap ${step.stepId} berstatus ${step.status}, tidak sedang menunggu tindakan`);
  if (step.kind === 'DECREE') throw new DomainError('CONFLICT', 'DECREE_STEP', 'tahap SK diselesaikan melalui issue-decree');
  const { actor } = command.metadata;
  if (actor.role !== step.role || actor.agencyId !== step.agencyId) {
    throw forbidden('NOT_STEP_ACTOR', `tahap ${step.stepId} menjadi wewenang ${step.role} ${step.agencyId}; ${actor.userId} bertindak sebagai ${actor.role} ${actor.agencyId}`);
  }
  const r06 = separationOfDuties(command, c, stepRole(step));
  return { c, step, r06 };
}

const R11 = 'PP 11/2017 Pasal 192 ayat (2) (berlaku, diperiksa 2026-12-01)';

/**
 * the releasing PPK's consent names the position it consents to, and it must be the proposal's target: a
 * consent to another position (or to none) is no consent to this move.
 */
function r11Consent(command: ApproveStep, targetPositionId: string): RuleOutcome {
  const stated = command.data.consentToPositionId;
  if (stated === undefined || stated === null || stated === '')
    throw invalid('FIELD_REQUIRED', 'consentToPositionId', 'persetujuan PPK asal menyebut jabatan yang disetujui (R-11): consentToPositionId wajib diisi');
  const inputs = { consentToPositionId: stated, targetPositionId };
  if (stated !== targetPositionId)
    return outcome(
      'R-11',
      'BLOCK',
      `persetujuan menyebut ${stated}, padahal mutasi ini ke ${targetPositionId}: persetujuan atas mutasi ini harus menyebut jabatan tujuannya`,
      R11,
      inputs,
      'RULE_R11_CONSENT_POSITION',
    );
  return outcome('R-11', 'PASS', `PPK asal menyetujui mutasi ke ${stated}`, R11, inputs);
}

/** An approver grants their step; the next step becomes active with its deadline. */
export function approveStep(command: ApproveStep, state: CaseState): ApprovalStepGranted[] {
  const { c, step, r06 } = actOnStep(command, state);
  const index = c.approval.steps.indexOf(step);
  const next = c.approval.steps[index + 1];
  const r11 = step.kind === 'CONSENT' ? [r11Consent(command, c.proposal.targetPositionId)] : [];
  throwIfBlocked(r11);
  const consentToPositionId = step.kind === 'CONSENT' ? c.proposal.targetPositionId : null;
  return [
    emit<ApprovalStepGranted>(
      command,
      c.caseId,
      'ApprovalStepGranted.v1',
      {
        stepId: step.stepId,
        notes: text(command, 'notes', command.data.notes, false),
        consentToPositionId,
        nextStepId: next?.stepId ?? null,
        nextDeadline: next ? addDays(command.metadata.now, next.dueInDays) : null,
      },
      [r06, ...r11],
    ),
  ];
}

/** An approver rejects: the case ends as REJECTED. */
export function rejectStep(command: RejectStep, state: CaseState): ApprovalStepRejected[] {
  const { c, step, r06 } = actOnStep(command, state);
  return [emit<ApprovalStepRejected>(command, c.caseId, 'ApprovalStepRejected.v1', { stepId: step.stepId, reason: text(command, 'reason', command.data.reason) }, [r06])];
}

/** An approver returns the proposal for revision: the chain ends and the proposal must be revised. */
export function returnForRevision(command: ReturnForRevision, state: CaseState): ProposalReturnedForRevision[] {
  const { c, step, r06 } = actOnStep(command, state);
  return [
    emit<ProposalReturnedForRevision>(command, c.caseId, 'ProposalReturnedForRevision.v1', { stepId: step.stepId, reason: text(command, 'reason', command.data.reason) }, [r06]),
  ];
}

/** The date an active step escalates next: the day after its deadline, then every `escalationDays`. */
export function escalationDueOn(step: StepState): string | null {
  if (step.status !== 'ACTIVE' || step.deadline === null) return null;
  return step.escalations === 0 ? addDays(step.deadline, 1) : step.nextEscalationOn;
}

/** Scheduler: a step past its deadline escalates, and again every `escalationDays` while it stays overdue. */
export function escalateOverdueStep(command: EscalateOverdueStep, state: CaseState): ApprovalStepEscalated[] {
  const c = requireStatus(requireActive(state, command), command, 'IN_APPROVAL');
  const step = c.approval.steps.find((s) => s.stepId === command.data.stepId);
  const { now, policy } = command.metadata;
  const dueOn = step ? escalationDueOn(step) : null;
  if (!step || step.deadline === null || dueOn === null || toDate(now) < dueOn) {
    throw new DomainError('CONFLICT', 'NOT_DUE', `tahap ${command.data.stepId} belum melewati tenggat`);
  }
  const escalation = step.escalations + 1;
  const basis = step.kind === 'PERTEK' ? policy.pertekDays : policy.stepDeadlineDays;
  const flag = outcome('R-30', 'FLAG', `tahap ${step.stepId} (${step.role} ${step.agencyId}) melewati tenggat ${step.deadline}; eskalasi ke-${escalation}`, basis.legalBasis, {
    stepId: step.stepId,
    deadline: step.deadline,
    escalation,
  });
  return [
    emit<ApprovalStepEscalated>(
      command,
      c.caseId,
      'ApprovalStepEscalated.v1',
      { stepId: step.stepId, deadline: step.deadline, escalation, nextEscalationOn: addDays(now, policy.escalationDays.value) },
      [flag],
    ),
  ];
}
