import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { BundleVerification, BundleVerifier } from '@mutasi/integrity';
import { SimulationContext } from './phase';
import { MeasuredPhase, PhaseMeter } from './phase-meter';
import { runVerifierKey, verifierKeyFile } from './run-ledger-key';

/**
 * Verifies a bundle file offline as `mutasi verify` does (apps/cli/src/verify-command.ts): line by line through the
 * streaming BundleVerifier, against a verifier key held out of band, so memory stays flat at any size.
 */
export async function verifyBundleFile(file: string, trustedVerifierKey: string, onEvents: (checked: number) => void = () => undefined): Promise<BundleVerification> {
  const verifier = new BundleVerifier({ trustedVerifierKey });
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    verifier.line(line);
    onEvents(verifier.checkedEvents);
  }
  return verifier.finish();
}

/** The verifier's first word on a bundle that fails: unusable, or its first failure and what is missing. */
export function verificationProblem(result: BundleVerification): string {
  if (result.unusable !== null) return `unusable: ${result.unusable}`;
  const first = result.failures[0];
  const missing = result.missing.length > 0 ? ` (${result.missing.length} stream(s) with missing revisions)` : '';
  return `${first ? `${first.position}: ${first.reason}` : 'failed'}${missing}${result.failures.length > 1 ? `, and ${result.failures.length - 1} more failure(s)` : ''}`;
}

/**
 * "Verify it offline": the exported bundle against the verifier key the ledger phase wrote to the work dir (not the
 * key the bundle carries). Throws with the verifier's message when the bundle does not verify.
 */
export async function verifyBundlePhase(ctx: SimulationContext, file: string): Promise<MeasuredPhase> {
  const keyFile = verifierKeyFile(ctx.workDir);
  const key = runVerifierKey(ctx.workDir);
  ctx.say(`verify: ${file} offline against ${keyFile}`);
  const meter = new PhaseMeter(ctx, 'verify');
  const result = await verifyBundleFile(file, key, (checked) => meter.progress(checked));
  if (!result.ok) throw new Error(`the bundle ${file} does not verify: ${verificationProblem(result)}`);
  const scope = result.scope?.kind === 'agency' ? `agency ${result.scope.agencyId}` : `case ${result.scope?.caseId ?? '?'}`;
  return meter.finish({
    events: result.checkedEvents,
    diskBytes: statSync(file).size,
    notes: [
      `${scope}: ${result.checkedStreams.toLocaleString('en-US')} cases, ${result.checkedStreams.toLocaleString('en-US')} streams (one per case), the case list proven complete in the checkpoint's agency-cases map`,
      `verified: true (hash chains, inclusion in the tree of size ${result.treeSize?.toLocaleString('en-US') ?? '?'}, stream heads, checkpoint signed ${result.checkpointTime ?? '?'})`,
    ],
  });
}
