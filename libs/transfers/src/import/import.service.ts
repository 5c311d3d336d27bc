import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { PoolClient } from 'pg';
import { canonicalJson } from '@mutasi/integrity';
import { EventData, EventStore, eventIdFor, PostgresEventStore } from '@mutasi/event-store';
import { Actor } from '@mutasi/domain';
import { Clock, flattenValidationErrors, RequestValidationError } from '@mutasi/platform';
import { AgencyRow, DelegationRow, DevUserRow, EmployeeRow, PositionRow } from '../reference-data/entities';
import { ReferenceData } from '../reference-data/reference-data';
import { crossCheck } from './cross-checks';
import { ReferenceDataImportDto } from './import.dto';

export interface ImportSummary {
  readonly agencies: number;
  readonly positions: number;
  readonly employees: number;
  readonly delegations: number;
  readonly electionCalendars: number;
  readonly users: number;
  readonly sha256: string;
}

/** The audit stream of reference data changes. */
export const REFERENCE_DATA_STREAM = 'reference-data';

/**
 * Imports a reference data file as a whole: validates every field and every reference first, then upserts all of
 * it in one transaction together with a `ReferenceDataImported.v1` event in the audit trail — or nothing at all.
 */
@Injectable()
export class ReferenceDataImporter {
  constructor(private readonly db: DataSource, private readonly store: EventStore, private readonly clock: Clock, private readonly refs: ReferenceData) {}

  /** Validates an untrusted JSON value (CLI files; the HTTP body is validated by the pipe) and imports it. */
  async importJson(json: unknown, actor: Actor, source: 'api' | 'cli' | 'seed'): Promise<ImportSummary> {
    const dto = plainToInstance(ReferenceDataImportDto, json);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new RequestValidationError(flattenValidationErrors(errors));
    return this.import(dto, actor, source);
  }

  async import(file: ReferenceDataImportDto, actor: Actor, source: 'api' | 'cli' | 'seed'): Promise<ImportSummary> {
    const existing = {
      agencies: new Set(((await this.db.query('SELECT id FROM agencies')) as { id: string }[]).map((r) => r.id)),
      positions: new Map(((await this.db.query('SELECT id, agency_id FROM positions')) as { id: string; agency_id: string }[]).map((r) => [r.id, r.agency_id])),
    };
    const problems = crossCheck(file, existing);
    if (problems.length > 0) throw new RequestValidationError(problems);
    const summary: ImportSummary = {
      agencies: file.agencies?.length ?? 0, positions: file.positions?.length ?? 0, employees: file.employees?.length ?? 0,
      delegations: file.delegations?.length ?? 0, electionCalendars: file.electionCalendars?.length ?? 0, users: file.users?.length ?? 0,
      sha256: createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(file)) as unknown)).digest('hex'),
    };
    const commandId = randomUUID();
    const event: EventData = {
      eventId: eventIdFor(commandId, 0),
      type: 'ReferenceDataImported.v1',
      data: { source, ...summary },
      metadata: { actor, recordedAt: this.clock.now().toISOString(), commandId, correlationId: commandId, causationId: commandId },
    };
    await this.db.transaction(async (tx) => {
      await this.upsert(tx, file);
      if (this.store instanceof PostgresEventStore) {
        const client = (tx.queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
        await this.store.appendUsing(client, REFERENCE_DATA_STREAM, [event], 'any');
      }
    });
    if (!(this.store instanceof PostgresEventStore)) await this.store.append(REFERENCE_DATA_STREAM, [event], 'any');
    this.refs.invalidate();
    return summary;
  }

  private async upsert(tx: EntityManager, file: ReferenceDataImportDto): Promise<void> {
    const chunks = async <T extends object>(entity: new () => T, rows: readonly object[], key: string[]): Promise<void> => {
      for (let i = 0; i < rows.length; i += 500) await tx.upsert(entity, rows.slice(i, i + 500).map((r) => Object.assign(new entity(), r)) as never, key);
    };
    await chunks(AgencyRow, (file.agencies ?? []).map((a) => ({ ...a, abroad: a.abroad ?? false, authority: a.authority ?? null })), ['id']);
    for (const c of file.electionCalendars ?? []) {
      await tx.update(AgencyRow, { id: c.agencyId }, { electionCalendar: { penetapanPaslonDate: c.penetapanPaslonDate, endOfTermDate: c.endOfTermDate } });
    }
    await chunks(PositionRow, file.positions ?? [], ['id']);
    await chunks(EmployeeRow, file.employees ?? [], ['nip']);
    await chunks(DelegationRow, (file.delegations ?? []).map((d) => ({ ...d, revoked: d.revoked ?? false })), ['id']);
    await chunks(DevUserRow, (file.users ?? []).map((u) => ({ ...u, nip: u.nip ?? null })), ['userId']);
  }
}
