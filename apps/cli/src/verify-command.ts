import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { BundleVerifier, type BundleVerification } from '@mutasi/integrity';
import { parseVerifyArgs, VERIFY_USAGE } from './verify-args';

type Out = { stdout: (text: string) => void; stderr: (text: string) => void };
const PROGRESS_EVERY = 100_000;

/**
 * `mutasi verify <bundle.jsonl>`: checks an audit export offline (no server, no database), reading it line by
 * line so memory stays flat at any size. Exit 0 verified and complete, 1 tampered or incomplete, 2 unusable input.
 */
export async function runVerify(args: readonly string[], out: Out = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) }): Promise<number> {
  const parsed = parseVerifyArgs(args);
  if (!parsed.ok) {
    out.stderr(`mutasi verify: ${parsed.error}\n${VERIFY_USAGE}\n`);
    return 2;
  }
  if (parsed.options.trustBundleKey)
    out.stderr(
      "WARNING: trusting the verifier key the bundle carries (--trust-bundle-key): this proves only that the bundle agrees with itself, not that the operator's log signed it.\n",
    );
  const verifier = new BundleVerifier(parsed.options);
  try {
    const input = parsed.file === '-' ? process.stdin : createReadStream(parsed.file, 'utf8');
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      verifier.line(line);
      if (verifier.checkedEvents > 0 && verifier.checkedEvents % PROGRESS_EVERY === 0)
        out.stderr(`… ${verifier.checkedEvents.toLocaleString('en')} events in ${verifier.streamsSeen.toLocaleString('en')} streams checked\n`);
    }
  } catch (error: unknown) {
    out.stderr(`mutasi verify: cannot read ${parsed.file} (${error instanceof Error ? error.message : String(error)})\n`);
    return 2;
  }
  const result = verifier.finish();
  if (parsed.json) out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else report(result, parsed.options.heldCheckpoint !== undefined, out);
  return result.unusable !== null ? 2 : result.ok ? 0 : 1;
}

function report(result: BundleVerification, held: boolean, out: Out): void {
  if (result.unusable !== null) return out.stderr(`UNUSABLE: ${result.unusable}\n`);
  if (result.ok) {
    const scope = result.scope?.kind === 'case' ? `case ${result.scope.caseId}` : `agency ${result.scope?.agencyId ?? '?'} (its whole case list)`;
    const witnesses = result.cosignedBy.length > 0 ? `, cosigned by ${result.cosignedBy.map((c) => c.name).join(', ')}` : '';
    out.stdout(
      `OK: ${result.checkedEvents} events in ${result.checkedStreams} streams verified and complete for ${scope}, up to the checkpoint of size ${result.treeSize} signed ${result.checkpointTime}${witnesses}: hash chains, inclusion in the signed tree, stream heads${held ? ', and consistency with the tree head you hold' : ''}.\n`,
    );
    return;
  }
  const first = result.failures[0];
  const kind = result.missing.length > 0 ? 'INCOMPLETE' : 'FAILED';
  out.stderr(`${kind} at ${first?.position ?? '?'}${first?.eventId ? ` (event ${first.eventId})` : ''}: ${first?.reason ?? 'unknown'}\n`);
  for (const more of result.failures.slice(1, 10)) out.stderr(`  also ${more.position}: ${more.reason}\n`);
  if (result.failures.length > 10) out.stderr(`  … and ${result.failures.length - 10} more\n`);
  for (const m of result.missing) out.stderr(`  missing: ${m.streamId} ${m.to === null ? 'entirely' : m.from === m.to ? `revision ${m.from}` : `revisions ${m.from}–${m.to}`}\n`);
}
