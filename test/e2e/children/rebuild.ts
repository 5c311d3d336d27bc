import 'reflect-metadata';
import { rebuildProjection } from '@mutasi/standalone';

/** A projection rebuild in its own process, so a test can SIGKILL it midway: `rebuild.ts <name> <databaseUrl> [continue]`. */
const [name, url, mode] = process.argv.slice(2);
rebuildProjection(name as string, url as string, (text) => process.stdout.write(text.replace(/\r/g, '\n')), { fresh: mode !== 'continue' }).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
