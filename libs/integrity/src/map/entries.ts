import { toBase64, tryFromBase64 } from '../encoding';
import { HASH_SIZE } from '../merkle/hash';

/**
 * The entries of the two verifiable maps a checkpoint commits to (docs/completeness.md). Each entry is a short
 * text of newline-terminated lines; the map is the RFC 6962 tree over its entries in byte order (UTF-8), one
 * entry per key. Every identifier line holds no character below U+0020, so byte order of the entries is the order
 * of their keys, and a key never sorts apart from itself.
 */
export const STREAM_HEAD_TAG = 'mutasi/stream-head/v1';
export const AGENCY_CASE_TAG = 'mutasi/agency-case/v1';

/** The last event of a stream in the ledger's first N leaves. */
export interface StreamHead {
  readonly streamId: string;
  readonly revision: number;
  readonly leafIndex: number;
  readonly leafHash: Buffer;
}

/** A case stream that names an agency (as target or origin) in the ledger's first N leaves. */
export interface AgencyCase {
  readonly agencyId: string;
  readonly streamId: string;
}

const IDENTIFIER = /^[\u0020-\u{10ffff}]{1,200}$/u;
const DECIMAL = /^(0|[1-9][0-9]{0,15})$/;

/** `mutasi/stream-head/v1\n<stream id>\n<revision>\n<leaf index>\n<base64 leaf hash>\n` */
export function streamHeadEntry(head: StreamHead): string {
  return `${STREAM_HEAD_TAG}\n${head.streamId}\n${head.revision}\n${head.leafIndex}\n${toBase64(head.leafHash)}\n`;
}

/** `mutasi/agency-case/v1\n<agency id>\n<stream id>\n` */
export function agencyCaseEntry(entry: AgencyCase): string {
  return `${AGENCY_CASE_TAG}\n${entry.agencyId}\n${entry.streamId}\n`;
}

/** Reads a stream-head entry; null when the text is not exactly one. */
export function parseStreamHeadEntry(text: unknown): StreamHead | null {
  const lines = entryLines(text, STREAM_HEAD_TAG, 4);
  if (lines === null) return null;
  const [streamId, revision, leafIndex, hash] = lines as [string, string, string, string];
  const leafHash = tryFromBase64(hash);
  if (!IDENTIFIER.test(streamId) || !DECIMAL.test(revision) || !DECIMAL.test(leafIndex) || leafHash?.length !== HASH_SIZE) return null;
  return { streamId, revision: Number(revision), leafIndex: Number(leafIndex), leafHash };
}

/** Reads an agency-case entry; null when the text is not exactly one. */
export function parseAgencyCaseEntry(text: unknown): AgencyCase | null {
  const lines = entryLines(text, AGENCY_CASE_TAG, 2);
  if (lines === null) return null;
  const [agencyId, streamId] = lines as [string, string];
  return IDENTIFIER.test(agencyId) && IDENTIFIER.test(streamId) ? { agencyId, streamId } : null;
}

/** Byte order of two entries (the order of a map's leaves). */
export function compareEntries(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function entryLines(text: unknown, tag: string, count: number): string[] | null {
  if (typeof text !== 'string' || !text.endsWith('\n')) return null;
  const [first, ...rest] = text.slice(0, -1).split('\n');
  return first === tag && rest.length === count ? rest : null;
}
