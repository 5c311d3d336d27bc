import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@mutasi/event-store';
import { insertRows } from '../sql-batch';
import { CaseContext, caseIdOf, nextContext } from './case-context';

/** Loads, advances and saves the case contexts of a batch, in a table a projection owns. */
export class CaseContexts {
  private readonly contexts = new Map<string, CaseContext>();

  private constructor(private readonly table: string) {}

  static async load(tx: EntityManager, table: string, events: readonly RecordedEvent[]): Promise<CaseContexts> {
    const self = new CaseContexts(table);
    const ids = [...new Set(events.map(caseIdOf).filter((id): id is string => id !== null))];
    if (ids.length === 0) return self;
    const rows = (await tx.query(`SELECT case_id, target_agency, origin_agency, employee_nip, route, penjabat_agencies, window_rules FROM ${table} WHERE case_id = ANY($1)`, [
      ids,
    ])) as {
      case_id: string;
      target_agency: string | null;
      origin_agency: string | null;
      employee_nip: string | null;
      route: string | null;
      penjabat_agencies: string[];
      window_rules: string[];
    }[];
    for (const r of rows) {
      self.contexts.set(r.case_id, {
        caseId: r.case_id,
        targetAgency: r.target_agency,
        originAgency: r.origin_agency,
        employeeNip: r.employee_nip,
        route: r.route,
        penjabatAgencies: r.penjabat_agencies,
        windowRules: r.window_rules,
      });
    }
    return self;
  }

  /** Advances the case of `event` and returns its context after the event (null for non-case events). */
  advance(event: RecordedEvent): CaseContext | null {
    const caseId = caseIdOf(event);
    if (caseId === null) return null;
    const next = nextContext(this.contexts.get(caseId) ?? null, event);
    if (next) this.contexts.set(caseId, next);
    return next;
  }

  async save(tx: EntityManager): Promise<void> {
    await insertRows(
      tx,
      this.table,
      [
        { name: 'case_id', type: 'text' },
        { name: 'target_agency', type: 'text' },
        { name: 'origin_agency', type: 'text' },
        { name: 'employee_nip', type: 'text' },
        { name: 'route', type: 'text' },
        { name: 'penjabat_agencies', type: 'text[]' },
        { name: 'window_rules', type: 'text[]' },
      ],
      [...this.contexts.values()].map((c) => [c.caseId, c.targetAgency, c.originAgency, c.employeeNip, c.route, c.penjabatAgencies, c.windowRules]),
      `ON CONFLICT (case_id) DO UPDATE SET target_agency = excluded.target_agency, origin_agency = excluded.origin_agency, employee_nip = excluded.employee_nip,
       route = excluded.route, penjabat_agencies = excluded.penjabat_agencies, window_rules = excluded.window_rules`,
    );
  }
}
