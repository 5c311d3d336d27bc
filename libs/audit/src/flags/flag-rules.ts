import { Actor, addDays, addYears, COMMAND_REFUSED, payloadOf, Policy, RuleOutcome, toDate } from '@mutasi/domain';
import { RecordedEvent } from '@mutasi/event-store';
import { CaseContext } from '../trail/case-context';

/** An interference flag for inspectors, linked to the events that raised it. */
export interface Flag {
  readonly flagId: string;
  readonly ruleId: string;
  readonly pattern: string;
  readonly caseId: string | null;
  readonly agencyId: string | null;
  readonly actorId: string | null;
  readonly raisedAt: string;
  readonly position: string;
  readonly reason: string;
  readonly eventIds: readonly string[];
  readonly details: Record<string, unknown>;
}

/** A decree as the flag rules remember it. */
export interface DecreeFact {
  readonly caseId: string;
  readonly eventId: string;
  readonly employeeNip: string;
  readonly signerId: string;
  readonly decreeDate: string;
}

/** The actor of an event as stored; any field may be missing from a damaged event. */
type StoredActor = Partial<Actor>;

const DECISIONS = new Set([
  'NeedsAnalysisApproved.v1',
  'ApprovalStepGranted.v1',
  'ApprovalStepRejected.v1',
  'ProposalReturnedForRevision.v1',
  'ObjectionResolved.v1',
  'DecreeIssued.v1',
  'AppointmentRecorded.v1',
]);

function patternOf(o: RuleOutcome): string {
  if (o.ruleId === 'M-01') return 'MERIT_DEVIATION';
  if ((o.ruleId === 'R-03' || o.ruleId === 'R-44') && o.inputs?.ground !== undefined) return 'OVERRIDE';
  if (o.ruleId === 'M-03') return 'REPEAT_MOVE';
  if (['R-30', 'R-31', 'R-32', 'R-33'].includes(o.ruleId)) return 'OVERDUE';
  if (o.ruleId === 'R-48') return 'AUDIT_FREEZE';
  return 'RULE_OUTCOME';
}

/**
 * Flags an event raises on its own (kind F rules and M-03/M-04 patterns): recorded FLAG outcomes, any action inside
 * an election or post-inauguration window, decisions by a PENJABAT regional head's agency, and refused commands.
 */
export function eventFlags(event: RecordedEvent, context: CaseContext | null): Flag[] {
  const actor = (event.metadata.actor ?? {}) as StoredActor;
  const at = String(event.metadata.recordedAt ?? '');
  const caseId = context?.caseId ?? (typeof event.metadata.caseId === 'string' ? event.metadata.caseId : null);
  const agencyId = context?.targetAgency ?? actor.agencyId ?? null;
  const base = { caseId, agencyId, actorId: actor.userId ?? null, raisedAt: at, position: event.globalPosition, eventIds: [event.eventId] };
  const flags: Flag[] = ((event.metadata.ruleOutcomes ?? []) as RuleOutcome[]).flatMap((o, i) =>
    o.outcome === 'FLAG'
      ? [{ ...base, flagId: `${event.eventId}:${i}`, ruleId: o.ruleId, pattern: patternOf(o), reason: o.reason, details: { legalBasis: o.legalBasis, inputs: o.inputs ?? {} } }]
      : [],
  );
  for (const rule of context?.windowRules ?? []) {
    flags.push({
      ...base,
      flagId: `${event.eventId}:${rule}-window`,
      ruleId: rule,
      pattern: 'ACTION_IN_WINDOW',
      reason: `${event.type} oleh ${actor.userId ?? '?'} selama kasus berada dalam ${rule === 'R-40' ? 'masa larangan mutasi Pilkada' : 'masa setelah pelantikan kepala daerah'}`,
      details: { type: event.type },
    });
  }
  if (DECISIONS.has(event.type) && actor.agencyId && context?.penjabatAgencies.includes(actor.agencyId)) {
    flags.push({
      ...base,
      flagId: `${event.eventId}:penjabat`,
      ruleId: 'R-45',
      pattern: 'PENJABAT_DECISION',
      reason: `${event.type} oleh ${actor.userId ?? '?'} dari ${actor.agencyId}, yang dipimpin penjabat kepala daerah (PENJABAT)`,
      details: { type: event.type },
    });
  }
  const d = payloadOf(event, COMMAND_REFUSED);
  if (d !== null) {
    flags.push({
      ...base,
      flagId: `${event.eventId}:refused`,
      ruleId: 'M-04',
      pattern: 'REFUSED_COMMAND',
      reason: `${actor.userId ?? '?'} ditolak saat menjalankan ${String(d.command)}: ${String(d.code)}${d.ruleId ? ` (${String(d.ruleId)})` : ''}`,
      details: { status: d.status, code: d.code, ruleId: d.ruleId ?? null },
    });
  }
  return flags;
}

/**
 * M-03 patterns of a decree: the same employee decreed again within `repeatMoveYears`, and one signer issuing
 * `ppkDecreeBurst.count` decrees within `windowDays` (flagged each time the count reaches a multiple of the limit).
 */
export function decreeFlags(event: RecordedEvent, decree: DecreeFact, employeeEarlier: readonly DecreeFact[], signerRecent: readonly DecreeFact[], policy: Policy): Flag[] {
  const flags: Flag[] = [];
  const base = { caseId: decree.caseId, agencyId: null, actorId: decree.signerId, raisedAt: String(event.metadata.recordedAt ?? ''), position: event.globalPosition };
  const repeatFrom = addYears(decree.decreeDate, -policy.repeatMoveYears.value);
  const repeat = employeeEarlier.filter((d) => d.caseId !== decree.caseId && d.decreeDate >= repeatFrom && d.decreeDate <= decree.decreeDate);
  if (repeat.length > 0) {
    flags.push({
      ...base,
      flagId: `${event.eventId}:repeat-move`,
      ruleId: 'M-03',
      pattern: 'REPEAT_MOVE',
      eventIds: [...repeat.map((d) => d.eventId), event.eventId],
      reason: `NIP ${decree.employeeNip} kembali di-SK-kan dalam ${policy.repeatMoveYears.value} tahun (sebelumnya: ${repeat.map((d) => d.decreeDate).join(', ')})`,
      details: { employeeNip: decree.employeeNip, earlierCases: repeat.map((d) => d.caseId) },
    });
  }
  const burst = policy.ppkDecreeBurst.value;
  const windowFrom = addDays(decree.decreeDate, -(burst.windowDays - 1));
  const inWindow = [...signerRecent.filter((d) => d.caseId !== decree.caseId && d.decreeDate >= windowFrom && d.decreeDate <= toDate(decree.decreeDate)), decree];
  if (inWindow.length >= burst.count && inWindow.length % burst.count === 0) {
    flags.push({
      ...base,
      flagId: `${event.eventId}:ppk-burst`,
      ruleId: 'M-03',
      pattern: 'PPK_BURST',
      eventIds: inWindow.map((d) => d.eventId),
      reason: `${decree.signerId} menandatangani ${inWindow.length} SK dalam ${burst.windowDays} hari`,
      details: { signerId: decree.signerId, count: inWindow.length, windowDays: burst.windowDays },
    });
  }
  return flags;
}
