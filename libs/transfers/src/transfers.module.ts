import { DynamicModule, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { PolicyRegistry, READ_MODEL_ENTITIES, READ_MODEL_MIGRATIONS, ReadScopes } from '@mutasi/read-models';
import { CommandContext } from './cases/command-context';
import { IdempotencyLeases1700000000250 } from './cases/idempotency-lease-migration';
import { IdempotencyKeys } from './cases/idempotency';
import { RefusalRecorder } from './cases/refusals';
import { TransferCases } from './cases/transfer-cases.service';
import { DevController } from './dev/dev.controller';
import { PoliciesController } from './policies/policies.controller';
import { WorkloadController } from './workload/workload.controller';
import { WorkloadQueries } from './workload/workload-queries';
import { AdminImportController } from './import/admin-import.controller';
import { ReferenceDataImporter } from './import/import.service';
import { CaseQueriesController } from './queries/case-queries.controller';
import { ReferenceController } from './queries/reference.controller';
import { DemoData } from './reference-data/demo-seed';
import { DemoClock } from './dev/demo-clock';
import { REFERENCE_ENTITIES } from './reference-data/entities';
import { TransferServiceTables1700000000200 } from './reference-data/migrations';
import { InsiderPathTables1700000000210 } from './reference-data/insider-migrations';
import { MeritWorkloadTables1700000000220 } from './reference-data/merit-migrations';
import { HolidayCalendars } from './reference-data/calendars';
import { RecordFacts } from './reference-data/record-facts';
import { PlacementWorkers } from './placements/placement-workers';
import { ReferenceData } from './reference-data/reference-data';
import { Scheduler } from './scheduler/scheduler.service';
import { SchedulerWorkers } from './scheduler/scheduler-workers';
import { USE_CASE_CONTROLLERS, USE_CASE_HANDLERS } from './use-cases';
import { AgencyTimeZone1700000000240 } from './reference-data/time-zone-migration';
import { CaseFiles } from './files/case-files';
import { CaseFilesController } from './files/case-files.controller';
import { CaseFiles1700000000230 } from './files/case-files.migration';

/** TypeORM entities and migrations of the transfer service, for the process's DataSource. */
export const TRANSFER_ENTITIES = [...REFERENCE_ENTITIES, ...READ_MODEL_ENTITIES];
export const TRANSFER_MIGRATIONS = [
  ...READ_MODEL_MIGRATIONS,
  TransferServiceTables1700000000200,
  InsiderPathTables1700000000210,
  MeritWorkloadTables1700000000220,
  CaseFiles1700000000230,
  AgencyTimeZone1700000000240,
  IdempotencyLeases1700000000250,
];

export interface TransfersOptions {
  /** Run the scheduler's background loops (off in tests that drive them by hand). */
  readonly workers: boolean;
  /** Load the demo data set when the reference data is empty (standalone). */
  readonly seedDemo: boolean;
}

/**
 * At start: the published holiday calendars when missing; in standalone, the demo clock where it stood, then the demo
 * data into an empty database (relative to that clock), and the SKP round of a year the clock moved into.
 */
class ReferenceBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly calendars: HolidayCalendars,
    private readonly demoClock: DemoClock,
    private readonly demoData: DemoData,
    private readonly demo: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.calendars.seedPublished('system:published-calendars');
    if (!this.demo) return;
    await this.demoClock.restore();
    if (!(await this.demoData.seed())) await this.demoData.yearlyRound();
  }
}

/** transfer-service: reference data, the case command API, case queries, the scheduler, and standalone sign-in. */
@Module({})
export class TransfersModule {
  static forRoot(options: TransfersOptions): DynamicModule {
    return {
      module: TransfersModule,
      imports: [CqrsModule.forRoot(), TypeOrmModule.forFeature(REFERENCE_ENTITIES)],
      controllers: [
        ...USE_CASE_CONTROLLERS,
        CaseQueriesController,
        ReferenceController,
        AdminImportController,
        DevController,
        PoliciesController,
        WorkloadController,
        CaseFilesController,
      ],
      providers: [
        ReferenceData,
        RecordFacts,
        HolidayCalendars,
        CommandContext,
        IdempotencyKeys,
        RefusalRecorder,
        TransferCases,
        ReferenceDataImporter,
        Scheduler,
        WorkloadQueries,
        CaseFiles,
        ...USE_CASE_HANDLERS,
        { provide: PolicyRegistry, inject: [EventStore], useFactory: (store: EventStore) => new PolicyRegistry(store) },
        { provide: ReadScopes, inject: [DataSource], useFactory: (db: DataSource) => new ReadScopes(db) },
        DemoClock,
        DemoData,
        {
          provide: ReferenceBootstrap,
          inject: [HolidayCalendars, DemoClock, DemoData],
          useFactory: (calendars: HolidayCalendars, demoClock: DemoClock, demoData: DemoData) => new ReferenceBootstrap(calendars, demoClock, demoData, options.seedDemo),
        },
        { provide: PlacementWorkers, inject: [EventStore, DataSource], useFactory: (store: EventStore, db: DataSource) => new PlacementWorkers(store, db) },
        {
          provide: SchedulerWorkers,
          inject: [EventStore, DataSource, Scheduler],
          useFactory: (store: EventStore, db: DataSource, scheduler: Scheduler) => new SchedulerWorkers(store, db, scheduler, options.workers),
        },
      ],
      exports: [TransferCases, ReferenceData, ReferenceDataImporter, Scheduler, SchedulerWorkers, RefusalRecorder, PlacementWorkers, PolicyRegistry, HolidayCalendars, ReadScopes],
    };
  }
}
