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
/** A NUL or any surrogate: only a string with one of these needs the exact checks of `stringProblem`. */
const SUSPECT_CHARACTER = /[\u0000\uD800-\uDFFF]/;

/** Why `value` is not plain JSON that every backend stores and hashes the same way, or null when it is. */
export function jsonProblem(value: unknown, path: string, depth = 0): string | null {
  // The hot path of every append: one walk that builds no path strings; only a value that fails it is walked again
  // to name where.
  return isPlainJson(value, depth) ? null : locateProblem(value, path, depth);
}

function isPlainJson(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return !SUSPECT_CHARACTER.test(value) || stringProblem(value, '') === null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) if (!isPlainJson(value[i], depth + 1)) return false;
    return true;
  }
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (SUSPECT_CHARACTER.test(key) && stringProblem(key, '') !== null) return false;
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined && !isPlainJson(child, depth + 1)) return false;
  }
  return true;
}

/** The first problem of a value that is not plain JSON, with its path. */
function locateProblem(value: unknown, path: string, depth: number): string | null {
  if (depth > MAX_DEPTH) return `${path} is nested more than ${MAX_DEPTH} levels deep`;
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is not a finite number`;
  if (typeof value === 'string') return stringProblem(value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const problem = locateProblem(value[i], `${path}[${i}]`, depth + 1);
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
      const problem = locateProblem(child, `${path}.${key}`, depth + 1);
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
  validatedDataJson(streamId, events, limits);
}

/**
 * {@link validateAppend}, returning each event's `data` as the JSON text it measured, so an adapter that stores JSON
 * text does not serialise it a second time.
 */
export function validatedDataJson(streamId: string, events: readonly EventData[], limits: EventLimits): string[] {
  if (typeof streamId !== 'string' || !STREAM.test(streamId)) {
    throw new EventRejectedError('EVENT_MALFORMED', `stream id ${JSON.stringify(streamId)} must be 1–200 letters, digits or _.:@- and not start with a symbol`, null, 'streamId');
  }
  if (!Array.isArray(events) || events.length === 0) throw new EventRejectedError('EVENT_MALFORMED', 'an append needs at least one event', null, 'events');
  if (events.length > limits.maxBatch) throw new EventRejectedError('BATCH_TOO_LARGE', `at most ${limits.maxBatch} events per append (got ${events.length})`, null, 'events');
  const ids = new Set<string>();
  return events.map((event, index) => {
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
    const data = JSON.stringify(event.data);
    const metadata = JSON.stringify(event.metadata);
    // A UTF-16 code unit is at most three UTF-8 bytes: only text that could be over the limit is measured exactly.
    const size = 3 * (data.length + metadata.length) <= limits.maxEventBytes ? 0 : Buffer.byteLength(data) + Buffer.byteLength(metadata);
    if (size > limits.maxEventBytes) {
      throw new EventRejectedError('EVENT_TOO_LARGE', `event ${index} is ${size} bytes; the limit is ${limits.maxEventBytes}`, index, 'data');
    }
    return data;
  });
}
