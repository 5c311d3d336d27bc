import { isIndex, isRecord, tryFromBase64 } from '../encoding';
import { leafHash } from '../merkle/hash';
import { verifyInclusion } from '../merkle/verify';
import { AGENCY_CASE_TAG, compareEntries, parseAgencyCaseEntry, parseStreamHeadEntry, STREAM_HEAD_TAG, type StreamHead } from './entries';
import type { EntryTree, MapLeafProof, MapRoot } from './entry-tree';

/**
 * Proof of a stream's head in the stream-heads map: its entry and the entries on either side, which belong to other
 * streams, so no second entry for the stream hides beside it. With `head` null the two neighbours straddle the
 * place the stream would sort to: it has no events in the checkpoint.
 */
export interface StreamHeadProof {
  readonly head: MapLeafProof | null;
  readonly before: MapLeafProof | null;
  readonly after: MapLeafProof | null;
}

/** Proof of an agency's whole case list: its entries, contiguous, and the entries on either side (other agencies). */
export interface AgencyCasesProof {
  readonly agencyId: string;
  readonly entries: readonly MapLeafProof[];
  readonly before: MapLeafProof | null;
  readonly after: MapLeafProof | null;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const streamPrefix = (streamId: string): string => `${STREAM_HEAD_TAG}\n${streamId}\n`;
const agencyPrefix = (agencyId: string): string => `${AGENCY_CASE_TAG}\n${agencyId}\n`;

/** Builds the {@link StreamHeadProof} of `streamId` from the stream-heads tree. */
export function proveStreamHead(tree: EntryTree, streamId: string): StreamHeadProof {
  const prefix = streamPrefix(streamId);
  const at = tree.lowerBound(prefix);
  const found = tree.entries[at]?.startsWith(prefix) === true;
  const proofAt = (i: number): MapLeafProof | null => (i >= 0 && i < tree.count ? tree.proof(i) : null);
  return found ? { head: tree.proof(at), before: proofAt(at - 1), after: proofAt(at + 1) } : { head: null, before: proofAt(at - 1), after: proofAt(at) };
}

/** Builds the {@link AgencyCasesProof} of `agencyId` from the agency-cases tree. */
export function proveAgencyCases(tree: EntryTree, agencyId: string): AgencyCasesProof {
  const prefix = agencyPrefix(agencyId);
  const first = tree.lowerBound(prefix);
  let end = first;
  while (end < tree.count && (tree.entries[end] as string).startsWith(prefix)) end += 1;
  const entries: MapLeafProof[] = [];
  for (let i = first; i < end; i += 1) entries.push(tree.proof(i));
  return { agencyId, entries, before: first > 0 ? tree.proof(first - 1) : null, after: end < tree.count ? tree.proof(end) : null };
}

/** Checks one leaf of a map against the map root a checkpoint carries. Never throws. */
export function verifyMapLeaf(leaf: unknown, map: MapRoot): Checked<MapLeafProof> {
  if (!isRecord(leaf) || !isIndex(leaf.index) || typeof leaf.entry !== 'string' || !Array.isArray(leaf.proof))
    return { ok: false, reason: 'a map proof is not {index, entry, proof[]}' };
  const proof = leaf.proof.map(tryFromBase64);
  if (proof.some((p) => p === undefined)) return { ok: false, reason: `map entry ${leaf.index}: a proof hash is not base64` };
  const check = verifyInclusion({ leafIndex: leaf.index, treeSize: map.count, leafHash: leafHash(Buffer.from(leaf.entry, 'utf8')), proof: proof as Buffer[], root: map.root });
  return check.ok
    ? { ok: true, value: { index: leaf.index, entry: leaf.entry, proof: leaf.proof.map(String) } }
    : { ok: false, reason: `map entry ${leaf.index} is not in the signed map: ${check.reason}` };
}

/**
 * Proves what the checkpoint's stream-heads map says of `streamId`: its head (revision, leaf index and leaf hash of
 * its last event), or null when the map proves the stream absent. Never throws.
 */
export function verifyStreamHead(streamId: string, input: unknown, map: MapRoot): Checked<StreamHead | null> {
  if (!isRecord(input)) return { ok: false, reason: 'no stream-head proof' };
  const leaves = ['head', 'before', 'after'].map((k) => (input[k] === null || input[k] === undefined ? null : verifyMapLeaf(input[k], map)));
  const failed = leaves.find((l) => l !== null && !l.ok);
  if (failed && !failed.ok) return failed;
  const [head, before, after] = leaves.map((l) => (l?.ok ? l.value : null)) as [MapLeafProof | null, MapLeafProof | null, MapLeafProof | null];
  const otherStream = (leaf: MapLeafProof): boolean => parseStreamHeadEntry(leaf.entry)?.streamId !== streamId && parseStreamHeadEntry(leaf.entry) !== null;
  const prefix = streamPrefix(streamId);
  const at = head?.index ?? (before ? before.index + 1 : 0);
  const sides = checkSides(
    at,
    head ? at + 1 : at,
    before,
    after,
    map.count,
    (leaf) => otherStream(leaf),
    (leaf) => compareEntries(leaf.entry, prefix),
  );
  if (sides !== null) return { ok: false, reason: `stream ${streamId}: ${sides}` };
  if (head === null) return { ok: true, value: null };
  const parsed = parseStreamHeadEntry(head.entry);
  if (parsed === null || parsed.streamId !== streamId) return { ok: false, reason: `stream ${streamId}: map entry ${head.index} is not this stream's head` };
  return { ok: true, value: parsed };
}

/** Proves an agency's complete list of case streams from the checkpoint's agency-cases map. Never throws. */
export function verifyAgencyCases(agencyId: string, input: unknown, map: MapRoot): Checked<string[]> {
  if (!isRecord(input) || !Array.isArray(input.entries)) return { ok: false, reason: 'no agency-cases proof' };
  if (input.agencyId !== agencyId) return { ok: false, reason: `the proof is for agency ${JSON.stringify(input.agencyId)}, not ${agencyId}` };
  const streams: string[] = [];
  let previous: MapLeafProof | null = null;
  for (const raw of input.entries) {
    const leaf = verifyMapLeaf(raw, map);
    if (!leaf.ok) return leaf;
    const parsed = parseAgencyCaseEntry(leaf.value.entry);
    if (parsed === null || parsed.agencyId !== agencyId) return { ok: false, reason: `map entry ${leaf.value.index} is not a case of agency ${agencyId}` };
    if (previous !== null && leaf.value.index !== previous.index + 1)
      return { ok: false, reason: `agency ${agencyId}: map entries ${previous.index + 1}–${leaf.value.index - 1} were left out of the proof` };
    streams.push(parsed.streamId);
    previous = leaf.value;
  }
  const sideLeaves = ['before', 'after'].map((k) => (input[k] === null || input[k] === undefined ? null : verifyMapLeaf(input[k], map)));
  const failed = sideLeaves.find((l) => l !== null && !l.ok);
  if (failed && !failed.ok) return failed;
  const [before, after] = sideLeaves.map((l) => (l?.ok ? l.value : null)) as [MapLeafProof | null, MapLeafProof | null];
  const first = (input.entries[0] as MapLeafProof | undefined)?.index ?? (before ? before.index + 1 : 0);
  const prefix = agencyPrefix(agencyId);
  const otherAgency = (leaf: MapLeafProof): boolean => {
    const parsed = parseAgencyCaseEntry(leaf.entry);
    return parsed !== null && parsed.agencyId !== agencyId;
  };
  const sides = checkSides(first, first + streams.length, before, after, map.count, otherAgency, (leaf) => compareEntries(leaf.entry, prefix));
  return sides === null ? { ok: true, value: streams } : { ok: false, reason: `agency ${agencyId}: ${sides}` };
}

/**
 * The neighbours of the range [start, end) of a map: the entry just before it (or none when it starts at 0) and
 * just after it (or none when it ends at the map's end), each of another key, sorting before and after the range.
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
    if (before === null || before.index !== start - 1) return `the proof lacks map entry ${start - 1}, just before its entries`;
    if (!isOther(before) || orderAgainstKey(before) >= 0) return `map entry ${start - 1} does not sort before the key`;
  } else if (before !== null) return 'the proof has an entry before the first of the map';
  if (end < count) {
    if (after === null || after.index !== end) return `the proof lacks map entry ${end}, just after its entries`;
    if (!isOther(after) || orderAgainstKey(after) <= 0) return `map entry ${end} does not sort after the key`;
  } else if (after !== null) return 'the proof has an entry after the last of the map';
  return null;
}
