import { EventRejectedError } from './errors';
import { EventData } from './types';

/** Limits that keep events small and streams well-formed. */
export interface EventLimits {
  /** Largest event (data plus metadata, as JSON) in bytes. */
  readonly maxEventBytes: number;
  /** Most events in one append. */
  readonly maxBatch: number;
}

export const DEFAULT_LIMITS: EventLimits = { maxEventBytes: 256 * 1024, maxBatch: 100 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TYPE = /^[A-Z][A-Za-z0-9]*\.v[1-9]\d*$/;
const STREAM = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$/;
const MAX_DEPTH = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` is not plain JSON that every backend stores and hashes the same way, or null when it is. */
export function jsonProblem(value: unknown, path: string, depth = 0): string | null {
  if (depth > MAX_DEPTH) return `${path} is nested more than ${MAX_DEPTH} levels deep`;
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is not a finite number`;
  if (typeof value === 'string') return stringProblem(value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const problem = jsonProblem(value[i], `${path}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return `${path} is not a plain JSON object`;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const keyProblem = stringProblem(key, `${path} key`);
      if (keyProblem) return keyProblem;
      if (child === undefined) continue;
      const problem = jsonProblem(child, `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return `${path} is a ${typeof value}, which JSON cannot hold`;
}

function stringProblem(value: string, path: string): string | null {
  if (value.includes('\u0000')) return `${path} contains a NUL character`;
  if (LONE_SURROGATE.test(value)) return `${path} contains a lone UTF-16 surrogate`;
  return null;
}

/** Refuses (EventRejectedError) a stream id or batch that can never be stored; nothing is appended then. */
export function validateAppend(streamId: string, events: readonly EventData[], limits: EventLimits): void {
  if (typeof streamId !== 'string' || !STREAM.test(streamId)) {
    throw new EventRejectedError('EVENT_MALFORMED', `stream id ${JSON.stringify(streamId)} must be 1–200 letters, digits or _.:@- and not start with a symbol`, null, 'streamId');
  }
  if (!Array.isArray(events) || events.length === 0) throw new EventRejectedError('EVENT_MALFORMED', 'an append needs at least one event', null, 'events');
  if (events.length > limits.maxBatch) throw new EventRejectedError('BATCH_TOO_LARGE', `at most ${limits.maxBatch} events per append (got ${events.length})`, null, 'events');
  const ids = new Set<string>();
  events.forEach((event, index) => {
    const reject = (field: string, message: string): never => {
      throw new EventRejectedError('EVENT_MALFORMED', `event ${index}: ${message}`, index, field);
    };
    if (typeof event !== 'object' || event === null) reject('event', 'is not an object');
    if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) reject('eventId', 'eventId must be a lowercase UUID');
    if (ids.has(event.eventId)) reject('eventId', `eventId ${event.eventId} appears twice in one append`);
    ids.add(event.eventId);
    if (typeof event.type !== 'string' || !TYPE.test(event.type)) reject('type', `type ${JSON.stringify(event.type)} must be a versioned name like TransferProposed.v1`);
    for (const field of ['data', 'metadata'] as const) {
      const value: unknown = event[field];
      if (typeof value !== 'object' || value === null || Array.isArray(value)) reject(field, `${field} must be a JSON object`);
      const problem = jsonProblem(value, field);
      if (problem) reject(field, problem);
    }
    const size = Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata));
    if (size > limits.maxEventBytes) {
      throw new EventRejectedError('EVENT_TOO_LARGE', `event ${index} is ${size} bytes; the limit is ${limits.maxEventBytes}`, index, 'data');
    }
  });
}
