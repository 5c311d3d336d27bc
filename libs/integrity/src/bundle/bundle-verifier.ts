import { eventLeafData } from '../chain/event-hash';
import { ChainCursor, type ChainFailureCode } from '../chain/verify-chain';
import type { Checkpoint } from '../checkpoint/checkpoint';
import { fromBase64, isRecord } from '../encoding';
import { verifyAgencyCases, verifyStreamHead } from '../map/completeness';
import type { StreamHead } from '../map/entries';
import { leafHash } from '../merkle/hash';
import { verifyInclusion } from '../merkle/verify';
import { checkWitnessPolicy } from '../witness-policy';
import { describe, eventProblem, headerProblem, isBundleHeader, streamLineProblem } from './shape';
import { checkConsistencyProofs, checkHeldCheckpoint, checkTreeHead, failure } from './tree-head-checks';
import {
  AUDIT_BUNDLE_FORMAT,
  AUDIT_BUNDLE_FORMAT_V1,
  type BundleEvent,
  type BundleFailure,
  type BundleHeader,
  type BundleVerification,
  type MissingRevisions,
  type VerifyBundleOptions,
} from './types';

const MAX_FAILURES = 1_000;

/** The stream being read: its proven head and the chain so far. */
interface OpenStream {
  readonly streamId: string;
  readonly head: StreamHead | null;
  readonly chain: ChainCursor;
  lastRevision: number;
  lastLeaf: { index: number; hash: Buffer } | null;
}

/**
 * Verifies a version 2 audit bundle line by line, in flat memory (it keeps the header, the stream being read and
 * the set of stream ids): feed each line to {@link line}, then call {@link finish}. Checks, in order: the format and
 * shape; the log key (the trusted one, or the bundle's own only when told to trust it); the checkpoint's signature
 * and fields; the witness policy; the consistency proofs and a held checkpoint; the agency's case list against the
 * agency-cases map; per stream, its head against the stream-heads map, its hash chain from revision 0, each event's
 * inclusion in the signed tree, and that its last event is the head (else names the missing revisions); at the end,
 * that every case stream of the scope came. Never throws, whatever the input.
 */
export class BundleVerifier {
  private readonly failures: BundleFailure[] = [];
  private readonly missing: MissingRevisions[] = [];
  private unusable: string | null = null;
  private header: BundleHeader | null = null;
  private checkpoint: Checkpoint | null = null;
  private cosignedBy: { name: string; time: string }[] = [];
  private expectedStreams: Set<string> | null = null;
  private readonly seenStreams = new Set<string>();
  private current: OpenStream | null = null;
  private ended: { streams: number; events: number } | null = null;
  private lineNumber = 0;
  checkedEvents = 0;

  constructor(private readonly options: VerifyBundleOptions) {}

  /** Feeds one line of the bundle (without its newline). */
  line(text: string): void {
    this.lineNumber += 1;
    if (this.unusable !== null) return;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error: unknown) {
      this.unusable = `line ${this.lineNumber} is not JSON (${error instanceof Error ? error.message : String(error)})`;
      return;
    }
    try {
      if (this.header === null) this.readHeader(value);
      else if (this.ended !== null) this.fail('bundle', null, `line ${this.lineNumber} comes after the end line`);
      else if (isRecord(value) && 'stream' in value) this.readStream(value['stream']);
      else if (isRecord(value) && 'event' in value) this.readEvent(value['event']);
      else if (isRecord(value) && 'end' in value) this.readEnd(value['end']);
      else this.fail('bundle', null, `line ${this.lineNumber} is neither a stream, an event nor the end line`);
    } catch (error: unknown) {
      // Only a bug can land here; report it rather than let an inspector's tool crash.
      this.fail('bundle', null, `verification stopped unexpectedly at line ${this.lineNumber}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  get streamsSeen(): number {
    return this.seenStreams.size;
  }

  finish(): BundleVerification {
    if (this.unusable === null && this.header === null) this.unusable = 'the file is empty: no bundle header';
    if (this.unusable === null) {
      this.closeStream();
      if (this.ended === null) this.fail('bundle', null, 'the bundle ends without its end line: it was cut short');
      else if (this.ended.streams !== this.seenStreams.size || this.ended.events !== this.checkedEvents) {
        this.fail(
          'bundle',
          null,
          `the end line counts ${this.ended.streams} streams and ${this.ended.events} events, but the bundle holds ${this.seenStreams.size} and ${this.checkedEvents}`,
        );
      }
      for (const streamId of this.expectedStreams ?? []) {
        if (this.seenStreams.has(streamId)) continue;
        this.missing.push({ streamId, from: 0, to: null });
        this.fail(`stream ${streamId}`, null, `the checkpoint lists this case stream in the bundle's scope (${this.scopeText()}), but the bundle leaves it out entirely`);
      }
    }
    const ok = this.unusable === null && this.failures.length === 0;
    return {
      ok,
      unusable: this.unusable,
      checkedEvents: this.checkedEvents,
      checkedStreams: this.seenStreams.size,
      treeSize: this.checkpoint?.treeSize ?? null,
      checkpointTime: this.checkpoint?.timestamp.toISOString() ?? null,
      scope: this.header?.scope ?? null,
      cosignedBy: this.cosignedBy,
      missing: this.missing,
      failures: this.failures,
    };
  }

  private readHeader(value: unknown): void {
    if (!isRecord(value)) return void (this.unusable = 'line 1 is not a bundle header (a JSON object)');
    if (value['format'] === AUDIT_BUNDLE_FORMAT_V1) return void (this.unusable = 'this is a version 1 bundle, which cannot prove that nothing was left out: export it again');
    if (value['format'] !== AUDIT_BUNDLE_FORMAT) return void (this.unusable = `line 1 has format ${describe(value['format'])}, expected ${JSON.stringify(AUDIT_BUNDLE_FORMAT)}`);
    if (!isBundleHeader(value)) return void (this.unusable = `the bundle header is malformed: ${headerProblem(value)}`);
    const header: BundleHeader = value;
    this.header = header;
    const { trustedVerifierKey, trustBundleKey } = this.options;
    if (trustedVerifierKey === undefined && trustBundleKey !== true)
      this.fail('verifier key', null, 'no trusted verifier key was given, and the bundle’s own key is not trusted unless you say so');
    if (trustedVerifierKey !== undefined && header.verifierKey !== trustedVerifierKey)
      this.fail('verifier key', null, `the bundle's verifier key ${header.verifierKey} is not the trusted key ${trustedVerifierKey}`);
    const key = trustedVerifierKey ?? header.verifierKey;
    const head = checkTreeHead(header, key, (p, r) => this.fail(p, null, r));
    this.checkpoint = head;
    if (head === null) return;
    this.checkWitnesses(header);
    checkConsistencyProofs(header, head, (p, r) => this.fail(p, null, r));
    if (this.options.heldCheckpoint !== undefined) checkHeldCheckpoint(header, this.options.heldCheckpoint, key, head, (p, r) => this.fail(p, null, r));
    if (header.scope.kind === 'case') this.expectedStreams = new Set([header.scope.streamId]);
    else if (head.agencyCases !== undefined) {
      const cases = verifyAgencyCases(header.scope.agencyId, header.agencyCases, head.agencyCases);
      if (cases.ok) this.expectedStreams = new Set(cases.value);
      else this.fail(`agency ${header.scope.agencyId}`, null, `the agency's case list is not proven complete: ${cases.reason}`);
    }
  }

  private checkWitnesses(header: BundleHeader): void {
    const policy = this.options.witnessPolicy;
    if (policy === undefined) return;
    const result = checkWitnessPolicy(header.treeHead.checkpoint, policy);
    this.cosignedBy = result.cosigned.map((c) => ({ name: c.name, time: c.time.toISOString() }));
    if (!result.ok) this.fail('witness policy', null, result.reason ?? `the checkpoint needs cosignatures of ${policy.threshold} of ${policy.witnesses.length} witnesses`);
  }

  private readStream(value: unknown): void {
    this.closeStream();
    const problem = streamLineProblem(value);
    if (problem !== undefined) return this.fail('bundle', null, `line ${this.lineNumber}: ${problem}`);
    const { streamId, head } = value as { streamId: string; head: unknown };
    const where = `stream ${streamId}`;
    if (this.seenStreams.has(streamId)) this.fail(where, null, 'the stream is listed twice in the bundle');
    this.seenStreams.add(streamId);
    if (this.expectedStreams !== null && !this.expectedStreams.has(streamId)) this.fail(where, null, `the stream is outside the bundle's scope (${this.scopeText()})`);
    let proven: StreamHead | null = null;
    const map = this.checkpoint?.streamHeads;
    if (map !== undefined) {
      const checked = verifyStreamHead(streamId, head, map);
      if (!checked.ok) this.fail(where, null, `its head is not proven: ${checked.reason}`);
      else if (checked.value === null) this.fail(where, null, `the checkpoint of size ${this.checkpoint?.treeSize} proves this stream has no events`);
      else proven = checked.value;
    }
    this.current = { streamId, head: proven, chain: new ChainCursor({ expectFromStart: true, streamId }), lastRevision: -1, lastLeaf: null };
  }

  private readEvent(value: unknown): void {
    const stream = this.current;
    if (stream === null) return this.fail('bundle', null, `line ${this.lineNumber}: an event before any stream line`);
    const problem = eventProblem(value);
    if (problem !== undefined) return this.fail(`stream ${stream.streamId}`, null, `line ${this.lineNumber}: ${problem}`);
    const event = value as BundleEvent;
    this.checkedEvents += 1;
    for (const f of stream.chain.next(event)) this.fail(`stream ${stream.streamId} revision ${f.revision}`, f.eventId, f.reason, f.code);
    stream.lastRevision = event.revision;
    const where = `stream ${stream.streamId} revision ${event.revision}`;
    let hash: Buffer;
    try {
      hash = leafHash(eventLeafData(event));
    } catch {
      stream.lastLeaf = null;
      return this.fail(`leaf ${event.leafIndex}`, event.eventId, `${where}: event content is not JSON and has no leaf hash`);
    }
    stream.lastLeaf = { index: event.leafIndex, hash };
    const head = this.checkpoint;
    if (head === null) return;
    const result = verifyInclusion({ leafIndex: event.leafIndex, treeSize: head.treeSize, leafHash: hash, proof: event.inclusionProof.map(fromBase64), root: head.rootHash });
    if (!result.ok) this.fail(`leaf ${event.leafIndex}`, event.eventId, `${where}: not in the signed tree of size ${head.treeSize}: ${result.reason}`);
  }

  private readEnd(value: unknown): void {
    this.closeStream();
    if (!isRecord(value) || typeof value['streams'] !== 'number' || typeof value['events'] !== 'number') return this.fail('bundle', null, 'the end line is not {streams, events}');
    this.ended = { streams: value['streams'], events: value['events'] };
  }

  /** At a stream's end: its last event must be the head the checkpoint proves, else the tail was left out. */
  private closeStream(): void {
    const stream = this.current;
    this.current = null;
    if (stream === null || stream.head === null) return;
    const { head, streamId } = stream;
    const where = `stream ${streamId}`;
    if (stream.lastRevision < head.revision) {
      this.missing.push({ streamId, from: stream.lastRevision + 1, to: head.revision });
      const which = stream.lastRevision + 1 === head.revision ? `revision ${head.revision} is` : `revisions ${stream.lastRevision + 1}–${head.revision} are`;
      this.fail(
        where,
        null,
        `${which} missing: the checkpoint of size ${this.checkpoint?.treeSize} commits to revision ${head.revision} (leaf ${head.leafIndex}) as the stream's last event, but the bundle ends at ${stream.lastRevision < 0 ? 'no event' : `revision ${stream.lastRevision}`}`,
      );
    } else if (stream.lastRevision > head.revision) {
      this.fail(where, null, `the bundle has revisions up to ${stream.lastRevision}, beyond the head revision ${head.revision} the checkpoint commits to`);
    } else if (stream.lastLeaf === null || stream.lastLeaf.index !== head.leafIndex || !stream.lastLeaf.hash.equals(head.leafHash)) {
      this.fail(where, null, `its last event (revision ${head.revision}) is not the one the checkpoint commits to as the stream's head (leaf ${head.leafIndex})`);
    }
  }

  private scopeText(): string {
    const scope = this.header?.scope;
    return scope?.kind === 'case' ? `case ${scope.caseId}` : `agency ${scope?.agencyId ?? '?'}`;
  }

  private fail(position: string, eventId: string | null, reason: string, code?: ChainFailureCode): void {
    if (this.failures.length < MAX_FAILURES) this.failures.push(code === undefined ? failure(position, eventId, reason) : { ...failure(position, eventId, reason), code });
  }
}

/** Verifies a whole bundle held as text (the server's check and tests); the CLI streams lines instead. */
export function verifyBundleText(text: string, options: VerifyBundleOptions): BundleVerification {
  const verifier = new BundleVerifier(options);
  for (const line of text.split('\n')) verifier.line(line);
  return verifier.finish();
}
