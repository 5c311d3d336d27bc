import { readFileSync } from 'node:fs';
import { parseWitnessPolicy, type VerifyBundleOptions } from '@mutasi/integrity';

export const VERIFY_USAGE = `usage: mutasi verify <bundle.jsonl | -> (--key <log verifier key> | --trust-bundle-key) [--tree-head <checkpoint file>] [--witnesses <policy file>] [--json]
  --key <vkey>            the log's verifier key, from the operator out of band (GET /api/ledger/public-key)
  --trust-bundle-key      use the key the bundle carries (proves only that the bundle agrees with itself)
  --tree-head <file>      a checkpoint you kept: the bundle must be the same log, grown only by appending
  --witnesses <file>      a witness policy, "<k> of <cosigner vkey> …": the checkpoint needs k of these cosignatures
  --json                  print the result as JSON on stdout
exit status: 0 verified and complete, 1 tampered or incomplete, 2 unusable input`;

/** What `mutasi verify` was asked to do, or why it cannot start (exit 2). */
export type VerifyArgs = { ok: true; file: string; json: boolean; options: VerifyBundleOptions } | { ok: false; error: string };

const VALUED = new Set(['--key', '--tree-head', '--witnesses']);
const SWITCHES = new Set(['--trust-bundle-key', '--json']);

export function parseVerifyArgs(args: readonly string[]): VerifyArgs {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (VALUED.has(arg)) {
      const value = args[i + 1];
      if (value === undefined || (value.startsWith('--') && value !== '-')) return { ok: false, error: `${arg} needs a value` };
      if (values.has(arg)) return { ok: false, error: `${arg} is given twice` };
      values.set(arg, value);
      i += 1;
    } else if (SWITCHES.has(arg)) switches.add(arg);
    else if (arg.startsWith('--')) return { ok: false, error: `unknown flag ${arg}` };
    else files.push(arg);
  }
  if (files.length !== 1)
    return { ok: false, error: files.length === 0 ? 'give the bundle file to verify (or - for standard input)' : `give one bundle file, not ${files.length}` };
  const key = values.get('--key');
  const trustBundleKey = switches.has('--trust-bundle-key');
  if (key === undefined && !trustBundleKey)
    return { ok: false, error: "give the log's verifier key with --key (from the operator, out of band), or say --trust-bundle-key to use the bundle's own" };
  if (key !== undefined && trustBundleKey) return { ok: false, error: 'give either --key or --trust-bundle-key, not both' };
  const options: { -readonly [K in keyof VerifyBundleOptions]: VerifyBundleOptions[K] } = key !== undefined ? { trustedVerifierKey: key } : { trustBundleKey };
  try {
    const held = values.get('--tree-head');
    if (held !== undefined) options.heldCheckpoint = readText(held, '--tree-head');
    const witnesses = values.get('--witnesses');
    if (witnesses !== undefined) options.witnessPolicy = parseWitnessPolicy(readText(witnesses, '--witnesses'));
  } catch (error: unknown) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, file: files[0] as string, json: switches.has('--json'), options };
}

function readText(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error: unknown) {
    throw new Error(`${flag}: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}
