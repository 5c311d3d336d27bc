import { DataSource } from 'typeorm';
import {
  ChainCursor,
  checkWitnessPolicy,
  hashAndLeaf,
  leafHash,
  MapBuilder,
  rootFromNodes,
  rootNodes,
  toBase64,
  verifyCheckpoint,
  type MapRoot,
  type WitnessPolicy,
} from '@mutasi/integrity';
import { caseAgenciesOf } from '../ledger/case-agencies';
import { EventStore, GlobalPosition, RecordedEvent, START } from '@mutasi/event-store';
import { nodeLookup } from '../ledger/node-reader';
import { TreeHeads } from '../ledger/tree-heads';
import { CHAIN_CONSEQUENCE, type VerificationFailureCode } from './failure-codes';
import { MerkleFrontier } from './frontier';
import { LedgerWalk } from './ledger-walk';

export interface VerificationFailure {
  readonly position: string;
  readonly code: VerificationFailureCode;
  readonly eventId: string | null;
  readonly reason: string;
}

export interface VerificationReport {
  readonly ok: boolean;
  readonly checkedEvents: number;
  readonly ledgerSize: number;
  /** Events newer than the ledger (not failures: the ledger catches up within seconds). */
  readonly unledgered: number;
  readonly failures: readonly VerificationFailure[];
}

const MAX_FAILURES = 100;
const PAGE = 1_000;

/**
 * `POST /api/audit/verify`: recomputes everything from the raw events — each stream's hash chain, each ledger leaf
 * against the event at its place in the global order, each signed tree head against the leaves — and reports the
 * first failing positions with the reason. With a tree head the caller kept, also proves the ledger still extends it.
 */
export class RecordVerifier {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly heads: TreeHeads,
  ) {}

  async verify(options: { heldCheckpoint?: string; witnessPolicy?: WitnessPolicy } = {}): Promise<VerificationReport> {
    const failures: VerificationFailure[] = [];
    const fail = (f: VerificationFailure): void => void (failures.length < MAX_FAILURES && failures.push(f));
    const heads = await this.heads.all();
    const held = options.heldCheckpoint ? this.checkHeld(options.heldCheckpoint, fail) : null;
    const walk = new LedgerWalk(this.db, new Set([...heads.map((h) => h.treeSize), ...(held ? [held.size] : [])]));
    const chains = new Map<string, ChainCursor>();
    const maps = new MapBuilder();
    const mapSizes = new Set(heads.map((h) => h.treeSize));
    const mapRootsAt = new Map<number, { streamHeads: MapRoot; agencyCases: MapRoot }>();
    let checked = 0;
    for (let after: GlobalPosition = START; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      if (page.events.length === 0) break;
      for (const e of page.events) {
        checked += 1;
        this.checkChain(e, chains, fail);
        const { leafData } = hashAndLeaf(e);
        await walk.event(e, leafData);
        // The maps as the events themselves give them, in the store's order, to hold the signed map roots against.
        maps.add({ streamId: e.streamId, revision: e.revision, leafIndex: checked - 1, leafHash: leafHash(leafData) }, caseAgenciesOf(e.streamId, e.data));
        if (mapSizes.has(checked)) mapRootsAt.set(checked, { streamHeads: maps.streamHeads().mapRoot(), agencyCases: maps.agencyCases().mapRoot() });
      }
      after = page.nextPosition;
    }
    await walk.finish();
    for (const f of walk.failures) fail({ position: `leaf ${f.leafIndex}`, code: f.code, eventId: f.eventId, reason: f.reason });
    await this.checkHeads(heads, walk.rootsAt, walk.frontier, fail);
    this.checkMaps(heads, mapRootsAt, fail);
    const latest = heads.at(-1);
    if (options.witnessPolicy && options.witnessPolicy.witnesses.length > 0 && latest) {
      const cosigned = checkWitnessPolicy(latest.checkpoint, options.witnessPolicy);
      if (!cosigned.ok)
        fail({
          position: 'witness policy',
          code: 'WITNESS_POLICY',
          eventId: null,
          reason: `the latest tree head (size ${latest.treeSize}): ${cosigned.reason ?? 'not cosigned as the policy asks'}`,
        });
    }
    if (held) {
      const root = walk.rootsAt.get(held.size);
      if (root === undefined)
        fail({
          position: 'held tree head',
          code: 'HELD_CHECKPOINT',
          eventId: null,
          reason: `the ledger has ${walk.frontier.size} leaves, fewer than the ${held.size} of the tree head you hold: history was removed`,
        });
      else if (root !== held.root)
        fail({
          position: 'held tree head',
          code: 'HELD_CHECKPOINT',
          eventId: null,
          reason: `the first ${held.size} leaves no longer give the root of the tree head you hold: history was rewritten`,
        });
    }
    return { ok: failures.length === 0, checkedEvents: checked, ledgerSize: walk.frontier.size, unledgered: walk.unledgered, failures };
  }

  /** One stream's chain, checked by libs/integrity's checker one event at a time (each stream from revision 0). */
  private checkChain(e: RecordedEvent, chains: Map<string, ChainCursor>, fail: (f: VerificationFailure) => void): void {
    let cursor = chains.get(e.streamId);
    if (!cursor) chains.set(e.streamId, (cursor = new ChainCursor({ streamId: e.streamId, expectFromStart: true })));
    for (const f of cursor.next(e)) {
      fail({ position: `stream ${f.streamId} revision ${f.revision}`, code: f.code, eventId: f.eventId, reason: `${f.reason}: ${CHAIN_CONSEQUENCE[f.code]}` });
    }
  }

  /** Each signed checkpoint's map lines must be the maps of its first treeSize events (docs/completeness.md). */
  private checkMaps(
    heads: Awaited<ReturnType<TreeHeads['all']>>,
    rootsAt: Map<number, { streamHeads: MapRoot; agencyCases: MapRoot }>,
    fail: (f: VerificationFailure) => void,
  ): void {
    for (const head of heads) {
      const signed = verifyCheckpoint(head.checkpoint, this.heads.key.verifierKey);
      const computed = rootsAt.get(head.treeSize);
      if (!signed.ok || computed === undefined) continue;
      for (const map of ['streamHeads', 'agencyCases'] as const) {
        const claimed = signed.checkpoint[map];
        if (claimed === undefined)
          fail({
            position: `tree head ${head.treeSize}`,
            code: 'NO_COMPLETENESS_MAPS',
            eventId: null,
            reason: `the checkpoint carries no ${map} map: completeness cannot be proven for it`,
          });
        else if (claimed.count !== computed[map].count || !claimed.root.equals(computed[map].root)) {
          fail({
            position: `tree head ${head.treeSize}`,
            code: 'MAP_MISMATCH',
            eventId: null,
            reason: `its ${map} map (${claimed.count} entries) is not the map of the events (${computed[map].count} entries): the operator signed a false list of heads or cases`,
          });
        }
      }
    }
  }

  private checkHeld(text: string, fail: (f: VerificationFailure) => void): { size: number; root: string } | null {
    const check = verifyCheckpoint(text, this.heads.key.verifierKey);
    if (!check.ok) {
      fail({ position: 'held tree head', code: 'HELD_CHECKPOINT', eventId: null, reason: `not a tree head signed by this ledger: ${check.reason}` });
      return null;
    }
    return { size: check.checkpoint.treeSize, root: toBase64(check.checkpoint.rootHash) };
  }

  private async checkHeads(
    heads: Awaited<ReturnType<TreeHeads['all']>>,
    rootsAt: Map<number, string>,
    frontier: MerkleFrontier,
    fail: (f: VerificationFailure) => void,
  ): Promise<void> {
    for (const head of heads) {
      const signature = verifyCheckpoint(head.checkpoint, this.heads.key.verifierKey);
      if (!signature.ok) fail({ position: `tree head ${head.treeSize}`, code: 'CHECKPOINT_SIGNATURE', eventId: null, reason: `bad signature: ${signature.reason}` });
      else if (toBase64(signature.checkpoint.rootHash) !== head.rootHash || signature.checkpoint.treeSize !== head.treeSize)
        fail({ position: `tree head ${head.treeSize}`, code: 'TREE_HEAD_MISMATCH', eventId: null, reason: 'the stored root or size differs from what the checkpoint signs' });
      const root = rootsAt.get(head.treeSize);
      if (root === undefined) fail({ position: `tree head ${head.treeSize}`, code: 'TREE_HEAD_MISMATCH', eventId: null, reason: `the ledger has only ${frontier.size} leaves` });
      else if (root !== head.rootHash)
        fail({
          position: `tree head ${head.treeSize}`,
          code: 'TREE_HEAD_MISMATCH',
          eventId: null,
          reason: 'the signed root differs from the root of the ledger’s leaves: the ledger was rewritten',
        });
    }
    if (frontier.size > 0) {
      const stored = await nodeLookup(this.db, rootNodes(frontier.size))
        .then((lookup) => rootFromNodes(frontier.size, lookup))
        .catch(() => null);
      if (!stored?.equals(frontier.root()))
        fail({
          position: `ledger nodes (size ${frontier.size})`,
          code: 'LEDGER_NODES',
          eventId: null,
          reason: 'the stored subtree hashes do not match the leaves: proofs served from them would be wrong',
        });
    }
  }
}
