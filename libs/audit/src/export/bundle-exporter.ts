import { DataSource } from 'typeorm';
import { AUDIT_BUNDLE_FORMAT, BundleHeader, proveAgencyCases, proveStreamHead, type EntryTree } from '@mutasi/integrity';
import { caseIdOfStream, caseStreamId, DomainError } from '@mutasi/domain';
import { EventStore } from '@mutasi/event-store';
import { ledgerMapsAt } from '../ledger/ledger-maps';
import { LedgerProofs } from '../ledger/proofs';
import { TreeHead, TreeHeads } from '../ledger/tree-heads';

/** Most earlier tree heads whose consistency proofs travel with a bundle. */
const MAX_CONSISTENCY = 1_000;

/** Gets the witnesses' cosignatures on a freshly signed head before it goes out (none configured: as it is). */
export type Cosign = (head: TreeHead) => Promise<TreeHead>;

/** A bundle ready to stream: what it holds, and its lines (JSON, one per line, without the newline). */
export interface BundleExport {
  readonly fileName: string;
  readonly lines: AsyncIterable<string>;
}

/**
 * `GET /api/audit/export`: a self-contained bundle (mutasi-audit-bundle/v2, JSON lines, docs/completeness.md) —
 * whole streams with their hashes, each event's inclusion proof, each stream's head in the checkpoint's
 * stream-heads map, the agency's whole case list in its agency-cases map, the checkpoint with the witnesses'
 * cosignatures, the verifier key, and consistency proofs from earlier heads — for `npx mutasi verify`. Everything
 * that can refuse the export is decided before the first line; the lines then stream one stream at a time.
 */
export class BundleExporter {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly heads: TreeHeads,
    private readonly proofs: LedgerProofs,
    private readonly cosign: Cosign = async (head) => head,
  ) {}

  async export(filter: { caseId?: string; agencyId?: string }, now: Date): Promise<BundleExport> {
    if (!filter.caseId && !filter.agencyId)
      throw new DomainError('VALIDATION', 'FILTER_REQUIRED', 'sebutkan caseId atau agencyId', { errors: [{ field: 'caseId', message: 'caseId atau agencyId wajib diisi' }] });
    const signed = await this.heads.signIfDue(now, true);
    if (!signed) throw new DomainError('CONFLICT', 'LEDGER_EMPTY', 'the ledger holds no events yet');
    const head = await this.cosign(signed);
    const maps = await ledgerMapsAt(this.db, head.treeSize);
    const { scope, agencyCases, streams } = this.scopeOf(filter, maps.streamHeads, maps.agencyCases);
    const earlier = (await this.heads.all()).filter((h) => h.treeSize < head.treeSize).slice(-MAX_CONSISTENCY);
    const consistencyProofs = [];
    for (const h of earlier) consistencyProofs.push({ fromSize: h.treeSize, fromRoot: h.rootHash, proof: (await this.proofs.consistency(h.treeSize, head.treeSize)).proof });
    const header: BundleHeader = {
      format: AUDIT_BUNDLE_FORMAT,
      origin: this.heads.origin,
      verifierKey: this.heads.key.verifierKey,
      treeHead: head,
      scope,
      agencyCases,
      consistencyProofs,
    };
    const fileName = `mutasi-audit-${scope.kind === 'case' ? scope.caseId : scope.agencyId}-${head.treeSize}.jsonl`;
    return { fileName, lines: this.lines(header, streams, maps.streamHeads) };
  }

  private scopeOf(
    filter: { caseId?: string; agencyId?: string },
    streamHeads: EntryTree,
    agencyCasesMap: EntryTree,
  ): Pick<BundleHeader, 'scope' | 'agencyCases'> & { streams: string[] } {
    if (filter.caseId) {
      const streamId = caseStreamId(filter.caseId);
      if (proveStreamHead(streamHeads, streamId).head === null) throw new DomainError('NOT_FOUND', 'CASE_NOT_IN_LEDGER', `case ${filter.caseId} has no events in the ledger (yet)`);
      return { scope: { kind: 'case', caseId: filter.caseId, streamId }, agencyCases: null, streams: [streamId] };
    }
    const agencyId = filter.agencyId as string;
    const agencyCases = proveAgencyCases(agencyCasesMap, agencyId);
    const streams = agencyCases.entries.map((e) => e.entry.split('\n')[2] as string).filter((s) => caseIdOfStream(s) !== null);
    return { scope: { kind: 'agency', agencyId }, agencyCases, streams };
  }

  private async *lines(header: BundleHeader, streams: readonly string[], streamHeads: EntryTree): AsyncIterable<string> {
    yield JSON.stringify(header);
    const size = header.treeHead.treeSize;
    let events = 0;
    for (const streamId of streams) {
      yield JSON.stringify({ stream: { streamId, head: proveStreamHead(streamHeads, streamId) } });
      const recorded = await this.store.readStream(streamId);
      const leaves = await this.proofs.leafIndexes(recorded.map((e) => e.eventId));
      // The stream's events up to the first one the signed tree does not hold, and their proofs in one read.
      const signed: number[] = [];
      for (const e of recorded) {
        const leafIndex = leaves.get(e.eventId);
        if (leafIndex === undefined || leafIndex >= size) break;
        signed.push(leafIndex);
      }
      const proofs = await this.proofs.inclusionOfLeaves(signed, size);
      for (const [n, leafIndex] of signed.entries()) {
        const e = recorded[n] as (typeof recorded)[number];
        const inclusionProof = proofs.get(leafIndex) as string[];
        events += 1;
        yield JSON.stringify({
          event: { streamId: e.streamId, revision: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata: { ...e.metadata }, leafIndex, inclusionProof },
        });
      }
    }
    yield JSON.stringify({ end: { streams: streams.length, events } });
  }
}
