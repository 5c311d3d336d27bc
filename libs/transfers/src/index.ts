/** libs/transfers: transfer-service as a Nest module (controllers per use case, handlers, reference data, scheduler). */
export * from './transfers.module';
export { TransferCases } from './cases/transfer-cases.service';
export { RefusalRecorder } from './cases/refusals';
export { transferDecider, transferEventMapping } from './cases/transfer-decider';
export { caseView } from './cases/case-view';
export { ReferenceData } from './reference-data/reference-data';
export { ReferenceDataImporter, type ImportSummary } from './import/import.service';
export { Scheduler } from './scheduler/scheduler.service';
export { SchedulerProjection } from './scheduler/scheduler.projection';
export { SchedulerWorkers } from './scheduler/scheduler-workers';
export { importFile } from './import/import-file';
export { PlacementsProjection } from './placements/placements.projection';
export { PlacementWorkers } from './placements/placement-workers';
export { HolidayCalendars } from './reference-data/calendars';
