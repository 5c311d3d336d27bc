/** libs/testing: given/when/then helpers, the fixed clock, builders and test infrastructure. Tests only. */
export * from './domain/decider-spec';
export { World, Scenario, TEST_NOW, CaseJourney, fakeSha256 } from '@mutasi/demo-data';
export * from './infra/postgres';
export * from './domain/synthetic-histories';
export * from './infra/ports-and-processes';
