import { equalBytes, sha256, shortHash, toHex, tryFromBase64, utf8 } from './bytes';
import { canonicalJson } from './canonical';
import { parseVerifierKey, SignedHead, verifyCheckpoint, VerifierKey } from './checkpoint';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle';

/** An event of a bundle: the stored record, its leaf in the global ledger and its inclusion proof (base64). */
export interface BundleEvent {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  leafIndex: number;
  inclusionProof: string[];
}

/** `GET /api/audit/export` (mutasi-audit-bundle/v1, libs/integrity/src/bundle/types.ts). */
export interface AuditBundle {
  format: string;
  origin: string;
  verifierKey: string;
  treeHead: { treeSize: number; rootHash: string; timestamp: string; checkpoint: string };
  streams: { streamId: string; events: BundleEvent[] }[];
  consistencyProofs: { fromSize: number; fromRoot: string; proof: string[] }[];
}

/** One failing place: `place` names it (`checkpoint`, `transfer-… revisi 3`, `transfer-… revisi 3 (daun 17)`…). */
export interface VerificationFailure {
  readonly place: string;
  readonly eventId: string | null;
  readonly reason: string;
}

export interface CaseVerification {
  /** True only when every check holds (and at least one event was checked). */
  readonly ok: boolean;
  readonly checkedEvents: number;
  /** The size of the tree head signed by the pinned key, or null when no such signature verified. */
  readonly treeSize: number | null;
  /** When the operator signed that tree head (ISO 8601), or null. */
  readonly signedAt: string | null;
  /** The name of the pinned key, or null when it could not be read. */
  readonly keyName: string | null;
  /** In check order: the first element is the first failing place. */
  readonly failures: readonly VerificationFailure[];
}

export interface CaseCheckOptions {
  /** The case the inspector asked about: the bundle must carry its stream (`transfer-<caseId>`). */
  readonly caseId?: string;
}

export const BUNDLE_FORMAT = 'mutasi-audit-bundle/v1';
const GENESIS = '0'.repeat(64);
const HEX_HASH = /^[0-9a-f]{64}$/;

const content = (e: BundleEvent, metadata: Record<string, unknown>) => ({ streamId: e.streamId, revision: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata });
const failure = (place: string, eventId: string | null, reason: string): VerificationFailure => ({ place, eventId, reason });

/**
 * Checks a case's bundle in the browser against the verifier key the inspector pinned, trusting nothing the server
 * says about itself, in the order of the server's own verifier (`verifyBundle` of @mutasi/integrity with
 * `trustedVerifierKey`): the bundle's shape; that it names the pinned key; the checkpoint's Ed25519 signature by the
 * pinned key and that the tree head fields are the signed ones; that the asked case is in it; each stream's hash
 * chain from revision 0 (revisions without gaps, each `prevHash` the previous event's hash, each stored hash the
 * SHA-256 of the event's RFC 8785 content); each event's RFC 6962 inclusion proof against the signed root; and the
 * consistency proofs from earlier heads. Never throws; reasons are in Indonesian.
 */
export async function verifyCaseBundle(input: unknown, pinnedKey: string, options: CaseCheckOptions = {}): Promise<CaseVerification> {
  let key: VerifierKey;
  try {
    key = await parseVerifierKey(pinnedKey);
  } catch (e) {
    return result([failure('kunci yang disematkan', null, e instanceof Error ? e.message : String(e))]);
  }
  const problem = shapeProblem(input);
  if (problem) return result([failure('bundel', null, problem)], { keyName: key.name });
  const bundle = input as AuditBundle;
  const failures: VerificationFailure[] = [];
  let head: SignedHead | null = null;
  let checked = 0;
  try {
    if (bundle.verifierKey !== pinnedKey.trim()) {
      failures.push(failure('kunci verifikator', null, `bundel menyebut kunci operator ${shorten(bundle.verifierKey)}, bukan kunci yang Anda sematkan; hanya kunci yang disematkan yang dipercaya`));
    }
    head = await checkTreeHead(bundle, key, failures);
    if (options.caseId !== undefined && !bundle.streams.some((s) => s.streamId === `transfer-${options.caseId}`)) {
      failures.push(failure(`kasus ${options.caseId}`, null, `bundel tidak memuat aliran peristiwa kasus ini (transfer-${options.caseId})`));
    }
    checked = await checkChains(bundle, failures);
    if (head) {
      await checkInclusion(bundle, head, failures);
      await checkConsistency(bundle, head, failures);
    }
  } catch (e) {
    // Only a bug lands here; the inspector sees a failure rather than a crash.
    failures.push(failure('bundel', null, `pemeriksaan berhenti tak terduga: ${e instanceof Error ? e.message : String(e)}`));
  }
  return {
    ok: failures.length === 0 && checked > 0 && head !== null,
    checkedEvents: checked,
    treeSize: head?.treeSize ?? null,
    signedAt: head?.timestamp.toISOString() ?? null,
    keyName: key.name,
    failures,
  };
}

function result(failures: VerificationFailure[], extra: { keyName?: string } = {}): CaseVerification {
  return { ok: false, checkedEvents: 0, treeSize: null, signedAt: null, keyName: extra.keyName ?? null, failures };
}

/** The checkpoint must verify with the pinned key, and the bundle's tree head fields must be what it signed. */
async function checkTreeHead(bundle: AuditBundle, key: VerifierKey, failures: VerificationFailure[]): Promise<SignedHead | null> {
  const checked = await verifyCheckpoint(bundle.treeHead.checkpoint, key);
  if (!checked.ok) {
    failures.push(failure('checkpoint', null, `tanda tangan kepala pohon tidak sah dengan kunci yang Anda sematkan: ${checked.reason}`));
    return null;
  }
  const signed = checked.head;
  const fail = (reason: string) => void failures.push(failure('kepala pohon', null, reason));
  if (signed.origin !== bundle.origin) fail(`checkpoint untuk origin ${JSON.stringify(signed.origin)}, bukan ${JSON.stringify(bundle.origin)}`);
  if (signed.treeSize !== bundle.treeHead.treeSize) fail(`treeHead.treeSize ${bundle.treeHead.treeSize} bukan ukuran yang ditandatangani (${signed.treeSize})`);
  const claimedRoot = tryFromBase64(bundle.treeHead.rootHash) ?? new Uint8Array();
  if (!equalBytes(claimedRoot, signed.rootHash)) fail(`treeHead.rootHash ${shortHash(toHex(claimedRoot))} bukan akar yang ditandatangani ${shortHash(toHex(signed.rootHash))}`);
  if (Math.floor(Date.parse(bundle.treeHead.timestamp) / 1000) * 1000 !== signed.timestamp.getTime()) {
    fail(`treeHead.timestamp ${bundle.treeHead.timestamp} bukan waktu yang ditandatangani ${signed.timestamp.toISOString()}`);
  }
  return signed;
}

/** Each stream whole from revision 0, linked and unchanged; returns how many events were checked. */
async function checkChains(bundle: AuditBundle, failures: VerificationFailure[]): Promise<number> {
  const seen = new Set<string>();
  let checked = 0;
  for (const stream of bundle.streams) {
    if (seen.has(stream.streamId)) failures.push(failure(`aliran ${stream.streamId}`, null, 'aliran tercantum dua kali dalam bundel'));
    seen.add(stream.streamId);
    if (stream.events.length === 0) failures.push(failure(`aliran ${stream.streamId}`, null, 'aliran tercantum tanpa peristiwa'));
    let previous: { revision: number; hash: string | undefined } | undefined;
    for (const e of stream.events) {
      checked += 1;
      const fail = (reason: string) => void failures.push(failure(`${stream.streamId} revisi ${e.revision}`, e.eventId, reason));
      if (e.streamId !== stream.streamId) fail(`peristiwa ini milik aliran ${e.streamId}, bukan ${stream.streamId}`);
      const stored = hexField(e.metadata['hash']);
      const prevHash = hexField(e.metadata['prevHash']);
      if (stored === undefined || prevHash === undefined) {
        fail('metadata.hash atau metadata.prevHash hilang atau bukan 64 digit heksadesimal kecil');
        previous = { revision: e.revision, hash: stored };
        continue;
      }
      if (previous === undefined) {
        if (e.revision !== 0) fail(`aliran dimulai pada revisi ${e.revision}, bukan 0: peristiwa sebelumnya hilang`);
        else if (prevHash !== GENESIS) fail(`prevHash peristiwa pertama ${shortHash(prevHash)} bukan hash genesis (64 nol)`);
      } else {
        if (e.revision !== previous.revision + 1) fail(`revisi ${e.revision} menyusul revisi ${previous.revision}, seharusnya ${previous.revision + 1}: ada peristiwa yang hilang atau disisipkan`);
        if (previous.hash !== undefined && prevHash !== previous.hash) {
          fail(`tautan ke peristiwa sebelumnya putus: prevHash ${shortHash(prevHash)} bukan hash ${shortHash(previous.hash)} peristiwa sebelumnya (dihapus, disisipkan, atau di-hash ulang)`);
        }
      }
      const { hash: _stored, ...rest } = e.metadata;
      const actual = await hashOf(content(e, rest));
      if (actual === undefined) fail('isi peristiwa bukan JSON dan tidak dapat di-hash');
      else if (actual !== stored) fail(`isi peristiwa telah diubah: hash tersimpan ${shortHash(stored)} tetapi isinya ber-hash ${shortHash(actual)}`);
      previous = { revision: e.revision, hash: stored };
    }
  }
  return checked;
}

/** Each event's leaf (its content with its hash) must be in the signed tree at its index. */
async function checkInclusion(bundle: AuditBundle, head: SignedHead, failures: VerificationFailure[]): Promise<void> {
  const claimedBy = new Map<number, string>();
  for (const stream of bundle.streams) {
    for (const e of stream.events) {
      const fail = (reason: string) => void failures.push(failure(`${stream.streamId} revisi ${e.revision} (daun ${e.leafIndex})`, e.eventId, reason));
      const other = claimedBy.get(e.leafIndex);
      if (other !== undefined) {
        fail(`daun ${e.leafIndex} juga diklaim oleh peristiwa ${other}`);
        continue;
      }
      claimedBy.set(e.leafIndex, e.eventId);
      let leaf: Uint8Array;
      try {
        leaf = await leafHash(utf8(canonicalJson(content(e, e.metadata))));
      } catch {
        fail('isi peristiwa bukan JSON dan tidak punya hash daun');
        continue;
      }
      const proof = e.inclusionProof.map((p) => tryFromBase64(p) ?? new Uint8Array());
      const reason = await verifyInclusion(e.leafIndex, head.treeSize, leaf, proof, head.rootHash);
      if (reason) fail(`tidak termuat dalam pohon bertanda tangan berukuran ${head.treeSize}: ${reason}`);
    }
  }
}

/** Each consistency proof must lead from its earlier head to the signed one. */
async function checkConsistency(bundle: AuditBundle, head: SignedHead, failures: VerificationFailure[]): Promise<void> {
  for (const c of bundle.consistencyProofs) {
    const reason = await verifyConsistency(c.fromSize, head.treeSize, tryFromBase64(c.fromRoot) ?? new Uint8Array(), head.rootHash, c.proof.map((p) => tryFromBase64(p) ?? new Uint8Array()));
    if (reason) failures.push(failure(`bukti konsistensi dari ukuran ${c.fromSize}`, null, reason));
  }
}

async function hashOf(value: unknown): Promise<string | undefined> {
  let text: string;
  try {
    text = canonicalJson(value);
  } catch {
    return undefined;
  }
  return toHex(await sha256(utf8(text)));
}

const hexField = (value: unknown): string | undefined => (typeof value === 'string' && HEX_HASH.test(value) ? value : undefined);
const shorten = (text: string): string => (text.length > 48 ? `${text.slice(0, 48)}…` : text);

// ---- shape: the untrusted JSON must have the fields the checks read (names the first field that does not fit) ----

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
type Problem = string | undefined;

function shapeProblem(input: unknown): Problem {
  if (!isRecord(input)) return 'bundel bukan objek JSON';
  if (input['format'] !== BUNDLE_FORMAT) return `format bundel ${JSON.stringify(input['format'])}, seharusnya ${JSON.stringify(BUNDLE_FORMAT)}`;
  return text(input['origin'], 'origin') ?? text(input['verifierKey'], 'verifierKey') ?? treeHeadProblem(input['treeHead'])
    ?? list(input['streams'], 'streams', streamProblem) ?? list(input['consistencyProofs'], 'consistencyProofs', consistencyProblem);
}

function treeHeadProblem(head: unknown): Problem {
  if (!isRecord(head)) return 'treeHead tidak ada atau bukan objek';
  if (!isIndex(head['treeSize'])) return 'treeHead.treeSize harus bilangan bulat tak negatif';
  if (typeof head['timestamp'] !== 'string' || Number.isNaN(Date.parse(head['timestamp']))) return 'treeHead.timestamp harus tanggal ISO 8601';
  return base64(head['rootHash'], 'treeHead.rootHash') ?? text(head['checkpoint'], 'treeHead.checkpoint');
}

function streamProblem(stream: unknown, path: string): Problem {
  if (!isRecord(stream)) return `${path} bukan objek`;
  return text(stream['streamId'], `${path}.streamId`) ?? list(stream['events'], `${path}.events`, eventProblem);
}

function eventProblem(event: unknown, path: string): Problem {
  if (!isRecord(event)) return `${path} bukan objek`;
  for (const field of ['streamId', 'eventId', 'type']) {
    const problem = text(event[field], `${path}.${field}`);
    if (problem) return problem;
  }
  if (!isIndex(event['revision'])) return `${path}.revision harus bilangan bulat tak negatif`;
  if (!('data' in event)) return `${path}.data tidak ada`;
  if (!isRecord(event['metadata'])) return `${path}.metadata harus objek`;
  if (!isIndex(event['leafIndex'])) return `${path}.leafIndex harus bilangan bulat tak negatif`;
  return list(event['inclusionProof'], `${path}.inclusionProof`, base64);
}

function consistencyProblem(entry: unknown, path: string): Problem {
  if (!isRecord(entry)) return `${path} bukan objek`;
  if (!isIndex(entry['fromSize'])) return `${path}.fromSize harus bilangan bulat tak negatif`;
  return base64(entry['fromRoot'], `${path}.fromRoot`) ?? list(entry['proof'], `${path}.proof`, base64);
}

function list(value: unknown, path: string, item: (v: unknown, path: string) => Problem): Problem {
  if (!Array.isArray(value)) return `${path} harus daftar`;
  for (const [i, v] of value.entries()) {
    const problem = item(v, `${path}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

function text(value: unknown, path: string): Problem {
  return typeof value === 'string' && value !== '' ? undefined : `${path} harus teks yang tidak kosong`;
}

function base64(value: unknown, path: string): Problem {
  return tryFromBase64(value) !== undefined ? undefined : `${path} harus base64 baku`;
}
