import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { contextOfHeaders, eventTraceparentOf } from './trace-context';

/** Requests that would only fill traces with noise: Prometheus's scrapes and the health probes. */
function isProbe(url: string | undefined): boolean {
  return url === '/metrics' || (url ?? '').startsWith('/api/health');
}

/**
 * Starts OpenTelemetry: a Node tracer provider exporting over OTLP/HTTP (JSON) to `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (the exporter reads it and the other `OTEL_EXPORTER_OTLP_*` variables), W3C trace context, and the http, pg and
 * kafkajs instrumentations. Must run before those modules are loaded (see register.ts).
 */
export function startTracing(serviceName: string): NodeTracerProvider {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => isProbe(req.url), ignoreOutgoingRequestHook: (req) => String(req.path ?? '').includes('/v1/traces') }),
      // Database spans only inside a trace (a request, a consumed message): the projections' polling stays out.
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation({
        // The relay sends each event with the trace of the command that appended it: the instrumentation has just
        // written its send span over that header, so put the event's back and link the send span to it.
        producerHook: (span, { message }) => {
          const original = eventTraceparentOf(message.headers);
          if (original === undefined || message.headers === undefined) return;
          message.headers.traceparent = original;
          const linked = trace.getSpanContext(contextOfHeaders(message.headers));
          if (linked) span.addLink({ context: linked });
        },
      }),
    ],
  });
  const flush = (): void => void provider.shutdown().catch(() => undefined);
  process.once('beforeExit', flush);
  return provider;
}
