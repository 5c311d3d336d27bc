import { Context, context, propagation, ROOT_CONTEXT, Span, trace } from '@opentelemetry/api';

/**
 * W3C trace context across the event store and Kafka, with @opentelemetry/api only: without a tracer provider
 * (tracing off) every function here does nothing and adds nothing.
 */

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The current trace context as W3C fields (`traceparent`, and `tracestate` when there is one); empty when not tracing. */
export function currentTraceFields(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return TRACEPARENT.test(carrier.traceparent ?? '') ? carrier : {};
}

/** The `traceparent` of stored event metadata, when it holds a well-formed one. */
export function traceparentOf(metadata: Record<string, unknown>): string | undefined {
  const value = metadata.traceparent;
  return typeof value === 'string' && TRACEPARENT.test(value) ? value : undefined;
}

/**
 * The relay's headers carry each event's own trace (the command that appended it). kafkajs's instrumentation writes
 * its send span over `traceparent`; the tracing setup's producer hook puts the event's back (see `startTracing`),
 * looking it up here by the headers object the relay built.
 */
const eventTraceparents = new WeakMap<object, string>();

/** Adds the event's `traceparent` to a message's headers, and keeps it for the producer hook. */
export function withEventTrace<H extends Record<string, string>>(headers: H, metadata: Record<string, unknown>): H {
  const traceparent = traceparentOf(metadata);
  if (traceparent === undefined) return headers;
  const traced = { ...headers, traceparent };
  eventTraceparents.set(traced, traceparent);
  return traced;
}

/** The event trace the relay put in `headers`, if any (for the producer hook). */
export function eventTraceparentOf(headers: object | undefined): string | undefined {
  return headers === undefined ? undefined : eventTraceparents.get(headers);
}

type KafkaHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined;

function headerText(value: Buffer | string | (Buffer | string)[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** The trace context a Kafka message's headers carry (ROOT when none). */
export function contextOfHeaders(headers: KafkaHeaders): Context {
  return propagation.extract(ROOT_CONTEXT, headers ?? {}, {
    keys: (carrier) => Object.keys(carrier),
    get: (carrier, key) => headerText(carrier[key]),
  });
}

/**
 * Runs `work` (applying a batch of consumed messages) inside one span per message, each a child of the trace its
 * message carries, so every command's trace goes on to the row its events wrote. The work runs in the first span's
 * context, so its database spans join that trace.
 */
export async function inMessageSpans<T>(name: string, headers: readonly KafkaHeaders[], work: () => Promise<T>): Promise<T> {
  const tracer = trace.getTracer('mutasi');
  const spans: Span[] = headers.map((h) => tracer.startSpan(name, {}, contextOfHeaders(h)));
  const first = spans[0];
  try {
    return await (first ? context.with(trace.setSpan(context.active(), first), work) : work());
  } finally {
    for (const span of spans) span.end();
  }
}

/** Stored event metadata with the current `traceparent` added (unchanged when not tracing), so the relay can carry it on. */
export function withCurrentTrace<M extends Record<string, unknown>>(metadata: M): M {
  const { traceparent } = currentTraceFields();
  return traceparent === undefined ? metadata : { ...metadata, traceparent };
}
