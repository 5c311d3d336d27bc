/** libs/testing: given/when/then helpers, the fixed clock, builders and test infrastructure. Tests only. */
export * from './domain/decider-spec';
export * from './domain/world';
export * from './domain/case-journeys';
export * from './infra/postgres';
export * from './domain/synthetic-histories';
