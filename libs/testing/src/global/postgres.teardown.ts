import { EMBEDDED_POSTGRES, postgresRegistry } from './postgres.setup';

/** Jest globalTeardown: stops the embedded PostgreSQL if `postgres.setup.ts` started one. */
export default async function postgresGlobalTeardown(): Promise<void> {
  const server = postgresRegistry[EMBEDDED_POSTGRES];
  if (!server) return;
  delete postgresRegistry[EMBEDDED_POSTGRES];
  await server.stop();
}
