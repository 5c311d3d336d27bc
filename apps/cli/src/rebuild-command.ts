import { join } from 'node:path';
import { startEmbeddedPostgres } from '@mutasi/local-infra';
import { rebuildProjection, PROJECTION_NAMES } from '@mutasi/standalone';
import { databaseFromEnvironment } from './runtime-file';

/**
 * `mutasi projections:rebuild <name | all> [--fresh]`: rebuilds read models from the event store as a new generation
 * while the current one serves, with progress and an ETA, and switches to it when it is whole. A rebuild that was
 * killed continues where it stopped; `--fresh` starts the new generation over.
 */
export async function runRebuild(args: readonly string[]): Promise<number> {
  const fresh = args.includes('--fresh');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--fresh');
  const [name, ...extra] = args.filter((a) => !a.startsWith('--'));
  const names = name === 'all' ? PROJECTION_NAMES : name && PROJECTION_NAMES.includes(name) ? [name] : [];
  const problem =
    unknown.length > 0
      ? `unknown option ${unknown.join(', ')} (the one option is --fresh)`
      : name === undefined
        ? 'which projection? give its name, or all'
        : names.length === 0
          ? `no projection ${name}${name === 'ledger' ? ' to rebuild: the ledger is never rebuilt, its signed checkpoints commit to it' : ''}`
          : extra.length > 0
            ? `one projection at a time, or all (got also ${extra.join(', ')})`
            : null;
  if (problem) {
    process.stderr.write(`${problem}\nusage: mutasi projections:rebuild <name | all> [--fresh]\n  names: ${PROJECTION_NAMES.join(', ')}\n`);
    return 2;
  }
  const known = databaseFromEnvironment();
  const embedded = known ? null : await startEmbeddedPostgres({ dataDir: join(process.env.MUTASI_DATA_DIR ?? '.data', 'postgres') });
  try {
    for (const each of names) {
      process.stderr.write(`${each}:\n`);
      await rebuildProjection(each, known ?? (embedded?.url as string), (line) => process.stderr.write(line), { fresh });
    }
    return 0;
  } finally {
    await embedded?.stop();
  }
}
