import { EntityManager } from 'typeorm';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { insertRows } from '../sql-batch';
import { CaseContext, caseIdOf, nextContext } from './case-context';

/** Where a projection's case contexts live and how to rebuild one: its table, its name (for its quarantine) and the store. */
export interface CaseContextSource {
  readonly table: string;
  readonly projection: string;
  readonly store: EventStore;
}

/** A saved context and the revision of its case stream it is at (null: saved before revisions were kept). */
interface AtRevision {
  readonly context: CaseContext;
  readonly revision: number | null;
}

type ContextRow = {
  case_id: string;
  target_agency: string | null;
  origin_agency: string | null;
  employee_nip: string | null;
  route: string | null;
  penjabat_agencies: string[];
  window_rules: string[];
  revision: number | null;
};

/**
 * Loads, advances and saves the case contexts of a batch, in a table a projection owns. Each context is saved with the
 * revision it is at; a batch that starts a case at or below that revision is applying events again (a replay over
 * existing rows), so the case's context is rebuilt from its stream as it was just before them, never taken from what
 * the case learned later.
 */
export class CaseContexts {
  private readonly contexts = new Map<string, AtRevision>();

  private constructor(private readonly source: CaseContextSource) {}

  static async load(tx: EntityManager, source: CaseContextSource, events: readonly RecordedEvent[]): Promise<CaseContexts> {
    const self = new CaseContexts(source);
    const firstOfCase = new Map<string, RecordedEvent>();
    for (const e of events) {
      const caseId = caseIdOf(e);
      if (caseId !== null && !firstOfCase.has(caseId)) firstOfCase.set(caseId, e);
    }
    if (firstOfCase.size === 0) return self;
    const rows = (await tx.query(
      `SELECT case_id, target_agency, origin_agency, employee_nip, route, penjabat_agencies, window_rules, revision FROM ${source.table} WHERE case_id = ANY($1)`,
      [[...firstOfCase.keys()]],
    )) as ContextRow[];
    for (const r of rows) {
      const context: CaseContext = {
        caseId: r.case_id,
        targetAgency: r.target_agency,
        originAgency: r.origin_agency,
        employeeNip: r.employee_nip,
        route: r.route,
        penjabatAgencies: r.penjabat_agencies,
        windowRules: r.window_rules,
      };
      self.contexts.set(r.case_id, { context, revision: r.revision });
    }
    for (const [caseId, first] of firstOfCase) {
      const saved = self.contexts.get(caseId);
      if (saved && (saved.revision === null || first.revision <= saved.revision)) await self.rewind(tx, caseId, first);
    }
    return self;
  }

  /** Advances the case of `event` and returns its context after the event (null for non-case events). */
  advance(event: RecordedEvent): CaseContext | null {
    const caseId = caseIdOf(event);
    if (caseId === null) return null;
    const next = nextContext(this.contexts.get(caseId)?.context ?? null, event);
    if (next) this.contexts.set(caseId, { context: next, revision: event.revision });
    return next;
  }

  async save(tx: EntityManager): Promise<void> {
    await insertRows(
      tx,
      this.source.table,
      [
        { name: 'case_id', type: 'text' },
        { name: 'target_agency', type: 'text' },
        { name: 'origin_agency', type: 'text' },
        { name: 'employee_nip', type: 'text' },
        { name: 'route', type: 'text' },
        { name: 'penjabat_agencies', type: 'text[]' },
        { name: 'window_rules', type: 'text[]' },
        { name: 'revision', type: 'int' },
      ],
      [...this.contexts.values()].map(({ context: c, revision }) => [
        c.caseId,
        c.targetAgency,
        c.originAgency,
        c.employeeNip,
        c.route,
        c.penjabatAgencies,
        c.windowRules,
        revision,
      ]),
      `ON CONFLICT (case_id) DO UPDATE SET target_agency = excluded.target_agency, origin_agency = excluded.origin_agency, employee_nip = excluded.employee_nip,
       route = excluded.route, penjabat_agencies = excluded.penjabat_agencies, window_rules = excluded.window_rules, revision = excluded.revision`,
    );
  }

  /**
   * The context just before `event`, folded from the events before it in its stream as the live run folded them: the
   * events this projection quarantined never reached a saved context (their batch was rolled back), so they are left out.
   */
  private async rewind(tx: EntityManager, caseId: string, event: RecordedEvent): Promise<void> {
    const history = await this.source.store.readStream(event.streamId, { maxCount: event.revision });
    const quarantined = (await tx.query('SELECT revision FROM projection_quarantine WHERE projection = $1 AND stream_id = $2 AND revision < $3', [
      this.source.projection,
      event.streamId,
      event.revision,
    ])) as { revision: number | string }[];
    const skipped = new Set(quarantined.map((q) => Number(q.revision))); // a bigint column: read as text
    let context: CaseContext | null = null;
    for (const e of history) if (!skipped.has(e.revision)) context = nextContext(context, e);
    if (context) this.contexts.set(caseId, { context, revision: event.revision - 1 });
    else this.contexts.delete(caseId);
  }
}
