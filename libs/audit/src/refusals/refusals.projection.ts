import { EntityManager } from 'typeorm';
import { Actor, COMMAND_REFUSED, payloadOf } from '@mutasi/domain';
import { RecordedEvent } from '@mutasi/event-store';
import { Projection } from '@mutasi/read-models';
import { insertRows } from '../sql-batch';

/** M-04: every refused command, who tried it, and the permission or rule that refused it. */
export class RefusalsProjection implements Projection {
  readonly name = 'audit-refusals';
  readonly tables = ['audit_refusals'];

  handles(event: RecordedEvent): boolean {
    return event.type === COMMAND_REFUSED;
  }

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const rows = events.map((e) => {
      const d = payloadOf(e, COMMAND_REFUSED) ?? {};
      const actor = (e.metadata.actor ?? {}) as Partial<Actor>;
      return [
        e.globalPosition,
        e.eventId,
        actor.userId ?? 'unknown',
        actor.role ?? null,
        actor.agencyId ?? null,
        String(d.command),
        d.caseId ?? null,
        Number(d.status),
        String(d.code),
        d.ruleId ?? null,
        String(d.reason),
        e.metadata.recordedAt,
        { legalBasis: d.legalBasis ?? null, bodyExcerpt: d.bodyExcerpt ?? null, ruleOutcomes: d.ruleOutcomes ?? [] },
      ];
    });
    await insertRows(
      tx,
      'audit_refusals',
      [
        { name: 'position', type: 'text' },
        { name: 'event_id', type: 'uuid' },
        { name: 'actor_id', type: 'text' },
        { name: 'actor_role', type: 'text' },
        { name: 'actor_agency', type: 'text' },
        { name: 'command', type: 'text' },
        { name: 'case_id', type: 'text' },
        { name: 'status', type: 'int' },
        { name: 'code', type: 'text' },
        { name: 'rule_id', type: 'text' },
        { name: 'reason', type: 'text' },
        { name: 'recorded_at', type: 'timestamptz' },
        { name: 'details', type: 'jsonb' },
      ],
      rows,
      'ON CONFLICT (position) DO NOTHING',
    );
  }
}
