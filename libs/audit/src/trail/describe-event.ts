import { COMMAND_REFUSED, POLICY_VERSION_PUBLISHED, REFERENCE_DATA_IMPORTED, REFERENCE_RECORDS_CHANGED, StoredEvent, upcastStored } from '@mutasi/domain';

type Data = Record<string, unknown>;
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const join = (...parts: string[]): string | null => {
  const text = parts.filter((p) => p.trim() !== '').join(' — ');
  return text === '' ? null : text;
};

/**
 * What happened, in a sentence an inspector can read, and the justification the actor gave, if any. The event is read
 * at its current version (old versions upcast by the domain's reader) and field by field, so a damaged event is still
 * described rather than dropped from the trail.
 */
export function describeEvent(stored: Pick<StoredEvent, 'type' | 'data'>): { what: string; justification: string | null } {
  const event = upcastStored(stored);
  const d: Data = event.data;
  switch (event.type) {
    case 'TransferCaseOpened.v1': {
      const position = d.targetPosition as Data | undefined;
      const analysis = (d.needsAnalysis ?? {}) as Data;
      return {
        what: `opened a transfer case for ${str(position?.title)} (${str(d.targetPositionId)}) in ${str(d.targetAgencyId)}`,
        justification: join(str(analysis.justification), analysis.exceptionReason ? `outside the annual plan: ${str(analysis.exceptionReason)}` : ''),
      };
    }
    case 'TrainingPlanDerived.v1': {
      const items = (d.items ?? []) as Data[];
      return {
        what: `derived a training plan for the competency gap ${((d.gaps ?? []) as string[]).join(', ') || '(none)'}: ${items.map((i) => `${str(i.itemId)} ${str(i.competency)} ${str(i.hours)} h ${str(i.due)}`).join('; ') || 'no items'}`,
        justification: null,
      };
    }
    case 'TrainingPlanAdjusted.v1':
      return {
        what: `adjusted the training plan: ${((d.items ?? []) as Data[]).length} planned item(s), removed ${((d.removedItemIds ?? []) as string[]).join(', ') || 'none'}`,
        justification: join(str(d.reason)),
      };
    case 'TrainingItemCompleted.v1':
      return {
        what: `recorded training ${str(d.itemId)} completed on ${str(d.completedOn)}: ${str(d.hours)} hours at ${str(d.provider)} (certificate ${str(d.certificateSha256).slice(0, 12)}…)`,
        justification: null,
      };
    case 'TrainingItemWaived.v1':
      return { what: `waived training ${str(d.itemId)}`, justification: join(str(d.reason)) };
    case 'TrainingItemOverdue.v1':
      return { what: `training ${str(d.itemId)} was not completed by ${str(d.dueBy)}`, justification: null };
    case 'NeedsAnalysisApproved.v1':
      return { what: 'approved the needs analysis', justification: join(str(d.notes)) };
    case 'CandidateProposed.v1':
    case 'ProposalRevised.v1': {
      const c = (d.candidate ?? {}) as Data;
      const grounds = ((d.exceptionGrounds ?? []) as Data[]).map((g) => `${str(g.ruleId)} ground: ${str(g.ground)}`);
      const verb = event.type === 'CandidateProposed.v1' ? 'proposed' : 'revised the proposal of';
      return {
        what: `${verb} ${str(c.name)} (NIP ${str(c.nip)}) from ${str(d.originPositionId)} on route ${str(d.route)}, initiative ${str(d.initiative)}`,
        justification: join(str(d.justification), d.meritDeviationJustification ? `merit deviation: ${str(d.meritDeviationJustification)}` : '', ...grounds),
      };
    }
    case 'EmployeeNotified.v1':
      return { what: `notified the employee (objections until ${str(d.objectionDeadline)})`, justification: join(str(d.message)) };
    case 'EmployeeAcknowledged.v1':
      return { what: 'acknowledged the transfer', justification: null };
    case 'ObjectionRaised.v1':
      return { what: 'objected to the transfer', justification: join(str(d.reason)) };
    case 'ObjectionResolved.v1':
      return { what: `${d.outcome === 'UPHELD' ? 'upheld' : 'dismissed'} the objection`, justification: join(str(d.reasoning)) };
    case 'ObjectionWindowClosed.v1':
      return { what: `the objection window closed on ${str(d.objectionDeadline)} without an objection`, justification: null };
    case 'ObjectionDecisionOverdue.v1':
      return { what: `the objection was not decided by ${str(d.decisionDeadline)}`, justification: null };
    case 'DocumentAttached.v2':
      return { what: `attached ${str(d.kind)} ${str(d.documentId)} (sha256 ${str(d.documentSha256).slice(0, 12)}…)`, justification: join(str(d.title)) };
    case 'DocumentVerified.v1':
      return { what: `${str(d.status).toLowerCase()} document ${str(d.documentId)}`, justification: join(str(d.notes)) };
    case 'ApprovalChainStarted.v1':
      return {
        what: `started approval on route ${str(d.route)}: ${((d.steps ?? []) as Data[]).map((s) => `${str(s.role)}@${str(s.agencyId)}`).join(' → ')} (policy ${str(d.policyVersion)})`,
        justification: null,
      };
    case 'ApprovalStepGranted.v1':
      return { what: `approved step ${str(d.stepId)}`, justification: join(str(d.notes)) };
    case 'ApprovalStepRejected.v1':
      return { what: `rejected at step ${str(d.stepId)}: the case ends`, justification: join(str(d.reason)) };
    case 'ProposalReturnedForRevision.v1':
      return { what: `returned the proposal for revision at step ${str(d.stepId)}`, justification: join(str(d.reason)) };
    case 'ApprovalStepEscalated.v1':
      return { what: `step ${str(d.stepId)} escalated (${str(d.escalation)}): deadline ${str(d.deadline)} passed`, justification: null };
    case 'DecreeIssued.v1':
      return {
        what: `issued decree ${str(d.decreeNumber)} dated ${str(d.decreeDate)}, TMT ${str(d.effectiveDate)}, for NIP ${str(d.employeeNip)} into ${str(d.targetPositionId)}${d.delegationId ? ` under delegation ${str(d.delegationId)}` : ''}`,
        justification: null,
      };
    case 'AppointmentRecorded.v1':
      return { what: `recorded the appointment on ${str(d.appointedOn)}`, justification: join(str(d.reference)) };
    case 'AppointmentOverdue.v1':
      return { what: `no appointment by ${str(d.appointmentDeadline)}`, justification: null };
    case 'EvaluationDue.v1':
      return { what: `the ${str(d.periodMonths)}-month evaluation fell due`, justification: null };
    case 'EvaluationRecorded.v1':
      return { what: `recorded the ${str(d.periodMonths)}-month evaluation: ${str(d.verdict)} (score ${str(d.score)})`, justification: join(str(d.notes)) };
    case 'TransferCaseClosed.v1':
      return { what: 'closed the case: COMPLETED', justification: null };
    case 'TransferWithdrawn.v1':
      return { what: 'withdrew the case', justification: join(str(d.reason)) };
    case 'CaseFrozen.v1':
      return { what: `froze the case under BKN audit ${str(d.reference)}`, justification: join(str(d.reason)) };
    case 'CaseUnfrozen.v1':
      return { what: `ended the audit freeze ${str(d.reference)}`, justification: join(str(d.reason)) };
    case 'DecreeRevoked.v1':
      return { what: `revoked the decree (${str(d.reference)})`, justification: join(str(d.reason)) };
    case COMMAND_REFUSED:
      return {
        what: `was refused ${str(d.command)}${d.caseId ? ` on case ${str(d.caseId)}` : ''}: ${str(d.status)} ${str(d.code)}${d.ruleId ? ` (${str(d.ruleId)})` : ''}`,
        justification: join(str(d.reason)),
      };
    case 'ReplacementReported.v1':
      return { what: `reported the replacement to Mendagri on ${str(d.reportedOn)} (deadline ${str(d.deadline)})`, justification: join(str(d.reference)) };
    case 'ReplacementReportOverdue.v1':
      return { what: `the replacement was not reported to Mendagri by ${str(d.deadline)}`, justification: null };
    case REFERENCE_DATA_IMPORTED:
      return {
        what: `imported reference data (import ${str(d.importId)}: ${str(d.agencies)} agencies, ${str(d.positions)} positions, ${str(d.employees)} employees, ${str(d.changedRecords)} records changed; sha256 ${str(d.sha256).slice(0, 12)}…)`,
        justification: join(`source ${str(d.source)}`),
      };
    case REFERENCE_RECORDS_CHANGED: {
      const changes = (d.changes ?? []) as { entity?: string; key?: string; created?: boolean; fields?: { field?: string }[] }[];
      const list = changes
        .slice(0, 20)
        .map((c) => `${str(c.entity)} ${str(c.key)}: ${c.created ? 'created' : (c.fields ?? []).map((f) => str(f.field)).join(', ')}`)
        .join('; ');
      return { what: `import ${str(d.importId)} changed ${changes.length} record(s) (part ${str(d.chunk)}): ${list}${changes.length > 20 ? '; …' : ''}`, justification: null };
    }
    case POLICY_VERSION_PUBLISHED: {
      const policy = (d.policy ?? {}) as { version?: string; effectiveFrom?: string };
      return { what: `published policy version ${str(policy.version)}, effective ${str(policy.effectiveFrom)}`, justification: null };
    }
    default:
      return { what: event.type, justification: null };
  }
}
