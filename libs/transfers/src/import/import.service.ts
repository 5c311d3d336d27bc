import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { canonicalJson } from '@mutasi/integrity';
import { EventData, EventStore, eventIdFor, PostgresEventStore, START } from '@mutasi/event-store';
import {
  abkNeed,
  Actor,
  REFERENCE_DATA_IMPORTED,
  REFERENCE_DATA_STREAM,
  REFERENCE_RECORDS_CHANGED,
  ReferenceDataImportedData,
  ReferenceRecordsChangedData,
  toDate,
} from '@mutasi/domain';
import { Clock, DevAuth, flattenValidationErrors, RequestValidationError } from '@mutasi/platform';
import { PolicyRegistry, ReadScopes } from '@mutasi/read-models';
import { AgencyRow, DelegationRow, DevUserRow, EmployeeRow, MutationPlanRow, PositionRow } from '../reference-data/entities';
import { HolidayCalendars } from '../reference-data/calendars';
import { ReferenceData } from '../reference-data/reference-data';
import { crossCheck } from './cross-checks';
import { RecordChange } from './record-diff';
import { ImportPlan, planImport } from './import-plan';
import { ReferenceDataImportDto } from './import.dto';

/** What an import did: the recorded event's counts and conflicts, without its source and event bookkeeping. */
export type ImportSummary = Omit<ReferenceDataImportedData, 'source' | 'changeEvents'>;

const CHANGES_PER_EVENT = 100;

/** A payload as the plain JSON the store keeps (values without a JSON form dropped, as the store would). */
function jsonOf(payload: ReferenceDataImportedData | ReferenceRecordsChangedData): Record<string, unknown> {
  const json: Record<string, unknown> = JSON.parse(JSON.stringify(payload));
  return json;
}

export interface ImportPreview {
  readonly changedRecords: number;
  readonly conflicts: ImportPlan['conflicts'];
  readonly changes: readonly {
    entity: string;
    key: string;
    created: boolean;
    fields: readonly { field: string; kind: string; old?: unknown; new?: unknown; sensitive: boolean }[];
  }[];
}

/**
 * Imports a reference data file as a whole: validates every field and every reference first, then, in one
 * transaction, upserts all of it, records per record the fields it changed with their old and new values
 * (`reference_changes` and `ReferenceRecordsChanged.v1` in the audit trail), reports and keeps what a newer placement
 * says where the file disagrees with it, and appends `ReferenceDataImported.v1` — or nothing at all.
 */
@Injectable()
export class ReferenceDataImporter {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly refs: ReferenceData,
    private readonly calendars: HolidayCalendars,
    private readonly scopes: ReadScopes,
    private readonly policies: PolicyRegistry,
    @Optional() private readonly dev?: DevAuth,
  ) {}

  /** Validates an untrusted JSON value (CLI files; the HTTP body is validated by the pipe) and imports it. */
  async importJson(json: unknown, actor: Actor, source: 'api' | 'cli' | 'seed'): Promise<ImportSummary> {
    const dto = plainToInstance(ReferenceDataImportDto, json);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new RequestValidationError(flattenValidationErrors(errors));
    return this.import(dto, actor, source);
  }

  /**
   * What an import would do, without doing it: the same checks (a 400 lists every problem) and the changes it would
   * make, record by record and field by field (sensitive values withheld). Nothing is written.
   */
  async preview(file: ReferenceDataImportDto, actor: Actor): Promise<ImportPreview> {
    await this.checked(file, actor, 'api');
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const plan = await planImport(tx, file);
      return {
        changedRecords: plan.changes.length,
        conflicts: plan.conflicts,
        changes: plan.changes.slice(0, 500).map((c) => ({
          entity: c.entity,
          key: c.key,
          created: c.created,
          fields: c.fields.map((f) =>
            f.sensitive ? { field: f.field, kind: f.kind, sensitive: true } : { field: f.field, kind: f.kind, old: f.old, new: f.new, sensitive: false },
          ),
        })),
      };
    });
  }

  /** The checks every import passes before anything is written: the file against the record and the policy in force. */
  private async checked(file: ReferenceDataImportDto, _actor: Actor, source: 'api' | 'cli' | 'seed'): Promise<void> {
    const existing = {
      agencies: new Set(((await this.db.query('SELECT id FROM agencies')) as { id: string }[]).map((r) => r.id)),
      positions: new Map(((await this.db.query('SELECT id, agency_id FROM positions')) as { id: string; agency_id: string }[]).map((r) => [r.id, r.agency_id])),
    };
    const today = toDate(this.clock.now().toISOString());
    const policy = await this.policies.inForce(today);
    const problems = [...crossCheck(file, existing, policy, today), ...(await this.recordProblems(file, existing.positions, source))];
    if (problems.length > 0) throw new RequestValidationError(problems);
  }

  async import(file: ReferenceDataImportDto, actor: Actor, source: 'api' | 'cli' | 'seed'): Promise<ImportSummary> {
    await this.checked(file, actor, source);
    const now = this.clock.now();
    const policy = await this.policies.inForce(toDate(now.toISOString()));
    // A position with an ABK holds the kebutuhan the ABK gives under the policy in force.
    file = { ...file, ...(file.positions ? { positions: file.positions.map((p) => (p.abkTasks ? { ...p, kebutuhan: abkNeed(p.abkTasks, policy).kebutuhan } : p)) } : {}) };
    const importId = randomUUID();
    const sha256 = createHash('sha256')
      .update(canonicalJson(JSON.parse(JSON.stringify(file)) as unknown))
      .digest('hex');
    const summary = await this.inTransaction(importId, async (tx, append) => {
      const plan = await planImport(tx, file);
      const counts: ImportSummary = {
        importId,
        agencies: file.agencies?.length ?? 0,
        positions: file.positions?.length ?? 0,
        employees: file.employees?.length ?? 0,
        delegations: file.delegations?.length ?? 0,
        electionCalendars: file.electionCalendars?.length ?? 0,
        holidayCalendars: file.holidayCalendars?.length ?? 0,
        users: file.users?.length ?? 0,
        mutationPlans: file.mutationPlans?.length ?? 0,
        sha256,
        changedRecords: plan.changes.length,
        conflicts: plan.conflicts,
      };
      const position = await append(this.events(importId, source, counts, plan.changes, actor, now.toISOString()));
      await this.upsert(tx, plan, { importedAt: now, importId, importedPosition: position });
      await this.record(tx, importId, plan, now, actor);
      return counts;
    });
    this.refs.invalidate();
    this.calendars.invalidate();
    this.scopes.invalidate();
    return summary;
  }

  /**
   * What the record forbids the file: demo sign-ins outside standalone demo mode, and moving a position to another agency
   * while people hold it or a case under way targets it.
   */
  private async recordProblems(
    file: ReferenceDataImportDto,
    positions: ReadonlyMap<string, string>,
    source: 'api' | 'cli' | 'seed',
  ): Promise<{ field: string; message: string }[]> {
    const problems: { field: string; message: string }[] = [];
    if ((file.users ?? []).length > 0 && source !== 'seed' && !this.dev?.issuer)
      problems.push({
        field: 'users',
        message: 'users adalah akun masuk demo: hanya diterima dalam mode standalone dengan AUTH_DEV_TOKENS=true; pengguna sebenarnya berasal dari penyedia identitas',
      });
    const moved = (file.positions ?? []).map((p, i) => ({ p, i })).filter(({ p }) => positions.has(p.id) && positions.get(p.id) !== p.agencyId);
    if (moved.length === 0) return problems;
    const ids = moved.map(({ p }) => p.id);
    const leaving = new Set((file.employees ?? []).map((e) => e.nip));
    const holders = (await this.db.query('SELECT position_id, nip FROM employees_current WHERE position_id = ANY($1)', [ids])) as { position_id: string; nip: string }[];
    const claims = (await this.db.query('SELECT position_id, case_id FROM position_claims WHERE position_id = ANY($1)', [ids])) as { position_id: string; case_id: string }[];
    for (const { p, i } of moved) {
      const held = holders.filter((h) => h.position_id === p.id && !leaving.has(h.nip)).length;
      const cases = claims.filter((c) => c.position_id === p.id).map((c) => c.case_id);
      if (held > 0)
        problems.push({
          field: `positions[${i}].agencyId`,
          message: `jabatan ${p.id} milik ${positions.get(p.id)}: ${held} pegawai mendudukinya, sehingga tidak dapat dipindahkan ke ${p.agencyId}; buat jabatan baru sebagai gantinya`,
        });
      if (cases.length > 0)
        problems.push({
          field: `positions[${i}].agencyId`,
          message: `jabatan ${p.id} menjadi tujuan kasus yang sedang berjalan (${cases.join(', ')}): tidak dapat dipindahkan ke ${p.agencyId}`,
        });
    }
    return problems;
  }

  /**
   * Runs `work` in one transaction. Its events are appended inside it (PostgreSQL) and `append` answers the global
   * position of the import's event, which dates the rows in the order of events; with KurrentDB the events are
   * appended right after and the rows dated then.
   */
  private async inTransaction<T>(importId: string, work: (tx: EntityManager, append: (events: EventData[]) => Promise<string>) => Promise<T>): Promise<T> {
    const store = this.store;
    let pending: EventData[] = [];
    const result = await this.db.transaction(async (tx) => {
      // Imports take turns before their first write: a transaction's id, which orders its events globally, is given
      // at its first write, so two imports interleaving rows and appends would store the reference-data stream's
      // revisions out of global order (and a projection would skip the earlier one).
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('mutasi-reference-data-import'))");
      return work(tx, async (events) => {
        const runner = tx.queryRunner;
        if (store instanceof PostgresEventStore && runner instanceof PostgresQueryRunner) {
          const client: PoolClient = await runner.connect();
          const appended = await store.appendUsing(client, REFERENCE_DATA_STREAM, events, 'any');
          return appended.events[0]?.globalPosition ?? START;
        }
        pending = events;
        return START;
      });
    });
    if (pending.length > 0) {
      const appended = await store.append(REFERENCE_DATA_STREAM, pending, 'any');
      const position = appended.events[0]?.globalPosition ?? START;
      for (const table of ['employees', 'positions']) await this.db.query(`UPDATE ${table} SET imported_position = $1 WHERE import_id = $2`, [position, importId]);
    } else if (store instanceof PostgresEventStore) {
      store.announce();
    }
    return result;
  }

  private events(
    importId: string,
    source: ReferenceDataImportedData['source'],
    counts: ImportSummary,
    changes: readonly RecordChange[],
    actor: Actor,
    recordedAt: string,
  ): EventData[] {
    const metadata = { actor, recordedAt, commandId: importId, correlationId: importId, causationId: importId };
    const chunks: EventData[] = [];
    for (let i = 0; i < changes.length; i += CHANGES_PER_EVENT) {
      const changed: ReferenceRecordsChangedData = { importId, chunk: chunks.length + 1, changes: changes.slice(i, i + CHANGES_PER_EVENT) };
      chunks.push({ eventId: eventIdFor(importId, chunks.length + 1), type: REFERENCE_RECORDS_CHANGED, data: jsonOf(changed), metadata });
    }
    const summary: ReferenceDataImportedData = { source, ...counts, changeEvents: chunks.length };
    const imported: EventData = { eventId: eventIdFor(importId, 0), type: REFERENCE_DATA_IMPORTED, data: jsonOf(summary), metadata };
    return [imported, ...chunks];
  }

  private async record(tx: EntityManager, importId: string, plan: ImportPlan, now: Date, actor: Actor): Promise<void> {
    for (const change of plan.changes) {
      for (const f of change.created ? [{ field: '*created*', kind: 'ADDED', old: null, new: null, sensitive: false }] : change.fields) {
        await tx.query(
          'INSERT INTO reference_changes (import_id, entity, key, field, kind, old_value, new_value, sensitive, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
          [importId, change.entity, change.key, f.field, f.kind, JSON.stringify(f.old), JSON.stringify(f.new), f.sensitive, now, actor.userId],
        );
      }
    }
    for (const c of plan.conflicts) {
      await tx.query('INSERT INTO import_conflicts (import_id, entity, key, field, imported_value, kept_value, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        importId,
        c.entity,
        c.key,
        c.field,
        JSON.stringify(c.imported),
        JSON.stringify(c.kept),
        c.reason,
      ]);
    }
  }

  private async upsert(tx: EntityManager, plan: ImportPlan, stamp: { importedAt: Date; importId: string; importedPosition: string }): Promise<void> {
    const now = stamp.importedAt;
    const file = plan.file;
    const chunks = async <T extends object>(entity: new () => T, rows: readonly object[], key: string[]): Promise<void> => {
      for (let i = 0; i < rows.length; i += 500)
        await tx.upsert(
          entity,
          rows.slice(i, i + 500).map((r): QueryDeepPartialEntity<T> => Object.assign(new entity(), r)),
          key,
        );
    };
    await chunks(
      AgencyRow,
      (file.agencies ?? []).map((a) => ({ ...a, abroad: a.abroad ?? false, authority: a.authority ?? null, oversight: a.oversight ?? null, timeZone: a.timeZone ?? null })),
      ['id'],
    );
    for (const c of file.electionCalendars ?? []) {
      await tx.update(AgencyRow, { id: c.agencyId }, { electionCalendar: { penetapanPaslonDate: c.penetapanPaslonDate, endOfTermDate: c.endOfTermDate } });
    }
    await chunks(
      PositionRow,
      (file.positions ?? []).map((p) => ({ ...p, abkTasks: p.abkTasks ?? null, ...stamp })),
      ['id'],
    );
    await chunks(
      EmployeeRow,
      (file.employees ?? []).map((e) => ({ ...e, assessments: e.assessments ?? [], ...stamp })),
      ['nip'],
    );
    await chunks(
      MutationPlanRow,
      (file.mutationPlans ?? []).map((m) => ({ ...m, importedAt: now, importId: stamp.importId })),
      ['id'],
    );
    await chunks(
      DelegationRow,
      (file.delegations ?? []).map((d) => ({ ...d, revoked: d.revoked ?? false })),
      ['id'],
    );
    await chunks(
      DevUserRow,
      (file.users ?? []).map((u) => ({ ...u, nip: u.nip ?? null })),
      ['userId'],
    );
    for (const y of file.holidayCalendars ?? []) {
      await tx.query(
        `INSERT INTO holiday_calendars (year, basis, days, imported_at, imported_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (year) DO UPDATE SET basis = excluded.basis, days = excluded.days, imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
        [y.year, y.basis, JSON.stringify(y.days), now, 'import'],
      );
    }
  }
}
