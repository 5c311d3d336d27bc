import { describeValue, equalBytes, isRecord, tryFromBase64, utf8 } from './bytes';
import { canonicalJson } from './canonical';
import { ChainCursor, eventContent } from './chain';
import { parseVerifierKey, type SignedHead, type VerifierKey } from './checkpoint';
import { verifyAgencyCases, verifyStreamHead, type StreamHead } from './map';
import { leafHash, verifyInclusion } from './merkle';
import { eventProblem, headerProblem, isBundleHeader, streamLineProblem } from './shape';
import { checkConsistencyProofs, checkHeldCheckpoint, checkTreeHead } from './tree-head';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_V1,
  COMPLETENESS_CODES,
  type BundleEvent,
  type BundleHeader,
  type BundleVerification,
  type FailureCode,
  type MissingRevisions,
  type Outcome,
  type VerificationFailure,
  type VerifyOptions,
} from './types';
import { checkWitnessPolicy } from './witness-policy';

const MAX_FAILURES = 1_000;

/** The stream being read: its proven head and its chain so far. */
interface OpenStream {
  readonly streamId: string;
  readonly head: StreamHead | null;
  readonly chain: ChainCursor;
  lastRevision: number;
  lastLeaf: { index: number; hash: Uint8Array } | null;
}

/**
 * Verifies a version 2 audit bundle in the browser, line by line, with WebCrypto only: the same checks in the same
 * order as libs/integrity's BundleVerifier given the pinned key as `trustedVerifierKey`, and the same verdicts. Feed
 * each line to {@link line} (awaiting each), then call {@link finish}. Checks: the format and shape; that the bundle
 * names the pinned key (its own key is never trusted); the checkpoint's Ed25519 signature by the pinned key, its
 * fields and map lines; the witness policy (cosignature/v1); the consistency proofs and the held checkpoint; the
 * agency's case list against the agency-cases map; per stream, its head against the stream-heads map with its
 * neighbours, its hash chain from revision 0, each event's inclusion in the signed tree, and that its last event is
 * the head (else the missing revisions are named); at the end, the end line and that every case stream of the scope
 * came. Never throws; reasons are in Indonesian.
 */
export class BundleVerifier {
  private readonly failures: VerificationFailure[] = [];
  private readonly missing: MissingRevisions[] = [];
  private unusable: string | null = null;
  private header: BundleHeader | null = null;
  private head: SignedHead | null = null;
  private cosignedBy: { name: string; time: string }[] = [];
  private heldSize: number | null = null;
  private expectedStreams: Set<string> | null = null;
  private readonly seenStreams = new Set<string>();
  private current: OpenStream | null = null;
  private ended: { streams: number; events: number } | null = null;
  private lineNumber = 0;
  checkedEvents = 0;

  private constructor(
    private readonly pinned: string,
    private readonly key: VerifierKey | null,
    private readonly options: VerifyOptions,
  ) {}

  /** A verifier for the key the inspector pinned; a malformed key is the first (and only) failure. */
  static async forPinnedKey(pinnedKey: string, options: VerifyOptions = {}): Promise<BundleVerifier> {
    try {
      return new BundleVerifier(pinnedKey.trim(), await parseVerifierKey(pinnedKey), options);
    } catch (e) {
      const verifier = new BundleVerifier(pinnedKey.trim(), null, options);
      verifier.fail('kunci yang disematkan', 'PINNED_KEY_INVALID', null, e instanceof Error ? e.message : String(e));
      return verifier;
    }
  }

  get streamsSeen(): number {
    return this.seenStreams.size;
  }

  /** Feeds one line of the bundle (without its newline). */
  async line(text: string): Promise<void> {
    this.lineNumber += 1;
    if (this.key === null || this.unusable !== null || text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.unusable = `baris ${this.lineNumber} bukan JSON (${e instanceof Error ? e.message : String(e)})`;
      return;
    }
    try {
      if (this.header === null) await this.readHeader(value, this.key);
      else if (this.ended !== null) this.fail('bundel', 'LINE_MALFORMED', null, `baris ${this.lineNumber} muncul sesudah baris penutup`);
      else if (isRecord(value) && 'stream' in value) await this.readStream(value['stream']);
      else if (isRecord(value) && 'event' in value) await this.readEvent(value['event']);
      else if (isRecord(value) && 'end' in value) this.readEnd(value['end']);
      else this.fail('bundel', 'LINE_MALFORMED', null, `baris ${this.lineNumber} bukan baris aliran, peristiwa, maupun penutup`);
    } catch (e) {
      // Only a bug lands here: the inspector sees a failure rather than a crash.
      this.fail('bundel', 'UNEXPECTED', null, `pemeriksaan berhenti tak terduga pada baris ${this.lineNumber}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  finish(): BundleVerification {
    if (this.key !== null && this.unusable === null && this.header === null) this.unusable = 'berkas kosong: tidak ada kepala bundel';
    if (this.key !== null && this.unusable === null) {
      this.closeStream();
      if (this.ended === null) this.fail('bundel', 'CUT_SHORT', null, 'bundel berakhir tanpa baris penutup: bundel terpotong');
      else if (this.ended.streams !== this.seenStreams.size || this.ended.events !== this.checkedEvents) {
        this.fail(
          'bundel',
          'END_MISCOUNT',
          null,
          `baris penutup menghitung ${this.ended.streams} aliran dan ${this.ended.events} peristiwa, tetapi bundel memuat ${this.seenStreams.size} dan ${this.checkedEvents}`,
        );
      }
      for (const streamId of this.expectedStreams ?? []) {
        if (this.seenStreams.has(streamId)) continue;
        this.missing.push({ streamId, from: 0, to: null });
        this.fail(
          `aliran ${streamId}`,
          'STREAM_LEFT_OUT',
          null,
          `checkpoint mencantumkan aliran kasus ini dalam cakupan bundel (${this.scopeText()}), tetapi bundel tidak memuatnya sama sekali`,
        );
      }
    }
    const ok = this.key !== null && this.unusable === null && this.failures.length === 0;
    return {
      ok,
      outcome: this.outcome(ok),
      unusable: this.unusable,
      checkedEvents: this.checkedEvents,
      checkedStreams: this.seenStreams.size,
      treeSize: this.head?.treeSize ?? null,
      signedAt: this.head?.timestamp.toISOString() ?? null,
      keyName: this.key?.name ?? null,
      scope: this.header?.scope ?? null,
      checkpoint: this.head ? (this.header as BundleHeader).treeHead.checkpoint : null,
      witnessPolicy: this.options.witnessPolicy ? { threshold: this.options.witnessPolicy.threshold, witnesses: this.options.witnessPolicy.witnesses.length } : null,
      cosignedBy: this.cosignedBy,
      heldSize: this.heldSize,
      missing: this.missing,
      failures: this.failures,
    };
  }

  /** Tidak lengkap only when every failure says something was left out, and something was: else Gagal verifikasi. */
  private outcome(ok: boolean): Outcome {
    if (ok) return 'VERIFIED';
    const onlyLeftOut = this.unusable === null && this.failures.length > 0 && this.failures.every((f) => COMPLETENESS_CODES.has(f.code));
    return onlyLeftOut && (this.missing.length > 0 || this.failures.some((f) => f.code === 'CUT_SHORT')) ? 'INCOMPLETE' : 'FAILED';
  }

  private async readHeader(value: unknown, key: VerifierKey): Promise<void> {
    if (!isRecord(value)) return void (this.unusable = `baris ${this.lineNumber} bukan kepala bundel (objek JSON)`);
    if (value['format'] === BUNDLE_FORMAT_V1)
      return void (this.unusable = 'ini bundel versi 1, yang tidak dapat membuktikan bahwa tidak ada yang dihilangkan: ekspor ulang bundelnya');
    if (value['format'] !== BUNDLE_FORMAT) return void (this.unusable = `format bundel ${describeValue(value['format'])}, seharusnya ${JSON.stringify(BUNDLE_FORMAT)}`);
    if (!isBundleHeader(value)) return void (this.unusable = `kepala bundel cacat: ${headerProblem(value)}`);
    const header: BundleHeader = value;
    this.header = header;
    if (header.verifierKey !== this.pinned) {
      this.fail(
        'kunci verifikator',
        'KEY_NOT_PINNED',
        null,
        `bundel menyebut kunci operator ${describeValue(header.verifierKey)}, bukan kunci yang Anda sematkan; hanya kunci yang disematkan yang dipercaya`,
      );
    }
    const { caseId } = this.options;
    if (caseId !== undefined && (header.scope.kind !== 'case' || header.scope.caseId !== caseId || header.scope.streamId !== `transfer-${caseId}`)) {
      const actual = header.scope.kind === 'case' ? `kasus ${header.scope.caseId} (aliran ${header.scope.streamId})` : `semua kasus instansi ${header.scope.agencyId}`;
      this.fail(`kasus ${caseId}`, 'NOT_THE_CASE', null, `yang diminta kasus ${caseId} (aliran transfer-${caseId}), tetapi bundel ini mencakup ${actual}`);
    }
    const fail = (place: string, code: FailureCode, reason: string): void => this.fail(place, code, null, reason);
    const head = await checkTreeHead(header, key, fail);
    this.head = head;
    if (head === null) return;
    await this.checkWitnesses(header);
    await checkConsistencyProofs(header, head, fail);
    if (this.options.heldCheckpoint !== undefined) this.heldSize = await checkHeldCheckpoint(header, this.options.heldCheckpoint, key, head, fail);
    if (header.scope.kind === 'case') this.expectedStreams = new Set([header.scope.streamId]);
    else if (head.agencyCases !== undefined) {
      const cases = await verifyAgencyCases(header.scope.agencyId, header.agencyCases, head.agencyCases);
      if (cases.ok) this.expectedStreams = new Set(cases.value);
      else fail(`instansi ${header.scope.agencyId}`, 'AGENCY_CASES_UNPROVEN', `daftar kasus instansi tidak terbukti lengkap: ${cases.reason}`);
    }
  }

  private async checkWitnesses(header: BundleHeader): Promise<void> {
    const policy = this.options.witnessPolicy;
    if (policy === undefined) return;
    const result = await checkWitnessPolicy(header.treeHead.checkpoint, policy);
    this.cosignedBy = result.cosigned.map((c) => ({ name: c.name, time: c.time.toISOString() }));
    if (!result.ok)
      this.fail('kebijakan saksi', 'WITNESS_POLICY', null, result.reason ?? `checkpoint memerlukan kesaksian ${policy.threshold} dari ${policy.witnesses.length} saksi`);
  }

  private async readStream(value: unknown): Promise<void> {
    this.closeStream();
    const problem = streamLineProblem(value);
    if (problem !== undefined) return this.fail('bundel', 'LINE_MALFORMED', null, `baris ${this.lineNumber}: ${problem}`);
    const { streamId, head } = value as { streamId: string; head: unknown };
    const where = `aliran ${streamId}`;
    if (this.seenStreams.has(streamId)) this.fail(where, 'STREAM_TWICE', null, 'aliran tercantum dua kali dalam bundel');
    this.seenStreams.add(streamId);
    if (this.expectedStreams !== null && !this.expectedStreams.has(streamId))
      this.fail(where, 'STREAM_OUT_OF_SCOPE', null, `aliran ini di luar cakupan bundel (${this.scopeText()})`);
    let proven: StreamHead | null = null;
    const map = this.head?.streamHeads;
    if (map !== undefined) {
      const checked = await verifyStreamHead(streamId, head, map);
      if (!checked.ok) this.fail(where, 'HEAD_UNPROVEN', null, `kepala alirannya tidak terbukti: ${checked.reason}`);
      else if (checked.value === null)
        this.fail(where, 'STREAM_NOT_IN_CHECKPOINT', null, `checkpoint berukuran ${this.head?.treeSize} membuktikan bahwa aliran ini tidak punya peristiwa`);
      else proven = checked.value;
    }
    this.current = { streamId, head: proven, chain: new ChainCursor(streamId), lastRevision: -1, lastLeaf: null };
  }

  private async readEvent(value: unknown): Promise<void> {
    const stream = this.current;
    if (stream === null) return this.fail('bundel', 'LINE_MALFORMED', null, `baris ${this.lineNumber}: peristiwa sebelum baris aliran mana pun`);
    const problem = eventProblem(value);
    if (problem !== undefined) return this.fail(`aliran ${stream.streamId}`, 'LINE_MALFORMED', null, `baris ${this.lineNumber}: ${problem}`);
    const event = value as BundleEvent;
    this.checkedEvents += 1;
    for (const f of await stream.chain.next(event)) this.fail(`aliran ${stream.streamId} revisi ${f.revision}`, f.code, f.eventId, f.reason);
    stream.lastRevision = event.revision;
    const where = `aliran ${stream.streamId} revisi ${event.revision}`;
    let hash: Uint8Array;
    try {
      hash = await leafHash(utf8(canonicalJson(eventContent(event, event.metadata))));
    } catch {
      stream.lastLeaf = null;
      return this.fail(`daun ${event.leafIndex}`, 'LEAF_UNHASHABLE', event.eventId, `${where}: isi peristiwa bukan JSON dan tidak punya hash daun`);
    }
    stream.lastLeaf = { index: event.leafIndex, hash };
    const head = this.head;
    if (head === null) return;
    const proof = event.inclusionProof.map((p) => tryFromBase64(p) ?? new Uint8Array());
    const reason = await verifyInclusion(event.leafIndex, head.treeSize, hash, proof, head.rootHash);
    if (reason) this.fail(`daun ${event.leafIndex}`, 'NOT_IN_TREE', event.eventId, `${where}: tidak termuat dalam pohon bertanda tangan berukuran ${head.treeSize}: ${reason}`);
  }

  private readEnd(value: unknown): void {
    this.closeStream();
    if (!isRecord(value) || typeof value['streams'] !== 'number' || typeof value['events'] !== 'number')
      return this.fail('bundel', 'END_MALFORMED', null, 'baris penutup tidak berbentuk {streams, events}');
    this.ended = { streams: value['streams'], events: value['events'] };
  }

  /** At a stream's end: its last event must be the head the checkpoint proves, else its tail was left out. */
  private closeStream(): void {
    const stream = this.current;
    this.current = null;
    if (stream === null || stream.head === null) return;
    const { head, streamId, lastRevision, lastLeaf } = stream;
    const where = `aliran ${streamId}`;
    const size = this.head?.treeSize;
    if (lastRevision < head.revision) {
      this.missing.push({ streamId, from: lastRevision + 1, to: head.revision });
      const which = lastRevision + 1 === head.revision ? `revisi ${head.revision}` : `revisi ${lastRevision + 1}–${head.revision}`;
      this.fail(
        where,
        'REVISIONS_MISSING',
        null,
        `${which} hilang: checkpoint berukuran ${size} menetapkan revisi ${head.revision} (daun ${head.leafIndex}) sebagai peristiwa terakhir aliran ini, tetapi bundel berakhir ${lastRevision < 0 ? 'tanpa peristiwa' : `pada revisi ${lastRevision}`}`,
      );
    } else if (lastRevision > head.revision) {
      this.fail(where, 'BEYOND_HEAD', null, `bundel memuat revisi sampai ${lastRevision}, melewati revisi kepala ${head.revision} yang ditetapkan checkpoint`);
    } else if (lastLeaf === null || lastLeaf.index !== head.leafIndex || !equalBytes(lastLeaf.hash, head.leafHash)) {
      this.fail(where, 'HEAD_MISMATCH', null, `peristiwa terakhirnya (revisi ${head.revision}) bukan yang ditetapkan checkpoint sebagai kepala aliran (daun ${head.leafIndex})`);
    }
  }

  private scopeText(): string {
    const scope = this.header?.scope;
    return scope?.kind === 'case' ? `kasus ${scope.caseId}` : `instansi ${scope?.agencyId ?? '?'}`;
  }

  private fail(place: string, code: FailureCode, eventId: string | null, reason: string): void {
    if (this.failures.length < MAX_FAILURES) this.failures.push({ place, code, eventId, reason });
  }
}
