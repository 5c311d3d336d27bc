import { ActiveCase, CaseState, DOCUMENT_TITLES, innerCase, requiredDocuments, stageOf, StepState, trainingSummary } from '@mutasi/domain';

const who = (acted: { actor: { userId: string; name: string; role: string; agencyId: string }; at: string } | null) =>
  acted ? { userId: acted.actor.userId, name: acted.actor.name, role: acted.actor.role, agencyId: acted.actor.agencyId, at: acted.at } : null;

function requiredDocumentView(c: ActiveCase) {
  if (!c.proposal) return [];
  return requiredDocuments(c.proposal.route, c.proposal.crossAgency, c.proposal.askedDocuments).map((kind) => {
    const docs = c.documents.filter((d) => d.kind === kind);
    const status = docs.some((d) => d.status === 'APPROVED') ? 'APPROVED' : docs.some((d) => d.status === 'PENDING') ? 'PENDING' : docs.length > 0 ? 'REJECTED' : 'MISSING';
    return { kind, title: DOCUMENT_TITLES[kind], status };
  });
}

/**
 * Who reads the view: officials of the agencies involved, inspectors and BKN see everything the case holds; the employee
 * sees their own rank and score, never another candidate's identity, nor the officials' internal notes or the flags.
 */
export type CaseAudience = 'OFFICIAL' | 'EMPLOYEE';

const notesFor = (audience: CaseAudience, notes: string): { notes?: string } => (audience === 'OFFICIAL' ? { notes } : {});

function stepView(s: StepState, audience: CaseAudience) {
  return {
    stepId: s.stepId,
    kind: s.kind,
    title: s.title,
    role: s.role,
    agencyId: s.agencyId,
    status: s.status,
    deadline: s.deadline,
    ruleIds: s.ruleIds,
    escalations: s.escalations,
    actor: s.acted ? { ...who(s.acted), ...notesFor(audience, s.acted.notes) } : null,
  };
}

/** The chosen candidate's place in the merit ranking and, for officials, the best-ranked candidates (the full ranking is in the events). */
function meritSummary(ranking: NonNullable<ActiveCase['proposal']>['meritRanking'], nip: string, audience: CaseAudience) {
  const chosen = ranking.entries.find((e) => e.nip === nip);
  const own = { scoreVersion: ranking.scoreVersion, candidates: ranking.entries.length, chosenRank: chosen?.rank ?? null, chosenScore: chosen?.score ?? null };
  return audience === 'EMPLOYEE' ? own : { ...own, top: ranking.entries.slice(0, 3).map(({ nip: n, name, score, rank }) => ({ nip: n, name, score, rank })) };
}

/** The training plan: the gap, each item with its status and evidence, and the counts; waiver reasons for officials only. */
function trainingView(c: ActiveCase, audience: CaseAudience) {
  const plan = c.training;
  if (plan === null) return null;
  return {
    derivedAt: plan.derivedAt,
    gaps: plan.gaps,
    adjustments: plan.adjustments,
    summary: trainingSummary(plan),
    items: plan.items.map((i) => ({
      itemId: i.itemId,
      competency: i.competency,
      kind: i.kind,
      hours: i.hours,
      due: i.due,
      mandatory: i.mandatory,
      dueBy: i.dueBy,
      status: i.status,
      overdue: i.overdue,
      completion: i.completion
        ? {
            certificateSha256: i.completion.certificateSha256,
            hours: i.completion.hours,
            provider: i.completion.provider,
            completedOn: i.completion.completedOn,
            recordedBy: i.completion.recordedBy.userId,
          }
        : null,
      waiver: i.waiver ? { by: i.waiver.by.userId, at: i.waiver.at, ...notesFor(audience, i.waiver.reason) } : null,
    })),
  };
}

/**
 * The case as docs/api.md describes it (`GET /api/transfers/{caseId}`): stage, status, route, candidate, documents,
 * approval chain with deadlines, decree signer, rule outcomes and flags, and the revision for `ETag`. Rule inputs and
 * the full merit ranking stay in the events (`/events`, the audit trail); the view carries their verdicts.
 */
export function caseView(state: CaseState, revision: number, audience: CaseAudience = 'OFFICIAL'): Record<string, unknown> {
  const c = innerCase(state);
  if (!c) return { status: 'NONE', revision };
  const p = c.proposal;
  return {
    caseId: c.caseId,
    stage: stageOf(c),
    status: state.status,
    route: p?.route ?? null,
    revision,
    target: { agencyId: c.targetAgencyId, positionId: c.targetPosition.id, title: c.targetPosition.title, positionClass: c.targetPosition.positionClass },
    needsAnalysis: c.needsAnalysis,
    needsApproval: c.needsApproval ? { ...who(c.needsApproval), ...notesFor(audience, c.needsApproval.notes) } : null,
    candidate: p
      ? {
          nip: p.candidate.nip,
          name: p.candidate.name,
          kind: p.candidate.kind,
          golongan: p.candidate.golongan,
          originAgencyId: p.originAgencyId,
          originPositionId: p.originPositionId,
          originPositionTitle: p.originPositionTitle,
          initiative: p.initiative,
          justification: p.justification,
          ...(audience === 'OFFICIAL' ? { meritDeviationJustification: p.meritDeviationJustification } : {}),
          exceptionGrounds: p.exceptionGrounds,
          proposalVersion: p.version,
          proposedBy: who({ actor: p.proposedBy, at: p.proposedAt }),
          merit: meritSummary(p.meritRanking, p.candidate.nip, audience),
        }
      : null,
    socialisation: c.socialisation,
    requiredDocuments: requiredDocumentView(c),
    documents: c.documents.map((d) => ({
      documentId: d.documentId,
      kind: d.kind,
      title: d.title,
      sha256: d.sha256,
      agencyId: d.agencyId,
      status: d.status,
      statement: d.statement,
      attached: who(d.attached),
      verification: d.verification ? { ...who(d.verification), ...notesFor(audience, d.verification.notes) } : null,
    })),
    approvalChain: c.approval?.steps.map((s) => stepView(s, audience)) ?? [],
    chainPolicyVersion: c.approval?.policyVersion ?? null,
    pastChains: c.pastChains.map((chain) => chain.steps.map((s) => stepView(s, audience))),
    decreeSigner: c.approval?.decreeSigner ?? null,
    decree: c.decree ? { ...c.decree, signedBy: who({ actor: c.decree.signedBy, at: c.updatedAt }) } : null,
    appointment: c.appointment ? { appointedOn: c.appointment.appointedOn, reference: c.appointment.reference, recordedBy: who(c.appointment) } : null,
    evaluations: c.evaluations.map((e) => ({
      periodMonths: e.periodMonths,
      dueOn: e.dueOn,
      result: e.result ? { ...e.result, actor: undefined, at: undefined, recordedBy: who(e.result) } : null,
    })),
    training: trainingView(c, audience),
    // A flagged outcome's reason may quote an official's note (an M-01 justification): the employee sees no flags.
    ruleOutcomes: c.ruleOutcomes
      .filter((o) => audience === 'OFFICIAL' || o.outcome !== 'FLAG')
      .map(({ ruleId, outcome, reason, legalBasis }) => ({ ruleId, outcome, reason, legalBasis })),
    flags: audience === 'OFFICIAL' ? c.flags : [],
    decisions: c.decisions.map((d) => ({ role: d.role, userId: d.userId, name: d.name, office: d.office, at: d.at })),
    frozen: state.status === 'FROZEN' ? { reason: state.freeze.reason, reference: state.freeze.reference, by: who(state.freeze) } : null,
    ended: 'ending' in state ? { outcome: state.status, reason: state.ending.reason, reference: state.ending.reference, by: who(state.ending) } : null,
    openedAt: c.opened.at,
    openedBy: who(c.opened),
    updatedAt: c.updatedAt,
  };
}
