import { caseIdOfStream, RuleOutcome, upcastStored } from '@mutasi/domain';
import { RecordedEvent } from '@mutasi/event-store';

/** What an audit projection remembers of a case to place its later events: agencies, employee, overlays in force. */
export interface CaseContext {
  readonly caseId: string;
  readonly targetAgency: string | null;
  readonly originAgency: string | null;
  readonly employeeNip: string | null;
  readonly route: string | null;
  /** Agencies led by a PENJABAT when the rules last ran. */
  readonly penjabatAgencies: readonly string[];
  /** Election or inauguration windows in force when the rules last ran. */
  readonly windowRules: readonly string[];
}

/** A recorded outcome as this reader relies on it: any field may be missing from a damaged event; R-45's inputs as it records them. */
type Outcome = Partial<Omit<RuleOutcome, 'inputs'>> & { inputs?: { agencies?: { agencyId?: string; ppkStatus?: string }[]; actingHeads?: string[] } };

/** The case a transfer event belongs to, or null for other streams. */
export function caseIdOf(event: Pick<RecordedEvent, 'streamId'>): string | null {
  return caseIdOfStream(event.streamId);
}

/** The context after `event` (pure). */
export function nextContext(context: CaseContext | null, stored: RecordedEvent): CaseContext | null {
  const event = upcastStored(stored);
  const caseId = caseIdOf(event);
  if (caseId === null) return context;
  const base: CaseContext = context ?? { caseId, targetAgency: null, originAgency: null, employeeNip: null, route: null, penjabatAgencies: [], windowRules: [] };
  const d: Record<string, unknown> = event.data;
  const outcomes = (event.metadata.ruleOutcomes ?? []) as Outcome[];
  let next = base;
  if (event.type === 'TransferCaseOpened.v1') next = { ...next, targetAgency: String(d.targetAgencyId) };
  if (event.type === 'CandidateProposed.v1' || event.type === 'ProposalRevised.v1') {
    next = { ...next, originAgency: String(d.originAgencyId), employeeNip: String((d.candidate as { nip?: string }).nip), route: String(d.route) };
  }
  const overlays = outcomes.filter((o) => ['R-40', 'R-43', 'R-45'].includes(o.ruleId ?? ''));
  if (overlays.length > 0) {
    const required = (id: string): boolean => overlays.some((o) => o.ruleId === id && o.outcome === 'REQUIRES_STEP');
    const r45 = overlays.find((o) => o.ruleId === 'R-45');
    const acting = r45?.inputs?.actingHeads ?? ['PENJABAT'];
    const penjabat = r45?.inputs?.agencies?.filter((a) => acting.includes(String(a.ppkStatus))).map((a) => String(a.agencyId));
    next = { ...next, windowRules: ['R-40', 'R-43'].filter(required), ...(penjabat ? { penjabatAgencies: penjabat } : {}) };
  }
  return next;
}
