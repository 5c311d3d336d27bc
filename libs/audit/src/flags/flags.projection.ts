import { EntityManager } from 'typeorm';
import { addDays, addYears, isIsoDate, Policy, policyForRecord, readTransferEvent } from '@mutasi/domain';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { PolicyRegistry, Projection } from '@mutasi/read-models';
import { insertRows } from '../sql-batch';
import { CaseContexts } from '../trail/case-contexts';
import { DecreeFact, decreeFlags, eventFlags, Flag } from './flag-rules';

type DecreeRow = { case_id: string; employee_nip: string; signer_id: string; decree_date: string; event_id: string };

/** Interference flags (kind F rules and M-03/M-04 patterns), each linked to the events that raised it. */
export class FlagsProjection implements Projection {
  readonly name = 'audit-flags';
  readonly tables = ['audit_flags', 'audit_flag_cases', 'audit_decrees'];
  private readonly policies: PolicyRegistry;

  constructor(private readonly store: EventStore) {
    this.policies = new PolicyRegistry(store);
  }

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const contexts = await CaseContexts.load(tx, { table: 'audit_flag_cases', projection: this.name, store: this.store }, events);
    const flags: Flag[] = [];
    const decrees: { fact: DecreeFact; position: string }[] = [];
    for (const e of events) {
      const context = contexts.advance(e);
      flags.push(...eventFlags(e, context));
      const issued = context ? readTransferEvent(e) : null;
      if (issued?.type === 'DecreeIssued.v1' && context) {
        const d = issued.data;
        // The store accepted whatever JSON it was given: a decree without these is quarantined, not flagged wrongly.
        if (typeof d.employeeNip !== 'string' || !isIsoDate(d.decreeDate)) throw new Error(`DecreeIssued.v1 ${e.eventId} has no employee or no real decree date`);
        const decree: DecreeFact = {
          caseId: context.caseId,
          eventId: e.eventId,
          employeeNip: d.employeeNip,
          signerId: String(issued.metadata.actor?.userId),
          decreeDate: d.decreeDate,
        };
        // The policy the decision recorded; an unknown version or a date before every version still gets one.
        const policy = policyForRecord(await this.policies.policies(), e.metadata.policyVersion, decree.decreeDate);
        const stored = await this.decreesOf(tx, decree, policy, e.globalPosition);
        const earlier = [...stored, ...decrees.map((d) => d.fact)];
        flags.push(
          ...decreeFlags(
            e,
            decree,
            earlier.filter((x) => x.employeeNip === decree.employeeNip),
            earlier.filter((x) => x.signerId === decree.signerId),
            policy,
          ),
        );
        decrees.push({ fact: decree, position: e.globalPosition });
      }
    }
    await insertRows(
      tx,
      'audit_decrees',
      [
        { name: 'case_id', type: 'text' },
        { name: 'employee_nip', type: 'text' },
        { name: 'signer_id', type: 'text' },
        { name: 'decree_date', type: 'date' },
        { name: 'event_id', type: 'text' },
        { name: 'position', type: 'text' },
      ],
      decrees.map(({ fact: d, position }) => [d.caseId, d.employeeNip, d.signerId, d.decreeDate, d.eventId, position]),
      'ON CONFLICT (case_id) DO NOTHING',
    );
    await insertRows(
      tx,
      'audit_flags',
      [
        { name: 'flag_id', type: 'text' },
        { name: 'rule_id', type: 'text' },
        { name: 'pattern', type: 'text' },
        { name: 'case_id', type: 'text' },
        { name: 'agency_id', type: 'text' },
        { name: 'actor_id', type: 'text' },
        { name: 'raised_at', type: 'timestamptz' },
        { name: 'position', type: 'text' },
        { name: 'reason', type: 'text' },
        { name: 'event_ids', type: 'text[]' },
        { name: 'details', type: 'jsonb' },
      ],
      flags.map((f) => [f.flagId, f.ruleId, f.pattern, f.caseId, f.agencyId, f.actorId, f.raisedAt, f.position, f.reason, f.eventIds, f.details]),
      'ON CONFLICT (flag_id) DO NOTHING',
    );
    await contexts.save(tx);
  }

  /**
   * Earlier decrees of the same employee (within the repeat window) or signer (within the burst window), as stored:
   * only those before `position` in the global order, so a decree applied again is never compared with later ones.
   */
  private async decreesOf(tx: EntityManager, decree: DecreeFact, policy: Policy, position: string): Promise<DecreeFact[]> {
    const rows = (await tx.query(
      `SELECT case_id, employee_nip, signer_id, decree_date::text AS decree_date, event_id FROM audit_decrees
       WHERE ((employee_nip = $1 AND decree_date >= $3) OR (signer_id = $2 AND decree_date >= $4)) AND (position IS NULL OR position < $5)`,
      [
        decree.employeeNip,
        decree.signerId,
        addYears(decree.decreeDate, -policy.repeatMoveYears.value),
        addDays(decree.decreeDate, -policy.ppkDecreeBurst.value.windowDays),
        position,
      ],
    )) as DecreeRow[];
    return rows.map((r) => ({ caseId: r.case_id, eventId: r.event_id, employeeNip: r.employee_nip, signerId: r.signer_id, decreeDate: r.decree_date }));
  }
}
