/** libs/standalone: the composition of every service in one process, used by `npm start` and the end-to-end tests. */
export * from './standalone.module';
export * from './projections';
export * from './openapi';
