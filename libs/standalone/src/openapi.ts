import { OpenAPIObject } from '@nestjs/swagger';
import { ApiInfo, authFor, FixedClock, loadConfig, previewOpenApiDocument } from '@mutasi/platform';
import { StandaloneModule } from './standalone.module';

/** What the standalone server's OpenAPI document says about itself. */
export const STANDALONE_API: ApiInfo = {
  title: 'Mutasi API',
  description: 'Transfers (mutasi) of Indonesian civil servants: commands, cases, reference data, audit and dashboards. Errors are RFC 9457 problem details.',
};

/**
 * The standalone server's OpenAPI document, built from the same modules without starting them (no database): what
 * `npm run api:generate` writes for the web app and the contract test checks.
 */
export async function standaloneOpenApiDocument(): Promise<OpenAPIObject> {
  const databaseUrl = 'postgres://openapi@127.0.0.1:1/not-connected';
  const config = loadConfig({ AUTH_DEV_TOKENS: 'true', DATABASE_URL: databaseUrl }, 'standalone');
  const runtime = { config, clock: new FixedClock(new Date(0)), databaseUrl, ...(await authFor(config)) };
  return previewOpenApiDocument(StandaloneModule.forRoot(runtime, { workers: false, seedDemo: false }), STANDALONE_API);
}
