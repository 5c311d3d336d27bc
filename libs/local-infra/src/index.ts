/**
 * libs/local-infra: the infrastructure Mutasi runs itself on one machine, for `npm start`, `start:distributed` and
 * the tests: an embedded PostgreSQL (supervised), a local Apache Kafka broker, the launcher's service processes.
 * Production deployments use their own PostgreSQL and Kafka; nothing in the services depends on this lib.
 */
export * from './embedded-postgres';
export * from './postgres-binaries';
export * from './postgres-orphan';
export * from './local-kafka';
export { freePort } from './free-port';
export * from './service-processes';
export * from './java-check';
export * from './data-folder-claim';
