/** libs/platform: configuration, auth, errors as problem details, logging, health, and the local infrastructure. */
export * from './local-infra/embedded-postgres';
export * from './local-infra/local-kafka';
export { freePort } from './local-infra/free-port';
