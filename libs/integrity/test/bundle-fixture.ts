/**
 * Test support: a small ledger of three interleaved streams and audit bundles exported from it, built the way
 * audit-service builds them (chain at append, leaf per event in global order, maps, signed checkpoint, proofs).
 */
import {
  AUDIT_BUNDLE_FORMAT,
  eventLeafData,
  generateSignerKey,
  leafHash,
  MapBuilder,
  proveAgencyCases,
  proveStreamHead,
  signCheckpoint,
  toBase64,
  verifierKeyFromSignerKey,
  type BundleHeader,
  type EntryTree,
  type EventRecord,
} from '../src';
import { MemoryLedger } from './memory-ledger';
import { makeStream } from './streams';

export const ORIGIN = 'mutasi.example/ledger';
export const HEAD_TIME = '2025-03-01T10:00:00.000Z';
export const HELD_SIZE = 5;
/** The agencies each stream names: transfer-abc and transfer-xyz are cases of kota-a. */
export const AGENCIES: Record<string, string[]> = { 'transfer-abc': ['kota-a', 'prov-b'], 'transfer-xyz': ['kota-a'], 'transfer-other': ['prov-c'] };

/** A bundle as its lines (objects, to tamper with), and as the text a verifier reads. */
export type BundleLines = Record<string, unknown>[];
export const bundleText = (lines: readonly unknown[]): string => `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;

export interface Fixture {
  readonly signerKey: string;
  readonly verifierKey: string;
  readonly ledger: MemoryLedger;
  /** Every event in ledger order, including those of streams not in the bundles. */
  readonly events: readonly EventRecord[];
  /** A signed checkpoint of this ledger at an earlier size, as a careful inspector would have kept. */
  readonly heldCheckpoint: string;
  /** The checkpoint of the whole ledger, with its map lines. */
  readonly checkpoint: string;
  /** The export of agency kota-a (streams transfer-abc and transfer-xyz). */
  agencyBundle(): BundleLines;
  /** The export of one case. */
  caseBundle(caseId: string): BundleLines;
  /** Signs this ledger's head at any size with the fixture's key (with the maps of that size). */
  signHead(size: number, time?: string): string;
}

export interface FixtureOptions {
  readonly signerKey?: string;
  /** Changes the events before they enter the ledger (to simulate a rewritten history). */
  readonly rewrite?: (events: EventRecord[]) => EventRecord[];
}

/** Interleaves streams round-robin, as concurrent cases interleave in the global order. */
function globalOrder(streams: EventRecord[][]): EventRecord[] {
  const out: EventRecord[] = [];
  for (let i = 0; streams.some((s) => i < s.length); i += 1) streams.forEach((s) => s[i] !== undefined && out.push(s[i] as EventRecord));
  return out;
}

/** Both maps of the ledger's first `size` leaves. */
export function mapsAt(events: readonly EventRecord[], size: number): { streamHeads: EntryTree; agencyCases: EntryTree } {
  const builder = new MapBuilder();
  events
    .slice(0, size)
    .forEach((e, leafIndex) => builder.add({ streamId: e.streamId, revision: e.revision, leafIndex, leafHash: leafHash(eventLeafData(e)) }, AGENCIES[e.streamId] ?? []));
  return { streamHeads: builder.streamHeads(), agencyCases: builder.agencyCases() };
}

/** Builds the ledger and signs its heads; bundles are exported on demand. */
export function makeFixture(options: FixtureOptions = {}): Fixture {
  const signerKey = options.signerKey ?? generateSignerKey(ORIGIN);
  const verifierKey = verifierKeyFromSignerKey(signerKey);
  const ordered = globalOrder([makeStream('transfer-abc', 4), makeStream('transfer-xyz', 3), makeStream('transfer-other', 6)]);
  const events = options.rewrite ? options.rewrite(ordered) : ordered;
  const ledger = new MemoryLedger();
  events.forEach((event) => ledger.appendData(eventLeafData(event)));
  const size = ledger.size;
  const signHead = (treeSize: number, time = HEAD_TIME): string => {
    const maps = mapsAt(events, treeSize);
    return signCheckpoint(signerKey, {
      origin: ORIGIN,
      treeSize,
      rootHash: ledger.root(treeSize),
      timestamp: new Date(time),
      streamHeads: maps.streamHeads.mapRoot(),
      agencyCases: maps.agencyCases.mapRoot(),
    });
  };
  const checkpoint = signHead(size);
  const maps = mapsAt(events, size);

  const streamLines = (streamId: string): BundleLines => [
    { stream: { streamId, head: proveStreamHead(maps.streamHeads, streamId) } },
    ...events
      .map((event, leafIndex) => ({ event, leafIndex }))
      .filter(({ event }) => event.streamId === streamId)
      .map(({ event, leafIndex }) => ({ event: { ...event, leafIndex, inclusionProof: ledger.inclusionProof(leafIndex, size).map(toBase64) } })),
  ];
  const header = (scope: BundleHeader['scope'], agencyCases: BundleHeader['agencyCases']): BundleHeader => ({
    format: AUDIT_BUNDLE_FORMAT,
    origin: ORIGIN,
    verifierKey,
    treeHead: { treeSize: size, rootHash: toBase64(ledger.root(size)), timestamp: HEAD_TIME, checkpoint },
    scope,
    agencyCases,
    consistencyProofs: [{ fromSize: HELD_SIZE, fromRoot: toBase64(ledger.root(HELD_SIZE)), proof: ledger.consistencyProof(HELD_SIZE, size).map(toBase64) }],
  });
  const withEnd = (head: BundleHeader, streams: string[]): BundleLines => {
    const body = streams.flatMap(streamLines);
    return [head as unknown as Record<string, unknown>, ...body, { end: { streams: streams.length, events: body.filter((l) => 'event' in l).length } }];
  };
  return {
    signerKey,
    verifierKey,
    ledger,
    events,
    checkpoint,
    heldCheckpoint: signHead(HELD_SIZE, '2025-02-01T09:00:00Z'),
    signHead,
    agencyBundle: () => withEnd(header({ kind: 'agency', agencyId: 'kota-a' }, proveAgencyCases(maps.agencyCases, 'kota-a')), ['transfer-abc', 'transfer-xyz']),
    caseBundle: (caseId) => withEnd(header({ kind: 'case', caseId, streamId: `transfer-${caseId}` }, null), [`transfer-${caseId}`]),
  };
}

/** A deep copy to tamper with. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Every path to a value inside a JSON document (not the root). */
export function collectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => collectPaths(v, [...path, k]))].filter((p) => p.length > 0);
}

/** Replaces the value at a path inside a JSON document. */
export function setAt(root: Record<string, unknown> | unknown[], path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}
