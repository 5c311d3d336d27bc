import { join } from 'node:path';
import { startEmbeddedPostgres } from '@mutasi/local-infra';
import { rebuildProjection, PROJECTION_NAMES } from '@mutasi/standalone';
import { databaseFromEnvironment } from './runtime-file';

/** `mutasi projections:rebuild <name>`: empties one read model and rebuilds it from the event store, with progress. */
export async function runRebuild(name: string | undefined): Promise<number> {
  if (!name || !PROJECTION_NAMES.includes(name)) {
    process.stderr.write(`usage: mutasi projections:rebuild <name>\n  names: ${PROJECTION_NAMES.join(', ')}\n`);
    return 2;
  }
  const known = databaseFromEnvironment();
  const embedded = known ? null : await startEmbeddedPostgres({ dataDir: join(process.env.MUTASI_DATA_DIR ?? '.data', 'postgres') });
  try {
    await rebuildProjection(name, known ?? (embedded?.url as string), (line) => process.stderr.write(line));
    return 0;
  } finally {
    await embedded?.stop();
  }
}
