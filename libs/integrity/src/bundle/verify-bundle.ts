import { eventLeafData } from '../chain/event-hash';
import { verifyStreamChain } from '../chain/verify-chain';
import { verifyCheckpoint } from '../checkpoint/checkpoint';
import { fromBase64, shortHash } from '../encoding';
import { emptyRoot, leafHash } from '../merkle/hash';
import { verifyConsistency, verifyInclusion } from '../merkle/verify';
import { bundleShapeProblem } from './shape';
import type { AuditBundleV1, BundleFailure, BundleVerification, VerifyBundleOptions } from './types';

/** The tree head the bundle's proofs are checked against. */
interface Head {
  readonly treeSize: number;
  readonly rootHash: Buffer;
}

/**
 * Verifies an audit bundle offline (the logic behind `npx mutasi verify` and POST /api/audit/verify), in this
 * order: the bundle's shape; the trusted key (if given); the tree head's checkpoint signature and that it matches
 * the treeHead fields; each stream's hash chain from revision 0; each event's leaf hash and inclusion proof
 * against the signed root; the bundle's consistency proofs; and, with `heldCheckpoint`, that the bundle's head is
 * the same as or extends the checkpoint the verifier kept. Failures come in that order, so `failures[0]` is the
 * first failing place. Never throws, whatever the input.
 */
export function verifyBundle(input: unknown, options: VerifyBundleOptions = {}): BundleVerification {
  const problem = bundleShapeProblem(input);
  if (problem !== undefined) return { ok: false, checkedEvents: 0, failures: [failure('bundle', null, problem)] };
  const bundle = input as AuditBundleV1;
  const failures: BundleFailure[] = [];
  try {
    const verifierKey = options.trustedVerifierKey ?? bundle.verifierKey;
    if (options.trustedVerifierKey !== undefined && bundle.verifierKey !== options.trustedVerifierKey) {
      failures.push(failure('verifier key', null, `the bundle's verifier key ${bundle.verifierKey} is not the trusted key ${options.trustedVerifierKey}`));
    }
    const head = checkTreeHead(bundle, verifierKey, failures);
    checkChains(bundle, failures);
    const checkedEvents = checkInclusion(bundle, head, failures);
    checkConsistencyProofs(bundle, head, failures);
    if (options.heldCheckpoint !== undefined) checkHeldCheckpoint(bundle, options.heldCheckpoint, verifierKey, head, failures);
    return { ok: failures.length === 0, checkedEvents, failures };
  } catch (error: unknown) {
    // Only a bug can land here; report it as a failure rather than let an inspector's tool crash.
    const reason = `verification stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, checkedEvents: 0, failures: [...failures, failure('bundle', null, reason)] };
  }
}

/** Checks the checkpoint; returns the signed head when it verifies, else the bundle's unsigned claim. */
function checkTreeHead(bundle: AuditBundleV1, verifierKey: string, failures: BundleFailure[]): Head {
  const claimed: Head = { treeSize: bundle.treeHead.treeSize, rootHash: fromBase64(bundle.treeHead.rootHash) };
  const fail = (reason: string): void => void failures.push(failure('tree head', null, reason));
  const checked = verifyCheckpoint(bundle.treeHead.checkpoint, verifierKey);
  if (!checked.ok) {
    fail(`the checkpoint does not verify with the verifier key: ${checked.reason}`);
    return claimed;
  }
  const signed = checked.checkpoint;
  if (signed.origin !== bundle.origin) fail(`the checkpoint is for origin ${JSON.stringify(signed.origin)}, not ${JSON.stringify(bundle.origin)}`);
  if (signed.treeSize !== claimed.treeSize) fail(`treeHead.treeSize is ${claimed.treeSize} but the signed checkpoint says ${signed.treeSize}`);
  if (!signed.rootHash.equals(claimed.rootHash)) fail(`treeHead.rootHash ${shortHash(claimed.rootHash.toString('hex'))} is not the signed root ${shortHash(signed.rootHash.toString('hex'))}`);
  const seconds = Math.floor(Date.parse(bundle.treeHead.timestamp) / 1000);
  if (seconds * 1000 !== signed.timestamp.getTime()) fail(`treeHead.timestamp ${bundle.treeHead.timestamp} is not the signed time ${signed.timestamp.toISOString()}`);
  return { treeSize: signed.treeSize, rootHash: signed.rootHash };
}

/** Each stream's hash chain, whole from revision 0; a stream must come once and with events. */
function checkChains(bundle: AuditBundleV1, failures: BundleFailure[]): void {
  const seen = new Set<string>();
  for (const stream of bundle.streams) {
    const where = `stream ${stream.streamId}`;
    if (seen.has(stream.streamId)) failures.push(failure(where, null, 'the stream is listed twice in the bundle'));
    seen.add(stream.streamId);
    if (stream.events.length === 0) failures.push(failure(where, null, 'the stream is listed with no events'));
    for (const f of verifyStreamChain(stream.events, { expectFromStart: true, streamId: stream.streamId })) {
      failures.push(failure(`${where} revision ${f.revision}`, f.eventId, f.reason));
    }
  }
}

/** Checks each event's leaf and inclusion proof against the head; returns how many events were checked. */
function checkInclusion(bundle: AuditBundleV1, head: Head, failures: BundleFailure[]): number {
  const claimedBy = new Map<number, string>();
  let checked = 0;
  for (const stream of bundle.streams) {
    for (const event of stream.events) {
      checked += 1;
      const where = `stream ${stream.streamId} revision ${event.revision}`;
      const fail = (reason: string): void => void failures.push(failure(`leaf ${event.leafIndex}`, event.eventId, `${where}: ${reason}`));
      const other = claimedBy.get(event.leafIndex);
      if (other !== undefined) {
        fail(`leaf ${event.leafIndex} is also claimed by event ${other}`);
        continue;
      }
      claimedBy.set(event.leafIndex, event.eventId);
      let hash: Buffer;
      try {
        hash = leafHash(eventLeafData(event));
      } catch {
        fail('event content is not JSON and has no leaf hash');
        continue;
      }
      const proof = event.inclusionProof.map(fromBase64);
      const result = verifyInclusion({ leafIndex: event.leafIndex, treeSize: head.treeSize, leafHash: hash, proof, root: head.rootHash });
      if (!result.ok) fail(`not in the signed tree of size ${head.treeSize}: ${result.reason}`);
    }
  }
  return checked;
}

/** Each consistency proof in the bundle must lead from its claimed earlier head to the bundle's head. */
function checkConsistencyProofs(bundle: AuditBundleV1, head: Head, failures: BundleFailure[]): void {
  for (const entry of bundle.consistencyProofs) {
    const result = verifyConsistency({
      size1: entry.fromSize,
      size2: head.treeSize,
      root1: fromBase64(entry.fromRoot),
      root2: head.rootHash,
      proof: entry.proof.map(fromBase64),
    });
    if (!result.ok) failures.push(failure(`consistency proof from size ${entry.fromSize}`, null, result.reason));
  }
}

/** The bundle's head must equal or extend a checkpoint the verifier kept from before. */
function checkHeldCheckpoint(bundle: AuditBundleV1, held: string, verifierKey: string, head: Head, failures: BundleFailure[]): void {
  const fail = (reason: string): void => void failures.push(failure('held checkpoint', null, reason));
  const checked = verifyCheckpoint(held, verifierKey);
  if (!checked.ok) return fail(`the checkpoint you hold does not verify with the verifier key: ${checked.reason}`);
  const mine = checked.checkpoint;
  if (mine.origin !== bundle.origin) return fail(`the checkpoint you hold is for origin ${JSON.stringify(mine.origin)}, not ${JSON.stringify(bundle.origin)}`);
  if (mine.treeSize > head.treeSize) {
    return fail(`the checkpoint you hold (size ${mine.treeSize}, ${mine.timestamp.toISOString()}) is newer than the bundle's tree head (size ${head.treeSize}): the bundle is stale or the log was rolled back`);
  }
  if (mine.treeSize === head.treeSize) {
    if (!mine.rootHash.equals(head.rootHash)) fail(`two different signed roots for tree size ${head.treeSize}: the log has shown two different histories`);
    return;
  }
  if (mine.treeSize === 0) {
    if (!mine.rootHash.equals(emptyRoot())) fail('the checkpoint you hold has size 0 but is not the empty tree root');
    return;
  }
  const entry = bundle.consistencyProofs.find((p) => p.fromSize === mine.treeSize);
  if (entry === undefined) return fail(`the bundle has no consistency proof from size ${mine.treeSize}, the size of the checkpoint you hold`);
  const result = verifyConsistency({ size1: mine.treeSize, size2: head.treeSize, root1: mine.rootHash, root2: head.rootHash, proof: entry.proof.map(fromBase64) });
  if (!result.ok) fail(`the bundle's tree head does not extend the checkpoint you hold (history was changed): ${result.reason}`);
}

function failure(position: string, eventId: string | null, reason: string): BundleFailure {
  return { position, eventId, reason };
}
