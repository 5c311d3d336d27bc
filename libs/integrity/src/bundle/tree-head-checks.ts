import { verifyCheckpoint, type Checkpoint } from '../checkpoint/checkpoint';
import { fromBase64, shortHash } from '../encoding';
import { emptyRoot } from '../merkle/hash';
import { verifyConsistency } from '../merkle/verify';
import type { BundleFailure, BundleHeader } from './types';

type Fail = (position: string, reason: string) => void;

/** The signed head the bundle's proofs are checked against: the checkpoint when it verifies, else null. */
export function checkTreeHead(header: BundleHeader, verifierKey: string, fail: Fail): Checkpoint | null {
  const checked = verifyCheckpoint(header.treeHead.checkpoint, verifierKey);
  const here = (reason: string): void => fail('tree head', reason);
  if (!checked.ok) {
    here(`the checkpoint does not verify with the log's verifier key: ${checked.reason}`);
    return null;
  }
  const signed = checked.checkpoint;
  const claimedRoot = fromBase64(header.treeHead.rootHash);
  if (signed.origin !== header.origin) here(`the checkpoint is for origin ${JSON.stringify(signed.origin)}, not ${JSON.stringify(header.origin)}`);
  if (signed.treeSize !== header.treeHead.treeSize) here(`treeHead.treeSize is ${header.treeHead.treeSize} but the signed checkpoint says ${signed.treeSize}`);
  if (!signed.rootHash.equals(claimedRoot))
    here(`treeHead.rootHash ${shortHash(claimedRoot.toString('hex'))} is not the signed root ${shortHash(signed.rootHash.toString('hex'))}`);
  const seconds = Math.floor(Date.parse(header.treeHead.timestamp) / 1000);
  if (seconds * 1000 !== signed.timestamp.getTime()) here(`treeHead.timestamp ${header.treeHead.timestamp} is not the signed time ${signed.timestamp.toISOString()}`);
  if (signed.streamHeads === undefined || signed.agencyCases === undefined)
    here('the checkpoint commits to no stream heads or agency case lists: completeness cannot be proven (it was signed before completeness proofs existed)');
  return signed;
}

/** Each consistency proof in the bundle must lead from its claimed earlier head to the bundle's head. */
export function checkConsistencyProofs(header: BundleHeader, head: Checkpoint, fail: Fail): void {
  for (const entry of header.consistencyProofs) {
    const result = verifyConsistency({ size1: entry.fromSize, size2: head.treeSize, root1: fromBase64(entry.fromRoot), root2: head.rootHash, proof: entry.proof.map(fromBase64) });
    if (!result.ok) fail(`consistency proof from size ${entry.fromSize}`, result.reason);
  }
}

/** The bundle's head must equal or extend a checkpoint the verifier kept from before. */
export function checkHeldCheckpoint(header: BundleHeader, held: string, verifierKey: string, head: Checkpoint, fail: Fail): void {
  const here = (reason: string): void => fail('held checkpoint', reason);
  const checked = verifyCheckpoint(held, verifierKey);
  if (!checked.ok) return here(`the checkpoint you hold does not verify with the log's verifier key: ${checked.reason}`);
  const mine = checked.checkpoint;
  if (mine.origin !== header.origin) return here(`the checkpoint you hold is for origin ${JSON.stringify(mine.origin)}, not ${JSON.stringify(header.origin)}`);
  if (mine.treeSize > head.treeSize) {
    return here(
      `the checkpoint you hold (size ${mine.treeSize}, ${mine.timestamp.toISOString()}) is newer than the bundle's tree head (size ${head.treeSize}): the bundle is stale or the log was rolled back`,
    );
  }
  if (mine.treeSize === head.treeSize) {
    if (!mine.rootHash.equals(head.rootHash)) here(`two different signed roots for tree size ${head.treeSize}: the log has shown two different histories`);
    return;
  }
  if (mine.treeSize === 0) {
    if (!mine.rootHash.equals(emptyRoot())) here('the checkpoint you hold has size 0 but is not the empty tree root');
    return;
  }
  const entry = header.consistencyProofs.find((p) => p.fromSize === mine.treeSize);
  if (entry === undefined) return here(`the bundle has no consistency proof from size ${mine.treeSize}, the size of the checkpoint you hold`);
  const result = verifyConsistency({ size1: mine.treeSize, size2: head.treeSize, root1: mine.rootHash, root2: head.rootHash, proof: entry.proof.map(fromBase64) });
  if (!result.ok) here(`the bundle's tree head does not extend the checkpoint you hold (history was changed): ${result.reason}`);
}

export function failure(position: string, eventId: string | null, reason: string): BundleFailure {
  return { position, eventId, reason };
}
