import { join } from 'node:path';
import { RequestValidationError } from '@mutasi/platform';
import { startEmbeddedPostgres } from '@mutasi/local-infra';
import { importFile } from '@mutasi/transfers';
import { databaseFromEnvironment } from './runtime-file';

/** `mutasi import <file>`: against DATABASE_URL, the running standalone server's database, or the embedded one. */
export async function runImport(file: string): Promise<number> {
  const known = databaseFromEnvironment();
  const embedded = known ? null : await startEmbeddedPostgres({ dataDir: join(process.env.MUTASI_DATA_DIR ?? '.data', 'postgres') });
  try {
    const summary = await importFile(file, known ?? (embedded?.url as string), process.env.EVENTSTORE_CONNECTION_STRING ?? null);
    process.stdout.write(
      `imported ${file}: ${summary.agencies} agencies, ${summary.positions} positions, ${summary.employees} employees, ${summary.delegations} delegations, ${summary.electionCalendars} election calendars, ${summary.users} users (sha256 ${summary.sha256})\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    process.stderr.write(`${file} was not imported: nothing was changed.\n${error.errors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}\n`);
    return 1;
  } finally {
    await embedded?.stop();
  }
}
