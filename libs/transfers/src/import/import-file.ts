import { readFile } from 'node:fs/promises';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@mutasi/domain';
import { PolicyRegistry, ReadScopes } from '@mutasi/read-models';
import { EventStore } from '@mutasi/event-store';
import { Clock, DatabaseModule, OffsetClock } from '@mutasi/platform';
import { REFERENCE_ENTITIES } from '../reference-data/entities';
import { HolidayCalendars } from '../reference-data/calendars';
import { ReferenceData } from '../reference-data/reference-data';
import { TRANSFER_ENTITIES, TRANSFER_MIGRATIONS } from '../transfers.module';
import { ImportSummary, ReferenceDataImporter } from './import.service';

const CLI_ACTOR: Actor = { userId: `cli:${process.env.USER ?? 'operator'}`, name: 'Reference data import (command line)', role: 'ADMIN', agencyId: 'system' };

/**
 * `npm run import -- <file.json>`: validates a whole reference data file and applies all of it or nothing, straight
 * to the database (migrations run first), recording the import in the audit trail like the HTTP endpoint does.
 */
export async function importFile(path: string, databaseUrl: string, eventStoreConnection: string | null = null): Promise<ImportSummary> {
  const json = JSON.parse(await readFile(path, 'utf8')) as unknown;
  @Module({
    imports: [
      DatabaseModule.forRoot({ url: databaseUrl, entities: TRANSFER_ENTITIES, migrations: TRANSFER_MIGRATIONS, eventStoreConnection }),
      TypeOrmModule.forFeature(REFERENCE_ENTITIES),
    ],
    providers: [
      { provide: Clock, useValue: new OffsetClock() },
      ReferenceData,
      HolidayCalendars,
      { provide: ReadScopes, inject: [DataSource], useFactory: (db: DataSource) => new ReadScopes(db) },
      { provide: PolicyRegistry, inject: [EventStore], useFactory: (store: EventStore) => new PolicyRegistry(store) },
      ReferenceDataImporter,
    ],
  })
  class ImportModule {}
  const context = await NestFactory.createApplicationContext(ImportModule, { logger: ['error'] });
  try {
    return await context.get(ReferenceDataImporter).importJson(json, CLI_ACTOR, 'cli');
  } finally {
    await context.close();
  }
}
