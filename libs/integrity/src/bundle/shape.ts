import { isIndex, isRecord, shorten, tryFromBase64 } from '../encoding';
import type { BundleHeader } from './types';

/** A reason naming the path of the first field that does not fit, or undefined when the shape is right. */
export type Problem = string | undefined;

/**
 * Shape checks of a bundle's lines, so the checks that follow can rely on types. Only the shape: hashes, proofs and
 * signatures are judged later, with better reasons. Never throw.
 */
export function headerProblem(input: Record<string, unknown>): Problem {
  return (
    nonEmptyString(input['origin'], 'origin') ??
    nonEmptyString(input['verifierKey'], 'verifierKey') ??
    treeHeadProblem(input['treeHead']) ??
    scopeProblem(input['scope']) ??
    listProblem(input['consistencyProofs'], 'consistencyProofs', consistencyProblem)
  );
}

/** The header checked field by field ({@link headerProblem}): a value that passes is a {@link BundleHeader}. */
export function isBundleHeader(input: Record<string, unknown>): input is Record<string, unknown> & BundleHeader {
  return headerProblem(input) === undefined;
}

export function streamLineProblem(stream: unknown): Problem {
  if (!isRecord(stream)) return 'stream is not an object';
  return nonEmptyString(stream['streamId'], 'stream.streamId') ?? (isRecord(stream['head']) ? undefined : 'stream.head must be a stream-head proof');
}

export function eventProblem(event: unknown): Problem {
  if (!isRecord(event)) return 'event is not an object';
  for (const field of ['streamId', 'eventId', 'type']) {
    const problem = nonEmptyString(event[field], `event.${field}`);
    if (problem !== undefined) return problem;
  }
  if (!isIndex(event['revision'])) return 'event.revision must be a non-negative integer';
  if (!('data' in event)) return 'event.data is missing';
  if (!isRecord(event['metadata'])) return 'event.metadata must be an object';
  if (!isIndex(event['leafIndex'])) return 'event.leafIndex must be a non-negative integer';
  return listProblem(event['inclusionProof'], 'event.inclusionProof', base64);
}

function scopeProblem(scope: unknown): Problem {
  if (!isRecord(scope)) return 'scope must be an object';
  if (scope['kind'] === 'case') return nonEmptyString(scope['caseId'], 'scope.caseId') ?? nonEmptyString(scope['streamId'], 'scope.streamId');
  if (scope['kind'] === 'agency') return nonEmptyString(scope['agencyId'], 'scope.agencyId');
  return `scope.kind is ${describe(scope['kind'])}, expected "case" or "agency"`;
}

function treeHeadProblem(head: unknown): Problem {
  if (!isRecord(head)) return 'treeHead is missing or not an object';
  if (!isIndex(head['treeSize'])) return 'treeHead.treeSize must be a non-negative integer';
  const timestamp = head['timestamp'];
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))) return 'treeHead.timestamp must be an ISO 8601 date';
  return base64(head['rootHash'], 'treeHead.rootHash') ?? nonEmptyString(head['checkpoint'], 'treeHead.checkpoint');
}

function consistencyProblem(entry: unknown, path: string): Problem {
  if (!isRecord(entry)) return `${path} is not an object`;
  if (!isIndex(entry['fromSize'])) return `${path}.fromSize must be a non-negative integer`;
  return base64(entry['fromRoot'], `${path}.fromRoot`) ?? listProblem(entry['proof'], `${path}.proof`, base64);
}

function listProblem(list: unknown, path: string, item: (value: unknown, path: string) => Problem): Problem {
  if (!Array.isArray(list)) return `${path} must be a list`;
  for (const [i, value] of list.entries()) {
    const problem = item(value, `${path}[${i}]`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function nonEmptyString(value: unknown, path: string): Problem {
  return typeof value === 'string' && value !== '' ? undefined : `${path} must be a non-empty string`;
}

function base64(value: unknown, path: string): Problem {
  return tryFromBase64(value) !== undefined ? undefined : `${path} must be standard base64, got ${describe(value)}`;
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value, 40));
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}
