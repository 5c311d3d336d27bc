import { describeValue, isIndex, isRecord, sha256, shortHash, toHex, utf8 } from './bytes';
import { canonicalJson } from './canonical';
import type { BundleEvent, FailureCode } from './types';

/**
 * A stream's hash chain, one event at a time (libs/integrity/src/chain/verify-chain.ts, ChainCursor): each
 * `metadata.prevHash` is the previous event's stored hash (64 zeros at revision 0), each stored `metadata.hash` the
 * SHA-256 of the event's RFC 8785 content without that hash, and revisions run on from 0 without a gap.
 */
export interface ChainFailure {
  readonly revision: number;
  readonly eventId: string;
  readonly code: FailureCode;
  readonly reason: string;
}

const GENESIS = '0'.repeat(64);
const HEX_HASH = /^[0-9a-f]{64}$/;

/** The content the ledger hashes: the six fields of the event, with the given metadata. */
export const eventContent = (e: BundleEvent, metadata: Record<string, unknown>) => ({
  streamId: e.streamId,
  revision: e.revision,
  eventId: e.eventId,
  type: e.type,
  data: e.data,
  metadata,
});

const hashField = (metadata: unknown, field: 'hash' | 'prevHash'): string | undefined => {
  const value = isRecord(metadata) ? metadata[field] : undefined;
  return typeof value === 'string' && HEX_HASH.test(value) ? value : undefined;
};

async function contentHash(e: BundleEvent): Promise<string | undefined> {
  const { hash: _stored, ...rest } = e.metadata;
  let text: string;
  try {
    text = canonicalJson(eventContent(e, rest));
  } catch {
    return undefined;
  }
  return toHex(await sha256(utf8(text)));
}

export class ChainCursor {
  private previous: { revision: number | undefined; hash: string | undefined } | undefined;

  constructor(private readonly streamId: string) {}

  /** Checks the next event of the stream; its failures, empty when it is intact. */
  async next(e: BundleEvent): Promise<ChainFailure[]> {
    const failures: ChainFailure[] = [];
    const fail = (code: FailureCode, reason: string): void =>
      void failures.push({ revision: e.revision, eventId: typeof e.eventId === 'string' ? e.eventId : describeValue(e.eventId), code, reason });
    const previous = this.previous;
    if (e.streamId !== this.streamId) fail('STREAM_MISMATCH', `peristiwa ini milik aliran ${describeValue(e.streamId)}, bukan ${describeValue(this.streamId)}`);
    const stored = hashField(e.metadata, 'hash');
    const prevHash = hashField(e.metadata, 'prevHash');
    if (!isIndex(e.revision) || stored === undefined || prevHash === undefined) {
      fail('MALFORMED_RECORD', `metadata.${prevHash === undefined ? 'prevHash' : 'hash'} hilang atau bukan 64 digit heksadesimal kecil`);
      this.previous = { revision: isIndex(e.revision) ? e.revision : undefined, hash: stored };
      return failures;
    }
    if (previous === undefined) {
      if (e.revision !== 0) fail('REVISION_GAP', `aliran dimulai pada revisi ${e.revision}, bukan 0: peristiwa sebelumnya hilang`);
      else if (prevHash !== GENESIS) fail('CHAIN_BROKEN', `prevHash peristiwa pertama ${shortHash(prevHash)} bukan hash genesis (64 nol)`);
    } else {
      if (previous.revision !== undefined && e.revision !== previous.revision + 1)
        fail('REVISION_GAP', `revisi ${e.revision} menyusul revisi ${previous.revision}, seharusnya ${previous.revision + 1}: ada peristiwa yang hilang atau disisipkan`);
      if (previous.hash !== undefined && prevHash !== previous.hash)
        fail(
          'CHAIN_BROKEN',
          `tautan ke peristiwa sebelumnya putus: prevHash ${shortHash(prevHash)} bukan hash ${shortHash(previous.hash)} peristiwa sebelumnya (dihapus, disisipkan, atau di-hash ulang)`,
        );
    }
    const actual = await contentHash(e);
    if (actual === undefined) fail('MALFORMED_RECORD', 'isi peristiwa bukan JSON dan tidak dapat di-hash');
    else if (actual !== stored) fail('HASH_MISMATCH', `isi peristiwa telah diubah: hash tersimpan ${shortHash(stored)} tetapi isinya ber-hash ${shortHash(actual)}`);
    this.previous = { revision: e.revision, hash: stored };
    return failures;
  }
}
