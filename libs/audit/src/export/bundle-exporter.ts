import { DataSource } from 'typeorm';
import { AUDIT_BUNDLE_FORMAT, AuditBundleV1, BundleEvent } from '@mutasi/integrity';
import { caseStreamId, DomainError } from '@mutasi/domain';
import { EventStore } from '@mutasi/event-store';
import { LedgerProofs } from '../ledger/proofs';
import { TreeHeads } from '../ledger/tree-heads';

/** Most cases in one agency export; ask per case beyond that. */
const MAX_CASES = 500;
/** Most earlier tree heads whose consistency proofs travel with a bundle. */
const MAX_CONSISTENCY = 1_000;

/**
 * `GET /api/audit/export`: a self-contained bundle — whole streams with their hashes, each event's inclusion proof
 * to a freshly signed tree head, the verifier key, and consistency proofs from earlier heads — for `npx mutasi verify`.
 */
export class BundleExporter {
  constructor(private readonly store: EventStore, private readonly db: DataSource, private readonly heads: TreeHeads, private readonly proofs: LedgerProofs) {}

  async export(filter: { caseId?: string; agencyId?: string }, now: Date): Promise<AuditBundleV1> {
    const streams = await this.streamsFor(filter);
    const head = await this.heads.signIfDue(now, true);
    if (!head) throw new DomainError('CONFLICT', 'LEDGER_EMPTY', 'the ledger holds no events yet');
    const out: AuditBundleV1['streams'] = [];
    for (const streamId of streams) {
      const events: BundleEvent[] = [];
      for (const e of await this.store.readStream(streamId)) {
        const leaf = await this.proofs.leafOf(e.eventId);
        if (!leaf || leaf.leafIndex >= head.treeSize) break;
        const inclusion = await this.proofs.inclusion(e.eventId, head.treeSize);
        events.push({ streamId: e.streamId, revision: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata: { ...e.metadata }, leafIndex: inclusion.leafIndex, inclusionProof: inclusion.proof });
      }
      if (events.length > 0) out.push({ streamId, events });
    }
    const earlier = (await this.heads.all()).filter((h) => h.treeSize < head.treeSize).slice(-MAX_CONSISTENCY);
    const consistencyProofs = [];
    for (const h of earlier) consistencyProofs.push({ fromSize: h.treeSize, fromRoot: h.rootHash, proof: (await this.proofs.consistency(h.treeSize, head.treeSize)).proof });
    return { format: AUDIT_BUNDLE_FORMAT, origin: this.heads.origin, verifierKey: this.heads.key.verifierKey, treeHead: head, streams: out, consistencyProofs };
  }

  private async streamsFor(filter: { caseId?: string; agencyId?: string }): Promise<string[]> {
    if (filter.caseId) return [caseStreamId(filter.caseId)];
    if (filter.agencyId) {
      const rows = (await this.db.query('SELECT case_id FROM audit_cases WHERE target_agency = $1 OR origin_agency = $1 ORDER BY case_id LIMIT $2', [filter.agencyId, MAX_CASES])) as { case_id: string }[];
      return rows.map((r) => caseStreamId(r.case_id));
    }
    throw new DomainError('VALIDATION', 'FILTER_REQUIRED', 'give caseId or agencyId', { errors: [{ field: 'caseId', message: 'caseId or agencyId is required' }] });
  }
}
