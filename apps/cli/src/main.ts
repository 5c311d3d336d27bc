/**
 * `npx mutasi <command>` and the npm scripts that wrap it:
 *   import <file.json>              validate and import reference data (all or nothing)
 *   verify <bundle.jsonl> (--key <vkey> | --trust-bundle-key) [...]   check an audit export offline
 *   projections:rebuild <name|all> [--fresh]   rebuild read models as a new generation, switched in when whole
 * Each command loads only what it needs: `verify` touches no server and no database.
 */
const usage = `usage:
  mutasi import <file.json>
  mutasi verify <bundle.jsonl | -> (--key <log verifier key> | --trust-bundle-key) [--tree-head <file>] [--witnesses <policy file>] [--json]
  mutasi projections:rebuild <name | all> [--fresh]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'import': {
      const file = rest[0];
      if (!file) throw new Error(usage);
      const { runImport } = await import('./import-command');
      return runImport(file);
    }
    case 'verify': {
      const { runVerify } = await import('./verify-command');
      return runVerify(rest);
    }
    case 'projections:rebuild': {
      const { runRebuild } = await import('./rebuild-command');
      return runRebuild(rest);
    }
    default:
      process.stderr.write(`${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
