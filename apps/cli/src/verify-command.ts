import { readFileSync } from 'node:fs';
import { verifyBundle } from '@mutasi/integrity';

/**
 * `mutasi verify <bundle.json> [--tree-head <file>] [--key <verifier key>]`: checks an audit export offline — no
 * server, no database. Exit 0 when everything checks; otherwise names the first failing position and why.
 */
export function runVerify(args: readonly string[], out: { stdout: (text: string) => void; stderr: (text: string) => void } = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) }): number {
  const file = args.find((a, i) => !a.startsWith('--') && !['--tree-head', '--key'].includes(args[i - 1] ?? ''));
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (!file) {
    out.stderr('usage: mutasi verify <bundle.json> [--tree-head <checkpoint file>] [--key <verifier key>]\n');
    return 2;
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    out.stderr(`FAILED at bundle: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
  const treeHead = flag('--tree-head');
  const key = flag('--key');
  const result = verifyBundle(bundle, {
    ...(treeHead ? { heldCheckpoint: readFileSync(treeHead, 'utf8') } : {}),
    ...(key ? { trustedVerifierKey: key } : {}),
  });
  if (result.ok) {
    out.stdout(`OK: ${result.checkedEvents} events verified: hash chains, inclusion in the signed tree head${treeHead ? ', and consistency with the tree head you hold' : ''}.\n`);
    return 0;
  }
  const first = result.failures[0];
  out.stderr(`FAILED at ${first?.position ?? '?'}${first?.eventId ? ` (event ${first.eventId})` : ''}: ${first?.reason ?? 'unknown'}\n`);
  for (const more of result.failures.slice(1, 10)) out.stderr(`  also ${more.position}: ${more.reason}\n`);
  return 1;
}
