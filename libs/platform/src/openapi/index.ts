export * from './schema';
export * from './problem-details.schema';
export * from './responses';
export * from './complete-document';
export * from './openapi-document';
