/**
 * Test support: a small ledger of three interleaved streams and an audit bundle exported from it, built the way
 * audit-service builds them (chain at append, leaf per event in global order, signed checkpoint, proofs).
 */
import {
  AUDIT_BUNDLE_FORMAT,
  eventLeafData,
  generateSignerKey,
  signCheckpoint,
  toBase64,
  verifierKeyFromSignerKey,
  type AuditBundleV1,
  type EventRecord,
} from '../src';
import { MemoryLedger } from './memory-ledger';
import { makeStream } from './streams';

export const ORIGIN = 'mutasi.example/ledger';
export const HEAD_TIME = '2025-03-01T10:00:00.000Z';
export const HELD_SIZE = 5;

export interface Fixture {
  readonly bundle: AuditBundleV1;
  readonly signerKey: string;
  readonly verifierKey: string;
  readonly ledger: MemoryLedger;
  /** Every event in ledger order, including those of streams not in the bundle. */
  readonly events: readonly EventRecord[];
  /** A signed checkpoint of this ledger at an earlier size, as a careful inspector would have kept. */
  readonly heldCheckpoint: string;
  /** Signs this ledger's head at any size with the fixture's key. */
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

/** Builds the ledger, signs its heads and exports a bundle of streams transfer-abc and transfer-xyz. */
export function makeFixture(options: FixtureOptions = {}): Fixture {
  const signerKey = options.signerKey ?? generateSignerKey(ORIGIN);
  const verifierKey = verifierKeyFromSignerKey(signerKey);
  const ordered = globalOrder([makeStream('transfer-abc', 4), makeStream('transfer-xyz', 3), makeStream('transfer-other', 6)]);
  const events = options.rewrite ? options.rewrite(ordered) : ordered;
  const ledger = new MemoryLedger();
  events.forEach((event) => ledger.appendData(eventLeafData(event)));
  const size = ledger.size;
  const signHead = (treeSize: number, time = HEAD_TIME): string =>
    signCheckpoint(signerKey, { origin: ORIGIN, treeSize, rootHash: ledger.root(treeSize), timestamp: new Date(time) });

  const streamOf = (streamId: string): AuditBundleV1['streams'][number] => ({
    streamId,
    events: events
      .map((event, leafIndex) => ({ event, leafIndex }))
      .filter(({ event }) => event.streamId === streamId)
      .map(({ event, leafIndex }) => ({ ...event, leafIndex, inclusionProof: ledger.inclusionProof(leafIndex, size).map(toBase64) })),
  });

  const bundle: AuditBundleV1 = {
    format: AUDIT_BUNDLE_FORMAT,
    origin: ORIGIN,
    verifierKey,
    treeHead: { treeSize: size, rootHash: toBase64(ledger.root(size)), timestamp: HEAD_TIME, checkpoint: signHead(size) },
    streams: [streamOf('transfer-abc'), streamOf('transfer-xyz')],
    consistencyProofs: [{ fromSize: HELD_SIZE, fromRoot: toBase64(ledger.root(HELD_SIZE)), proof: ledger.consistencyProof(HELD_SIZE, size).map(toBase64) }],
  };
  return { bundle, signerKey, verifierKey, ledger, events, heldCheckpoint: signHead(HELD_SIZE, '2025-02-01T09:00:00Z'), signHead };
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
export function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}
