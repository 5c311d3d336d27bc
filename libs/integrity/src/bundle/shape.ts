import { isIndex, isRecord, shorten, tryFromBase64 } from '../encoding';
import { AUDIT_BUNDLE_FORMAT, type AuditBundleV1 } from './types';

/** A reason naming the path of the first field that does not fit, or undefined when the shape is right. */
type Problem = string | undefined;

/**
 * Checks that untrusted input has the shape of an {@link AuditBundleV1}, so the checks that follow can rely on
 * types. Only the shape: hashes, proofs and signatures are judged later, with better reasons. Never throws.
 */
export function bundleShapeProblem(input: unknown): Problem {
  if (!isRecord(input)) return 'the bundle is not a JSON object';
  if (input['format'] !== AUDIT_BUNDLE_FORMAT) {
    return `format is ${describe(input['format'])}, expected ${JSON.stringify(AUDIT_BUNDLE_FORMAT)}`;
  }
  return (
    nonEmptyString(input['origin'], 'origin') ??
    nonEmptyString(input['verifierKey'], 'verifierKey') ??
    treeHeadProblem(input['treeHead']) ??
    listProblem(input['streams'], 'streams', streamProblem) ??
    listProblem(input['consistencyProofs'], 'consistencyProofs', consistencyProblem)
  );
}

/** Narrows input that passed {@link bundleShapeProblem}. */
export function isAuditBundleV1(input: unknown): input is AuditBundleV1 {
  return bundleShapeProblem(input) === undefined;
}

function treeHeadProblem(head: unknown): Problem {
  if (!isRecord(head)) return 'treeHead is missing or not an object';
  if (!isIndex(head['treeSize'])) return 'treeHead.treeSize must be a non-negative integer';
  const timestamp = head['timestamp'];
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))) return 'treeHead.timestamp must be an ISO 8601 date';
  return base64(head['rootHash'], 'treeHead.rootHash') ?? nonEmptyString(head['checkpoint'], 'treeHead.checkpoint');
}

function streamProblem(stream: unknown, path: string): Problem {
  if (!isRecord(stream)) return `${path} is not an object`;
  return nonEmptyString(stream['streamId'], `${path}.streamId`) ?? listProblem(stream['events'], `${path}.events`, eventProblem);
}

function eventProblem(event: unknown, path: string): Problem {
  if (!isRecord(event)) return `${path} is not an object`;
  for (const field of ['streamId', 'eventId', 'type']) {
    const problem = nonEmptyString(event[field], `${path}.${field}`);
    if (problem !== undefined) return problem;
  }
  if (!isIndex(event['revision'])) return `${path}.revision must be a non-negative integer`;
  if (!('data' in event)) return `${path}.data is missing`;
  if (!isRecord(event['metadata'])) return `${path}.metadata must be an object`;
  if (!isIndex(event['leafIndex'])) return `${path}.leafIndex must be a non-negative integer`;
  return listProblem(event['inclusionProof'], `${path}.inclusionProof`, base64);
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

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value, 40));
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}
