import { isIndex, toBase64, tryFromBase64 } from '../encoding';
import { NoteError } from '../errors';
import { HASH_SIZE } from '../merkle/hash';
import type { MapRoot } from '../map/entry-tree';
import { isWellFormed } from '../note/keys';
import { openNote, parseSignedNote, signNote, type NoteSignature } from '../note/signed-note';

/**
 * A signed tree head as a C2SP checkpoint (c2sp.org/tlog-checkpoint), whose note text is
 *
 *     <origin>\n<tree size, decimal>\n<base64 root hash>\ntimestamp <POSIX seconds, decimal>\n
 *
 * C2SP defines no timestamp extension line (extension lines are opaque to it), so the fourth line is ours. Its
 * value is a POSIX timestamp in whole seconds, written like the `time` line of c2sp.org/tlog-cosignature.
 * Checkpoint verifiers that do not know it ignore it; a signature covers it like the rest of the text.
 */
export interface CheckpointFields {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Buffer;
  /** Whole seconds: milliseconds are dropped when signing. */
  readonly timestamp: Date;
  /** The stream-heads map (docs/completeness.md): the last event of every stream in the first treeSize leaves. */
  readonly streamHeads?: MapRoot;
  /** The agency-cases map: every case stream of every agency in the first treeSize leaves. */
  readonly agencyCases?: MapRoot;
}

/** A parsed checkpoint: its fields, any other extension lines, the signed text and the signature lines. */
export interface Checkpoint extends CheckpointFields {
  readonly extensions: readonly string[];
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** Outcome of {@link verifyCheckpoint}. */
export type CheckpointCheck = { readonly ok: true; readonly checkpoint: Checkpoint } | { readonly ok: false; readonly reason: string };

const TIMESTAMP_PREFIX = 'timestamp ';
const MAP_LINES = { streamHeads: 'mutasi/stream-heads ', agencyCases: 'mutasi/agency-cases ' } as const;
const DECIMAL = /^(0|[1-9][0-9]*)$/;
// Largest second a JavaScript Date can hold.
const MAX_SECONDS = 8.64e12;

/**
 * The checkpoint note text for a tree head (see {@link CheckpointFields} for the format).
 * @throws NoteError `MALFORMED_CHECKPOINT` for an empty or multi-line origin, a bad size, hash or date
 */
export function formatCheckpointText(fields: CheckpointFields): string {
  const bad = (why: string): NoteError => new NoteError('MALFORMED_CHECKPOINT', `cannot make a checkpoint: ${why}`);
  const { origin, treeSize, rootHash, timestamp } = fields;
  if (typeof origin !== 'string' || origin === '' || /[\u0000-\u001f]/.test(origin) || !isWellFormed(origin)) {
    throw bad('origin must be a non-empty single line without control characters');
  }
  if (!isIndex(treeSize)) throw bad('tree size must be a non-negative integer');
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== HASH_SIZE) throw bad(`root hash must be ${HASH_SIZE} bytes`);
  if (!(timestamp instanceof Date) || Number.isNaN(timestamp.getTime()) || timestamp.getTime() < 0) {
    throw bad('timestamp must be a valid date after 1970');
  }
  const seconds = Math.floor(timestamp.getTime() / 1000);
  let maps = '';
  for (const [field, prefix] of Object.entries(MAP_LINES) as [keyof typeof MAP_LINES, string][]) {
    const map = fields[field];
    if (map === undefined) continue;
    if (!isIndex(map.count) || !(map.root instanceof Uint8Array) || map.root.length !== HASH_SIZE) throw bad(`${field} must be a count and a ${HASH_SIZE}-byte root`);
    maps += `${prefix}${map.count} ${toBase64(map.root)}\n`;
  }
  return `${origin}\n${treeSize}\n${toBase64(rootHash)}\n${TIMESTAMP_PREFIX}${seconds}\n${maps}`;
}

/**
 * Signs a tree head with an Ed25519 signer key string and returns the full signed note (checkpoint text, blank
 * line, signature line). The key name should be the origin (C2SP recommends it); it is not enforced.
 * @throws NoteError `MALFORMED_CHECKPOINT`, `INVALID_SIGNER_KEY`
 */
export function signCheckpoint(signerKey: string, fields: CheckpointFields): string {
  return signNote(formatCheckpointText(fields), signerKey);
}

/**
 * Parses a signed checkpoint WITHOUT verifying its signatures (use {@link verifyCheckpoint} for evidence).
 * @throws NoteError `MALFORMED_NOTE` (signed-note syntax) or `MALFORMED_CHECKPOINT` (checkpoint text)
 */
export function parseCheckpoint(text: unknown): Checkpoint {
  const note = parseSignedNote(text);
  return { ...parseCheckpointText(note.text), text: note.text, signatures: note.signatures };
}

/**
 * Verifies a signed checkpoint against the trusted verifier key string, then parses it. The signature by that
 * key must be present and valid; other signatures (witnesses) are ignored; a signature by a different key with
 * the same name is refused. Never throws.
 */
export function verifyCheckpoint(text: unknown, verifierKey: string): CheckpointCheck {
  const opened = openNote(text, verifierKey);
  if (!opened.ok) return opened;
  try {
    const fields = parseCheckpointText(opened.note.text);
    return { ok: true, checkpoint: { ...fields, text: opened.note.text, signatures: opened.note.signatures } };
  } catch (error: unknown) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Parses the note text of a checkpoint: origin, size, root, our timestamp line and other extension lines. */
function parseCheckpointText(text: string): CheckpointFields & { extensions: string[] } {
  const bad = (why: string): NoteError => new NoteError('MALFORMED_CHECKPOINT', `malformed checkpoint: ${why}`);
  const lines = text.slice(0, -1).split('\n');
  const [origin, size, root, ...extensions] = lines;
  if (origin === undefined || origin === '') throw bad('the origin line is empty');
  if (size === undefined || !DECIMAL.test(size) || !Number.isSafeInteger(Number(size))) {
    throw bad('the second line is not a tree size in decimal without leading zeros');
  }
  const rootHash = tryFromBase64(root);
  if (rootHash === undefined || rootHash.length !== HASH_SIZE) throw bad(`the third line is not the base64 of a ${HASH_SIZE}-byte root hash`);
  if (extensions.some((line) => line === '')) throw bad('extension lines must not be empty');
  const stamps = extensions.filter((line) => line.startsWith(TIMESTAMP_PREFIX));
  if (stamps.length !== 1) throw bad(`expected exactly one "timestamp <seconds>" line, found ${stamps.length}`);
  const seconds = (stamps[0] as string).slice(TIMESTAMP_PREFIX.length);
  if (!DECIMAL.test(seconds) || Number(seconds) > MAX_SECONDS) throw bad('the timestamp is not POSIX seconds in decimal without leading zeros');
  const maps: { streamHeads?: MapRoot; agencyCases?: MapRoot } = {};
  for (const [field, prefix] of Object.entries(MAP_LINES) as [keyof typeof MAP_LINES, string][]) {
    const found = extensions.filter((line) => line.startsWith(prefix));
    if (found.length > 1) throw bad(`more than one "${prefix.trim()}" line`);
    if (found.length === 0) continue;
    const [count, root] = (found[0] as string).slice(prefix.length).split(' ');
    const rootBytes = tryFromBase64(root);
    if (count === undefined || !DECIMAL.test(count) || !Number.isSafeInteger(Number(count)) || rootBytes?.length !== HASH_SIZE)
      throw bad(`the "${prefix.trim()}" line is not "<count> <base64 root>"`);
    maps[field] = { count: Number(count), root: rootBytes };
  }
  const known = (line: string): boolean => line.startsWith(TIMESTAMP_PREFIX) || Object.values(MAP_LINES).some((p) => line.startsWith(p));
  return {
    origin,
    treeSize: Number(size),
    rootHash,
    timestamp: new Date(Number(seconds) * 1000),
    ...maps,
    extensions: extensions.filter((line) => !known(line)),
  };
}
