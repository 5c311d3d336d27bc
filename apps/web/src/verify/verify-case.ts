import { fromBase64, sha256, toHex, utf8 } from './bytes';
import { canonicalJson } from './canonical';
import { verifyCheckpoint } from './checkpoint';
import { leafHash, verifyInclusion } from './merkle';

interface BundleEvent {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  leafIndex: number;
  inclusionProof: string[];
}

export interface AuditBundle {
  format: string;
  origin: string;
  verifierKey: string;
  treeHead: { treeSize: number; rootHash: string; timestamp: string; checkpoint: string };
  streams: { streamId: string; events: BundleEvent[] }[];
}

export interface CaseVerification {
  readonly ok: boolean;
  readonly checkedEvents: number;
  readonly treeSize: number | null;
  readonly failures: readonly string[];
}

const GENESIS = '0'.repeat(64);
const content = (e: BundleEvent, metadata: Record<string, unknown>) => ({ streamId: e.streamId, revision: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata });

/**
 * Checks a case's bundle in the browser against the verifier key the inspector pinned, trusting nothing the server
 * says about itself: the checkpoint's Ed25519 signature, each event's hash and link to the one before (from revision
 * 0), and each event's inclusion proof against the signed root. The bundle's own key is ignored.
 */
export async function verifyCaseBundle(bundle: AuditBundle, pinnedKey: string): Promise<CaseVerification> {
  const failures: string[] = [];
  let head;
  try {
    head = await verifyCheckpoint(bundle.treeHead.checkpoint, pinnedKey);
    if (head.origin !== bundle.origin) failures.push(`checkpoint untuk origin ${head.origin}, bukan ${bundle.origin}`);
  } catch (e) {
    return { ok: false, checkedEvents: 0, treeSize: null, failures: [`checkpoint: ${e instanceof Error ? e.message : String(e)}`] };
  }
  let checked = 0;
  for (const stream of bundle.streams) {
    let prev = GENESIS;
    for (const [i, e] of stream.events.entries()) {
      const where = `${stream.streamId} revisi ${e.revision}`;
      if (e.revision !== i) failures.push(`${where}: revisi tidak berurutan (diharapkan ${i}): ada peristiwa yang hilang`);
      const { hash: stored, ...rest } = e.metadata;
      const computed = toHex(await sha256(utf8(canonicalJson(content(e, rest)))));
      if (stored !== computed) failures.push(`${where}: hash peristiwa tidak cocok dengan isinya (isi telah diubah)`);
      if (e.metadata.prevHash !== prev) failures.push(`${where}: tautan ke peristiwa sebelumnya putus`);
      prev = typeof stored === 'string' ? stored : '';
      const leaf = await leafHash(utf8(canonicalJson(content(e, e.metadata))));
      const reason = await verifyInclusion(e.leafIndex, head.treeSize, leaf, e.inclusionProof.map(fromBase64), head.rootHash);
      if (reason) failures.push(`${where}: tidak termuat dalam pohon bertanda tangan (${reason})`);
      checked += 1;
    }
  }
  return { ok: failures.length === 0 && checked > 0, checkedEvents: checked, treeSize: head.treeSize, failures };
}
