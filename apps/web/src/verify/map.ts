import { compareBytes, isIndex, isRecord, tryFromBase64, utf8 } from './bytes';
import type { MapRoot } from './checkpoint';
import { leafHash, verifyInclusion } from './merkle';
import type { MapLeafProof } from './types';

/**
 * The two verifiable maps a checkpoint commits to (docs/completeness.md, libs/integrity/src/map): RFC 6962 trees
 * over short text entries in UTF-8 byte order, one entry per key. A proof of a key shows its entries AND the entries
 * just before and after them, which belong to other keys: no entry of the key can hide beside the ones shown.
 */
const STREAM_HEAD_TAG = 'mutasi/stream-head/v1';
const AGENCY_CASE_TAG = 'mutasi/agency-case/v1';
const IDENTIFIER = /^[\u0020-\u{10ffff}]{1,200}$/u;
const DECIMAL = /^(0|[1-9][0-9]{0,15})$/;

/** The last event of a stream in the checkpoint's leaves. */
export interface StreamHead {
  readonly streamId: string;
  readonly revision: number;
  readonly leafIndex: number;
  readonly leafHash: Uint8Array;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const streamPrefix = (streamId: string): string => `${STREAM_HEAD_TAG}\n${streamId}\n`;
const agencyPrefix = (agencyId: string): string => `${AGENCY_CASE_TAG}\n${agencyId}\n`;
const compareEntries = (a: string, b: string): number => compareBytes(utf8(a), utf8(b));

function entryLines(text: unknown, tag: string, count: number): string[] | null {
  if (typeof text !== 'string' || !text.endsWith('\n')) return null;
  const [first, ...rest] = text.slice(0, -1).split('\n');
  return first === tag && rest.length === count ? rest : null;
}

/** `mutasi/stream-head/v1\n<stream>\n<revision>\n<leaf index>\n<base64 leaf hash>\n`, or null. */
function parseStreamHeadEntry(text: unknown): StreamHead | null {
  const lines = entryLines(text, STREAM_HEAD_TAG, 4);
  if (lines === null) return null;
  const [streamId, revision, leafIndex, hash] = lines as [string, string, string, string];
  const leaf = tryFromBase64(hash);
  if (!IDENTIFIER.test(streamId) || !DECIMAL.test(revision) || !DECIMAL.test(leafIndex) || leaf?.length !== 32) return null;
  return { streamId, revision: Number(revision), leafIndex: Number(leafIndex), leafHash: leaf };
}

/** `mutasi/agency-case/v1\n<agency>\n<stream>\n`, or null. */
function parseAgencyCaseEntry(text: unknown): { agencyId: string; streamId: string } | null {
  const lines = entryLines(text, AGENCY_CASE_TAG, 2);
  if (lines === null) return null;
  const [agencyId, streamId] = lines as [string, string];
  return IDENTIFIER.test(agencyId) && IDENTIFIER.test(streamId) ? { agencyId, streamId } : null;
}

/** One leaf of a map against the map root the checkpoint carries. Never throws. */
export async function verifyMapLeaf(leaf: unknown, map: MapRoot): Promise<Checked<MapLeafProof>> {
  if (!isRecord(leaf) || !isIndex(leaf.index) || typeof leaf.entry !== 'string' || !Array.isArray(leaf.proof))
    return { ok: false, reason: 'bukti peta tidak berbentuk {index, entry, proof[]}' };
  const proof = leaf.proof.map(tryFromBase64);
  if (proof.some((p) => p === undefined)) return { ok: false, reason: `entri peta ${leaf.index}: hash bukti bukan base64` };
  const reason = await verifyInclusion(leaf.index, map.count, await leafHash(utf8(leaf.entry)), proof as Uint8Array[], map.root);
  return reason === null
    ? { ok: true, value: { index: leaf.index, entry: leaf.entry, proof: leaf.proof.map(String) } }
    : { ok: false, reason: `entri peta ${leaf.index} tidak termuat dalam peta yang ditandatangani: ${reason}` };
}

/** The optional leaves `keys` of a proof, each checked; the first failure, or the leaves (null where absent). */
async function sideLeaves(input: Record<string, unknown>, keys: readonly string[], map: MapRoot): Promise<Checked<(MapLeafProof | null)[]>> {
  const out: (MapLeafProof | null)[] = [];
  for (const k of keys) {
    if (input[k] === null || input[k] === undefined) {
      out.push(null);
      continue;
    }
    const checked = await verifyMapLeaf(input[k], map);
    if (!checked.ok) return checked;
    out.push(checked.value);
  }
  return { ok: true, value: out };
}

/**
 * What the stream-heads map says of `streamId`: its head (revision, leaf index and hash of its last event), or null
 * when the map proves the stream has no events. Never throws.
 */
export async function verifyStreamHead(streamId: string, input: unknown, map: MapRoot): Promise<Checked<StreamHead | null>> {
  if (!isRecord(input)) return { ok: false, reason: 'tidak ada bukti kepala aliran' };
  const leaves = await sideLeaves(input, ['head', 'before', 'after'], map);
  if (!leaves.ok) return leaves;
  const [head, before, after] = leaves.value as [MapLeafProof | null, MapLeafProof | null, MapLeafProof | null];
  const otherStream = (leaf: MapLeafProof): boolean => {
    const parsed = parseStreamHeadEntry(leaf.entry);
    return parsed !== null && parsed.streamId !== streamId;
  };
  const prefix = streamPrefix(streamId);
  const at = head?.index ?? (before ? before.index + 1 : 0);
  const sides = checkSides(at, head ? at + 1 : at, before, after, map.count, otherStream, (leaf) => compareEntries(leaf.entry, prefix));
  if (sides !== null) return { ok: false, reason: `aliran ${streamId}: ${sides}` };
  if (head === null) return { ok: true, value: null };
  const parsed = parseStreamHeadEntry(head.entry);
  if (parsed === null || parsed.streamId !== streamId) return { ok: false, reason: `aliran ${streamId}: entri peta ${head.index} bukan kepala aliran ini` };
  return { ok: true, value: parsed };
}

/** An agency's complete list of case streams, from the checkpoint's agency-cases map. Never throws. */
export async function verifyAgencyCases(agencyId: string, input: unknown, map: MapRoot): Promise<Checked<string[]>> {
  if (!isRecord(input) || !Array.isArray(input.entries)) return { ok: false, reason: 'tidak ada bukti daftar kasus instansi' };
  if (input.agencyId !== agencyId) return { ok: false, reason: `bukti itu untuk instansi ${JSON.stringify(input.agencyId)}, bukan ${agencyId}` };
  const streams: string[] = [];
  let previous: MapLeafProof | null = null;
  for (const raw of input.entries) {
    const leaf = await verifyMapLeaf(raw, map);
    if (!leaf.ok) return leaf;
    const parsed = parseAgencyCaseEntry(leaf.value.entry);
    if (parsed === null || parsed.agencyId !== agencyId) return { ok: false, reason: `entri peta ${leaf.value.index} bukan kasus instansi ${agencyId}` };
    if (previous !== null && leaf.value.index !== previous.index + 1)
      return { ok: false, reason: `instansi ${agencyId}: entri peta ${previous.index + 1}–${leaf.value.index - 1} dihilangkan dari bukti` };
    streams.push(parsed.streamId);
    previous = leaf.value;
  }
  const leaves = await sideLeaves(input, ['before', 'after'], map);
  if (!leaves.ok) return leaves;
  const [before, after] = leaves.value as [MapLeafProof | null, MapLeafProof | null];
  const first = (input.entries[0] as MapLeafProof | undefined)?.index ?? (before ? before.index + 1 : 0);
  const prefix = agencyPrefix(agencyId);
  const otherAgency = (leaf: MapLeafProof): boolean => {
    const parsed = parseAgencyCaseEntry(leaf.entry);
    return parsed !== null && parsed.agencyId !== agencyId;
  };
  const sides = checkSides(first, first + streams.length, before, after, map.count, otherAgency, (leaf) => compareEntries(leaf.entry, prefix));
  return sides === null ? { ok: true, value: streams } : { ok: false, reason: `instansi ${agencyId}: ${sides}` };
}

/**
 * The neighbours of the range [start, end) of a map: the entry just before it (none when it starts at 0) and just
 * after it (none when it ends at the map's end), each of another key, sorting before and after the range.
 */
function checkSides(
  start: number,
  end: number,
  before: MapLeafProof | null,
  after: MapLeafProof | null,
  count: number,
  isOther: (leaf: MapLeafProof) => boolean,
  orderAgainstKey: (leaf: MapLeafProof) => number,
): string | null {
  if (start > 0) {
    if (before === null || before.index !== start - 1) return `bukti tidak memuat entri peta ${start - 1}, tepat sebelum entrinya`;
    if (!isOther(before) || orderAgainstKey(before) >= 0) return `entri peta ${start - 1} tidak terurut sebelum kuncinya`;
  } else if (before !== null) return 'bukti memuat entri sebelum entri pertama peta';
  if (end < count) {
    if (after === null || after.index !== end) return `bukti tidak memuat entri peta ${end}, tepat sesudah entrinya`;
    if (!isOther(after) || orderAgainstKey(after) <= 0) return `entri peta ${end} tidak terurut sesudah kuncinya`;
  } else if (after !== null) return 'bukti memuat entri sesudah entri terakhir peta';
  return null;
}
