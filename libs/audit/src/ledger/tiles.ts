import { EntityManager } from 'typeorm';
import { eventLeafData } from '@mutasi/integrity';
import { EventStore, GlobalPosition, isGlobalPosition, RecordedEvent, START } from '@mutasi/event-store';

/**
 * The ledger in the C2SP tlog-tiles layout (c2sp.org/tlog-tiles), so a witness or a citizen can mirror it with
 * standard tooling. A tile is 256 hashes wide and 8 tree levels high: tile n at tile level l holds, for i = 0..255,
 * MTH of leaves [(n·256+i)·256^l, (n·256+i+1)·256^l), which is exactly the node we store at tree level 8·l, index
 * n·256+i. A partial tile holds the first W (1..255) of them, for a tree whose size leaves the tile incomplete.
 */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
/** Bytes of one hash in a tile. */
const HASH_BYTES = 32;
/** The largest uint16: an entry bundle states each entry's length in two bytes. */
export const MAX_ENTRY_BYTES = 0xffff;
/** The highest tile level the path syntax allows (c2sp.org/tlog-tiles: 0–63). */
const MAX_LEVEL = 63;
/** The largest tile index whose hashes still have JavaScript-safe node indexes; anything beyond lies beyond any ledger. */
const MAX_INDEX = Math.floor((Number.MAX_SAFE_INTEGER - TILE_WIDTH) / TILE_WIDTH);

/** A hash tile: tile level, index and width (256 for a full tile). */
export interface HashTile {
  readonly kind: 'hash';
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** An entry bundle: the leaf data of leaves [index·256, index·256 + width). */
export interface EntryBundle {
  readonly kind: 'entries';
  readonly index: number;
  readonly width: number;
}

export type TileRef = HashTile | EntryBundle;

/** A parsed tile path, or why it is not one: `MALFORMED` (not the syntax) or `BEYOND` (well-formed, past any ledger). */
export type TilePathParse = { readonly ok: true; readonly tile: TileRef } | { readonly ok: false; readonly problem: 'MALFORMED' | 'BEYOND'; readonly reason: string };

const LEVEL = /^(0|[1-9][0-9]?)$/;
const WIDTH = /^[1-9][0-9]{0,2}$/;
const INNER = /^x[0-9]{3}$/;
const LAST = /^[0-9]{3}$/;

/** The tile index as path elements: zero-padded 3 digits, all but the last prefixed with `x` (1234067 → `x001/x234/067`). */
export function formatTileIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`tile index ${index} is not a non-negative integer`);
  let rest = Math.floor(index / 1000);
  let path = String(index % 1000).padStart(3, '0');
  while (rest > 0) {
    path = `x${String(rest % 1000).padStart(3, '0')}/${path}`;
    rest = Math.floor(rest / 1000);
  }
  return path;
}

/** The path of a tile under the log's prefix: `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`. */
export function formatTilePath(tile: TileRef): string {
  if (!Number.isInteger(tile.width) || tile.width < 1 || tile.width > TILE_WIDTH) throw new RangeError(`tile width ${tile.width} is not 1..256`);
  const partial = tile.width === TILE_WIDTH ? '' : `.p/${tile.width}`;
  return `tile/${tile.kind === 'entries' ? 'entries' : String(tile.level)}/${formatTileIndex(tile.index)}${partial}`;
}

/**
 * Parses `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]` (the part after the log's prefix, still percent-encoded)
 * in its one canonical spelling: L 0–63 and W 1–255 in decimal without leading zeros, N as `formatTileIndex` writes it.
 */
export function parseTilePath(path: string): TilePathParse {
  const malformed = (reason: string): TilePathParse => ({
    ok: false,
    problem: 'MALFORMED',
    reason: `not a tile path (tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>]): ${reason}`,
  });
  const parts = path.split('/');
  if (parts[0] !== 'tile' || parts.length < 3) return malformed('it must start with tile/ and name a level and an index');
  const levelText = parts[1] as string;
  const entries = levelText === 'entries';
  if (!entries && !LEVEL.test(levelText)) return malformed(`the level "${levelText}" is not 0–63 in decimal without leading zeros`);
  const level = entries ? 0 : Number(levelText);
  if (level > MAX_LEVEL) return malformed(`the level ${level} is above 63`);
  let elements = parts.slice(2);
  let width = TILE_WIDTH;
  const partialAt = elements.findIndex((e) => e.endsWith('.p'));
  if (partialAt !== -1) {
    if (partialAt !== elements.length - 2) return malformed('".p" must end the index, followed by the width alone');
    const widthText = elements[partialAt + 1] as string;
    if (!WIDTH.test(widthText) || Number(widthText) >= TILE_WIDTH) return malformed(`the width "${widthText}" of a partial tile is not 1–255 in decimal without leading zeros`);
    width = Number(widthText);
    elements = [...elements.slice(0, partialAt), (elements[partialAt] as string).slice(0, -2)];
  }
  const last = elements.length - 1;
  for (const [i, e] of elements.entries()) {
    if (i < last && !INNER.test(e)) return malformed(`"${e}" is not x and three digits (every index element but the last)`);
    if (i === last && !LAST.test(e)) return malformed(`"${e}" is not three digits (the last index element)`);
  }
  if (elements.length > 1 && elements[0] === 'x000') return malformed('the index has a leading x000 element');
  let index = 0n;
  for (const e of elements) index = index * 1000n + BigInt(e.replace('x', ''));
  if (index > BigInt(MAX_INDEX)) return { ok: false, problem: 'BEYOND', reason: `tile index ${index} lies beyond the ledger` };
  const tile: TileRef = entries ? { kind: 'entries', index: Number(index), width } : { kind: 'hash', level, index: Number(index), width };
  return { ok: true, tile };
}

/** Hashes at tile level `level` in a tree of `treeSize` leaves: floor(treeSize / 256^level). */
function hashesAtLevel(treeSize: number, level: number): number {
  return Math.floor(treeSize / TILE_WIDTH ** level);
}

/**
 * Every tile a client fetches to hold a tree of `treeSize` leaves (c2sp.org/tlog-tiles): at each tile level, the full
 * tiles, and a partial one of W = floor(treeSize / 256^l) mod 256 hashes when W > 0. Bottom level first.
 */
export function tilesOfTree(treeSize: number): HashTile[] {
  const tiles: HashTile[] = [];
  for (let level = 0; hashesAtLevel(treeSize, level) > 0; level += 1) {
    const hashes = hashesAtLevel(treeSize, level);
    for (let index = 0; index < Math.floor(hashes / TILE_WIDTH); index += 1) tiles.push({ kind: 'hash', level, index, width: TILE_WIDTH });
    if (hashes % TILE_WIDTH > 0) tiles.push({ kind: 'hash', level, index: Math.floor(hashes / TILE_WIDTH), width: hashes % TILE_WIDTH });
  }
  return tiles;
}

type Queryable = Pick<EntityManager, 'query'>;

/**
 * A hash tile's bytes (width × 32), read from `ledger_nodes` in one query; null when the ledger does not hold all of
 * its hashes yet. A partial tile's hashes never change once stored, so any width the ledger holds is served.
 */
export async function readHashTile(db: Queryable, tile: HashTile): Promise<Buffer | null> {
  const first = tile.index * TILE_WIDTH;
  const rows = (await db.query(
    `SELECT count(*)::int AS n, coalesce(string_agg(hash, ''::bytea ORDER BY idx), ''::bytea) AS bytes
       FROM ledger_nodes WHERE level = $1 AND idx >= $2::bigint AND idx < $3::bigint`,
    [tile.level * TILE_HEIGHT, String(first), String(first + tile.width)],
  )) as { n: number; bytes: Buffer }[];
  const row = rows[0];
  return row && row.n === tile.width && row.bytes.length === tile.width * HASH_BYTES ? row.bytes : null;
}

/** What `readEntryBundle` found: the bundle, no such leaves (yet), or a leaf too large for a uint16 length. */
export type EntryBundleRead =
  { readonly kind: 'bundle'; readonly bytes: Buffer } | { readonly kind: 'missing' } | { readonly kind: 'too-large'; readonly leafIndex: number; readonly bytes: number };

type LeafRow = { i: string; position: string; event_id: string; stream_id: string; revision: number };

/**
 * An entry bundle: each leaf's data (`eventLeafData` of the stored event, the bytes the leaf hash covers) after its
 * big-endian uint16 length. The events are read in global order from the one before the bundle's first leaf (one
 * page); a leaf whose event is not the next one there (never, unless the store was altered) is read from its stream.
 */
export async function readEntryBundle(db: Queryable, store: EventStore, bundle: EntryBundle): Promise<EntryBundleRead> {
  const first = bundle.index * TILE_WIDTH;
  const rows = (await db.query(
    'SELECT leaf_index::text AS i, position, event_id::text, stream_id, revision FROM ledger_leaves WHERE leaf_index >= $1::bigint AND leaf_index < $2::bigint ORDER BY leaf_index',
    [String(Math.max(0, first - 1)), String(first + bundle.width)],
  )) as LeafRow[];
  const leaves = rows.filter((r) => Number(r.i) >= first);
  if (leaves.length !== bundle.width) return { kind: 'missing' };
  const before = first > 0 ? rows[0]?.position : START;
  if (!isGlobalPosition(before) || (first > 0 && Number(rows[0]?.i) !== first - 1)) return { kind: 'missing' };
  const page = await store.readAll({ after: before as GlobalPosition, limit: bundle.width });
  const parts: Buffer[] = [];
  for (const [k, leaf] of leaves.entries()) {
    const event = page.events[k]?.eventId === leaf.event_id ? page.events[k] : await eventOf(store, leaf);
    if (!event) return { kind: 'missing' };
    const data = eventLeafData(event);
    if (data.length > MAX_ENTRY_BYTES) return { kind: 'too-large', leafIndex: first + k, bytes: data.length };
    const length = Buffer.alloc(2);
    length.writeUInt16BE(data.length);
    parts.push(length, data);
  }
  return { kind: 'bundle', bytes: Buffer.concat(parts) };
}

async function eventOf(store: EventStore, leaf: LeafRow): Promise<RecordedEvent | undefined> {
  const [event] = await store.readStream(leaf.stream_id, { fromRevision: leaf.revision, maxCount: 1 });
  return event?.eventId === leaf.event_id ? event : undefined;
}
