import { BundleVerifier } from './bundle-verifier';
import type { BundleVerification, VerifyOptions } from './types';

export { BundleVerifier } from './bundle-verifier';
export { parseWitnessPolicy } from './witness-policy';
export { FAILURE_CODES } from './types';
export type { BundleScope, BundleVerification, FailureCode, MissingRevisions, Outcome, VerificationFailure, VerifyOptions, WitnessPolicy } from './types';

/** The lines of a text, without their newline (a CR before it is left to JSON.parse, which takes it as space). */
export function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end < 0) {
      yield text.slice(start);
      return;
    }
    yield text.slice(start, end);
    start = end + 1;
  }
}

/** Feeds lines, in order, to a verifier for the pinned key, and gives its verdict. Never throws on the input. */
export async function verifyBundleLines(lines: Iterable<string> | AsyncIterable<string>, pinnedKey: string, options: VerifyOptions = {}): Promise<BundleVerification> {
  const verifier = await BundleVerifier.forPinnedKey(pinnedKey, options);
  for await (const line of lines) await verifier.line(line);
  return verifier.finish();
}

/**
 * Verifies an audit bundle (`mutasi-audit-bundle/v2`, JSON lines, as `GET /api/audit/export` gives it) held as text,
 * against the verifier key the inspector pinned; see {@link BundleVerifier} for the checks.
 */
export function verifyCaseBundle(text: string, pinnedKey: string, options: VerifyOptions = {}): Promise<BundleVerification> {
  return verifyBundleLines(linesOf(text), pinnedKey, options);
}
