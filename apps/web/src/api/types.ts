/** The shapes of the API's answers the pages read (the requests are typed from the OpenAPI document). */
export interface Who { userId: string; name: string; role: string; agencyId: string; at: string }

export interface InboxItem {
  caseId: string; taskId: string; kind: string; stepId: string | null; role: string; agencyId: string; title: string;
  deadline: string | null; overdue: boolean; escalations: number; position: string | null; candidate: string | null; route: string | null; status: string;
}

export interface CaseListItem {
  caseId: string; targetAgencyId: string; originAgencyId: string | null; targetPositionId: string; position: string | null; route: string | null;
  stage: string; status: string; open: boolean; candidate: { nip: string; name: string } | null; openedAt: string | null; daysInStage: number | null; updatedAt: string;
}

export interface Step {
  stepId: string; kind: string; title: string; role: string; agencyId: string; status: string; deadline: string | null; ruleIds: string[]; escalations: number;
  actor: (Who & { notes?: string }) | null;
}

export interface RuleOutcome { ruleId: string; outcome: string; reason: string; legalBasis: string }

export interface CaseDocument {
  documentId: string; kind: string; title: string; sha256: string; agencyId: string; status: string; attached: Who | null;
  verification: (Who & { notes?: string }) | null;
}

export interface TrainingItem { itemId: string; competency: string; kind: string; hours: number; due: string; mandatory: boolean; dueBy: string | null; status: string; overdue: boolean }

export interface AvailableAction { command: string; stepId?: string; documentId?: string; itemId?: string; periodMonths?: number }

export interface CaseView {
  caseId: string; stage: string; status: string; route: string | null; revision: number;
  target: { agencyId: string; positionId: string; title: string; positionClass: string };
  needsAnalysis: { kebutuhan: number; bezetting: number; justification: string; workloadHours?: number | null } | null;
  needsApproval: (Who & { notes?: string }) | null;
  candidate: null | {
    nip: string; name: string; kind: string; golongan: string; originAgencyId: string; originPositionId: string; originPositionTitle: string; initiative: string;
    justification: string; meritDeviationJustification?: string | null; proposedBy: Who | null;
    merit: { scoreVersion: string; candidates: number; chosenRank: number | null; chosenScore: number | null; top?: { nip: string; name: string; score: number; rank: number }[] };
  };
  socialisation: null | { notifiedAt?: string; objectionDeadline?: string; acknowledgedAt?: string; objection?: { reason: string; raisedAt: string; decisionDeadline: string; resolution?: { outcome: string; reasoning: string } | null } | null };
  requiredDocuments: { kind: string; title: string; status: string }[];
  documents: CaseDocument[];
  approvalChain: Step[];
  chainPolicyVersion: string | null;
  decreeSigner: { role: string; agencyId: string } | null;
  decree: null | { decreeNumber: string; decreeDate: string; effectiveDate: string; documentSha256: string; signedBy: Who | null };
  appointment: null | { appointedOn: string; reference: string };
  evaluations: { periodMonths: number; dueOn: string; result: null | { verdict: string; score: number; skpBefore?: string; skpAfter?: string } }[];
  training: null | { summary: { items: number; completed: number; waived: number; overdue: number }; items: TrainingItem[] };
  ruleOutcomes: RuleOutcome[];
  flags: { ruleId?: string; reason?: string; legalBasis?: string; code?: string }[];
  frozen: null | { reason: string; reference: string };
  ended: null | { outcome: string; reason: string };
  openedAt: string; openedBy: Who | null; updatedAt: string;
  actions: AvailableAction[];
}

export interface StoredEvent { streamId: string; revision: number; eventId: string; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }

export interface Agency { id: string; name: string; kind: string; provinceCode: string | null; timeZone?: 'WIB' | 'WITA' | 'WIT' }

export interface Position { id: string; agencyId: string; unit: string; title: string; positionClass: string; kebutuhan: number; bezetting: number }

export interface Candidate {
  nip: string; name: string; agencyId: string; positionId: string; positionTitle: string; kind: string; route: string | null;
  standing: 'ELIGIBLE' | 'ELIGIBLE_WITH_GROUND' | 'NOT_ELIGIBLE'; rank: number | null; score: number;
  parts: { skp: number; competency: number; education: number; timeInPost: number; assessment?: number };
  blockedBy: string[]; needsGround: string[]; outcomes?: RuleOutcome[];
}

export interface CandidatePool {
  targetPositionId: string; scoreVersion: string; policyVersion: string; size: number; eligible: number; candidates: Candidate[];
  emptyBecause: string | null; withheld: number; chosen: { nip: string; recordedRank: number | null; recordedOf: number } | null;
}
