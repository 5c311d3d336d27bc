import { EntityManager } from 'typeorm';
import { Actor } from '@mutasi/domain';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { Projection } from '@mutasi/read-models';
import { insertRows } from '../sql-batch';
import { CaseContexts } from './case-contexts';
import { describeEvent } from './describe-event';

/**
 * The audit trail: one row per event of every stream, in global order, saying who did what, when, in which role and
 * agency, why (justification, rule outcomes), with the event's hash; and the agencies each event concerns.
 */
export class AuditTrailProjection implements Projection {
  readonly name = 'audit-trail';
  readonly tables = ['audit_events', 'audit_event_agencies', 'audit_cases'];

  /** `store`: where a case's context is rebuilt from when its events are applied again. */
  constructor(private readonly store: EventStore) {}

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const contexts = await CaseContexts.load(tx, { table: 'audit_cases', projection: this.name, store: this.store }, events);
    const rows: unknown[][] = [];
    const agencyRows: unknown[][] = [];
    for (const e of events) {
      const context = contexts.advance(e);
      const actor = (e.metadata.actor ?? {}) as Partial<Actor>;
      const caseId = context?.caseId ?? (typeof e.metadata.caseId === 'string' ? e.metadata.caseId : null);
      const { what, justification } = describeEvent(e);
      rows.push([
        e.globalPosition,
        e.streamId,
        e.revision,
        e.eventId,
        e.type,
        caseId,
        actor.userId ?? null,
        actor.name ?? null,
        actor.role ?? null,
        actor.agencyId ?? null,
        typeof e.metadata.recordedAt === 'string' ? e.metadata.recordedAt : null,
        what,
        justification,
        e.metadata.ruleOutcomes ?? [],
        e.metadata.hash,
        e.metadata.prevHash,
      ]);
      const agencies = new Set([actor.agencyId, context?.targetAgency, context?.originAgency].filter((a): a is string => typeof a === 'string' && a !== 'system'));
      for (const agency of agencies) agencyRows.push([agency, e.globalPosition]);
    }
    await insertRows(
      tx,
      'audit_events',
      [
        { name: 'position', type: 'text' },
        { name: 'stream_id', type: 'text' },
        { name: 'revision', type: 'int' },
        { name: 'event_id', type: 'uuid' },
        { name: 'type', type: 'text' },
        { name: 'case_id', type: 'text' },
        { name: 'actor_id', type: 'text' },
        { name: 'actor_name', type: 'text' },
        { name: 'actor_role', type: 'text' },
        { name: 'actor_agency', type: 'text' },
        { name: 'recorded_at', type: 'timestamptz' },
        { name: 'what', type: 'text' },
        { name: 'justification', type: 'text' },
        { name: 'rule_outcomes', type: 'jsonb' },
        { name: 'hash', type: 'text' },
        { name: 'prev_hash', type: 'text' },
      ],
      rows,
      'ON CONFLICT (position) DO NOTHING',
    );
    await insertRows(
      tx,
      'audit_event_agencies',
      [
        { name: 'agency_id', type: 'text' },
        { name: 'position', type: 'text' },
      ],
      agencyRows,
      'ON CONFLICT DO NOTHING',
    );
    await contexts.save(tx);
  }
}
