import { NestFactory } from '@nestjs/core';
import { authFor, loadConfig, OffsetClock } from '@mutasi/platform';
import { StandaloneModule } from '@mutasi/standalone';

/**
 * Brings the database to the application's schema and reference data the way `npm start` does: every migration,
 * the published holiday calendars and the demo reference data (agencies, positions, employees), once.
 */
export async function prepareDatabase(databaseUrl: string, dataDir: string): Promise<void> {
  const config = loadConfig({ AUTH_DEV_TOKENS: 'true', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: databaseUrl, MUTASI_DATA_DIR: dataDir }, 'standalone');
  const auth = await authFor(config);
  const context = await NestFactory.createApplicationContext(
    StandaloneModule.forRoot({ config, clock: new OffsetClock(), databaseUrl, ...auth }, { workers: false, seedDemo: true }),
    {
      logger: ['error'],
    },
  );
  await context.init();
  await context.close();
}
