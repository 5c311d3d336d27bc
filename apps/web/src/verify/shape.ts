import { describeValue, isIndex, isRecord, tryFromBase64 } from './bytes';
import type { BundleHeader } from './types';

/** The reason naming the first field that does not fit, or undefined when the shape is right. */
export type Problem = string | undefined;

/**
 * Shape checks of a bundle's lines (libs/integrity/src/bundle/shape.ts), so the checks after them can rely on types.
 * Only the shape: hashes, proofs and signatures are judged later, with better reasons. Never throw.
 */
export function headerProblem(input: Record<string, unknown>): Problem {
  return (
    text(input['origin'], 'origin') ??
    text(input['verifierKey'], 'verifierKey') ??
    treeHeadProblem(input['treeHead']) ??
    scopeProblem(input['scope']) ??
    list(input['consistencyProofs'], 'consistencyProofs', consistencyProblem)
  );
}

/** The header checked field by field ({@link headerProblem}): a value that passes is a {@link BundleHeader}. */
export function isBundleHeader(input: Record<string, unknown>): input is Record<string, unknown> & BundleHeader {
  return headerProblem(input) === undefined;
}

export function streamLineProblem(stream: unknown): Problem {
  if (!isRecord(stream)) return 'stream bukan objek';
  return text(stream['streamId'], 'stream.streamId') ?? (isRecord(stream['head']) ? undefined : 'stream.head harus bukti kepala aliran');
}

export function eventProblem(event: unknown): Problem {
  if (!isRecord(event)) return 'event bukan objek';
  for (const field of ['streamId', 'eventId', 'type']) {
    const problem = text(event[field], `event.${field}`);
    if (problem) return problem;
  }
  if (!isIndex(event['revision'])) return 'event.revision harus bilangan bulat tak negatif';
  if (!('data' in event)) return 'event.data tidak ada';
  if (!isRecord(event['metadata'])) return 'event.metadata harus objek';
  if (!isIndex(event['leafIndex'])) return 'event.leafIndex harus bilangan bulat tak negatif';
  return list(event['inclusionProof'], 'event.inclusionProof', base64);
}

function scopeProblem(scope: unknown): Problem {
  if (!isRecord(scope)) return 'scope harus objek';
  if (scope['kind'] === 'case') return text(scope['caseId'], 'scope.caseId') ?? text(scope['streamId'], 'scope.streamId');
  if (scope['kind'] === 'agency') return text(scope['agencyId'], 'scope.agencyId');
  return `scope.kind bernilai ${describeValue(scope['kind'])}, seharusnya "case" atau "agency"`;
}

function treeHeadProblem(head: unknown): Problem {
  if (!isRecord(head)) return 'treeHead tidak ada atau bukan objek';
  if (!isIndex(head['treeSize'])) return 'treeHead.treeSize harus bilangan bulat tak negatif';
  if (typeof head['timestamp'] !== 'string' || Number.isNaN(Date.parse(head['timestamp']))) return 'treeHead.timestamp harus tanggal ISO 8601';
  return base64(head['rootHash'], 'treeHead.rootHash') ?? text(head['checkpoint'], 'treeHead.checkpoint');
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
  return tryFromBase64(value) !== undefined ? undefined : `${path} harus base64 baku, bukan ${describeValue(value)}`;
}
