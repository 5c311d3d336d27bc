import { DataSource } from 'typeorm';
import { DomainError } from '@mutasi/domain';

export interface EventFilter {
  readonly actorId?: string;
  readonly agencyId?: string;
  readonly type?: string;
  readonly from?: string;
  readonly to?: string;
  readonly cursor?: string;
}

const PAGE = 100;

/** The agencies an inspector may read (null: all). */
type Scope = readonly string[] | null;

/** Refuses an agency filter outside the inspector's scope. */
function inScope(agencyId: string | undefined, agencies: Scope): void {
  if (agencyId !== undefined && agencies !== null && !agencies.includes(agencyId))
    throw new DomainError('FORBIDDEN', 'AGENCY_NOT_ALLOWED', `${agencyId} di luar yang boleh Anda baca`);
}

type TrailRow = {
  position: string;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  case_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_agency: string | null;
  recorded_at: Date | null;
  what: string;
  justification: string | null;
  rule_outcomes: unknown[];
  hash: string;
  prev_hash: string;
};

const trailItem = (r: TrailRow) => ({
  position: r.position,
  time: r.recorded_at?.toISOString() ?? null,
  actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role, agencyId: r.actor_agency },
  type: r.type,
  what: r.what,
  justification: r.justification,
  ruleOutcomes: r.rule_outcomes,
  caseId: r.case_id,
  streamId: r.stream_id,
  revision: r.revision,
  eventId: r.event_id,
  hash: r.hash,
  prevHash: r.prev_hash,
});

/** Builds `WHERE` conditions with numbered parameters. */
class Where {
  readonly params: unknown[] = [];
  readonly parts: string[] = [];

  add(sql: (p: string) => string, value: unknown): void {
    if (value === undefined) return;
    this.params.push(value);
    this.parts.push(sql(`$${this.params.length}`));
  }

  get sql(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** Keyset pages of `PAGE` rows: `nextCursor` is the last position of the page, or null at the end. */
function page<T extends { position: string }>(rows: T[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, PAGE);
  return { items, nextCursor: rows.length > PAGE ? (items.at(-1)?.position ?? null) : null };
}

/** The audit read models behind `/api/audit/*`: every query is a range scan of an index that starts with its filter. */
export class AuditQueries {
  constructor(private readonly db: DataSource) {}

  /** Refuses (403) a case none of whose events touch the agencies an inspector may read. */
  async requireCaseIn(caseId: string, agencies: Scope): Promise<void> {
    if (agencies === null) return;
    const rows = (await this.db.query(
      'SELECT 1 FROM audit_events e JOIN audit_event_agencies a ON a.position = e.position WHERE e.case_id = $1 AND a.agency_id = ANY($2) LIMIT 1',
      [caseId, [...agencies]],
    )) as unknown[];
    if (rows.length === 0) throw new DomainError('FORBIDDEN', 'CASE_NOT_VISIBLE', 'kasus ini di luar yang boleh Anda baca: tidak melibatkan instansi yang Anda awasi');
  }

  async caseTrail(caseId: string, agencies: Scope) {
    const rows = (await this.db.query('SELECT * FROM audit_events WHERE case_id = $1 ORDER BY position', [caseId])) as TrailRow[];
    if (rows.length === 0) throw new DomainError('NOT_FOUND', 'CASE_NOT_FOUND', `tidak ada jejak audit untuk kasus ${caseId}`);
    await this.requireCaseIn(caseId, agencies);
    return { caseId, events: rows.map(trailItem) };
  }

  async events(filter: EventFilter, agencies: Scope) {
    const w = new Where();
    const agency = filter.agencyId !== undefined || agencies !== null;
    inScope(filter.agencyId, agencies);
    if (filter.agencyId === undefined && agencies !== null) w.add((p) => `a.agency_id = ANY(${p})`, [...agencies]);
    w.add((p) => `${agency ? 'a.' : 'e.'}position > ${p}`, filter.cursor);
    w.add((p) => `a.agency_id = ${p}`, filter.agencyId);
    w.add((p) => `e.actor_id = ${p}`, filter.actorId);
    w.add((p) => `e.type = ${p}`, filter.type);
    w.add((p) => `e.recorded_at >= ${p}`, filter.from);
    w.add((p) => `e.recorded_at <= ${p}`, filter.to);
    const from = agency ? 'audit_event_agencies a JOIN audit_events e ON e.position = a.position' : 'audit_events e';
    const rows = (await this.db.query(`SELECT e.* FROM ${from} ${w.sql} ORDER BY ${agency ? 'a' : 'e'}.position LIMIT ${PAGE + 1}`, w.params)) as TrailRow[];
    const { items, nextCursor } = page(rows);
    return { items: items.map(trailItem), nextCursor };
  }

  async flags(filter: { ruleId?: string; agencyId?: string; from?: string; to?: string; cursor?: string }, agencies: Scope) {
    const w = new Where();
    inScope(filter.agencyId, agencies);
    if (agencies !== null) w.add((p) => `agency_id = ANY(${p})`, [...agencies]);
    w.add((p) => `position > ${p}`, filter.cursor);
    w.add((p) => `rule_id = ${p}`, filter.ruleId);
    w.add((p) => `agency_id = ${p}`, filter.agencyId);
    w.add((p) => `raised_at >= ${p}`, filter.from);
    w.add((p) => `raised_at <= ${p}`, filter.to);
    const rows = (await this.db.query(`SELECT * FROM audit_flags_all ${w.sql} ORDER BY position, flag_id LIMIT ${PAGE + 1}`, w.params)) as {
      flag_id: string;
      rule_id: string;
      pattern: string;
      case_id: string | null;
      agency_id: string | null;
      actor_id: string | null;
      raised_at: Date;
      position: string;
      reason: string;
      event_ids: string[];
      details: unknown;
    }[];
    const { items, nextCursor } = page(rows);
    return {
      items: items.map((r) => ({
        flagId: r.flag_id,
        ruleId: r.rule_id,
        pattern: r.pattern,
        caseId: r.case_id,
        agencyId: r.agency_id,
        actorId: r.actor_id,
        raisedAt: r.raised_at.toISOString(),
        position: r.position,
        reason: r.reason,
        eventIds: r.event_ids,
        details: r.details,
      })),
      nextCursor,
    };
  }

  async refusals(filter: { actorId?: string; from?: string; to?: string; cursor?: string }, agencies: Scope) {
    const w = new Where();
    if (agencies !== null) w.add((p) => `actor_agency = ANY(${p})`, [...agencies]);
    w.add((p) => `position > ${p}`, filter.cursor);
    w.add((p) => `actor_id = ${p}`, filter.actorId);
    w.add((p) => `recorded_at >= ${p}`, filter.from);
    w.add((p) => `recorded_at <= ${p}`, filter.to);
    const rows = (await this.db.query(`SELECT * FROM audit_refusals ${w.sql} ORDER BY position LIMIT ${PAGE + 1}`, w.params)) as {
      position: string;
      event_id: string;
      actor_id: string;
      actor_role: string | null;
      actor_agency: string | null;
      command: string;
      case_id: string | null;
      status: number;
      code: string;
      rule_id: string | null;
      reason: string;
      recorded_at: Date;
      details: unknown;
    }[];
    const { items, nextCursor } = page(rows);
    return {
      items: items.map((r) => ({
        position: r.position,
        eventId: r.event_id,
        actor: { id: r.actor_id, role: r.actor_role, agencyId: r.actor_agency },
        command: r.command,
        caseId: r.case_id,
        status: r.status,
        code: r.code,
        ruleId: r.rule_id,
        reason: r.reason,
        time: r.recorded_at.toISOString(),
        details: r.details,
      })),
      nextCursor,
    };
  }
}
