/**
 * Imported first by every app's main (before Nest, pg or kafkajs are loaded): starts tracing when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set, and loads nothing of the OpenTelemetry SDK otherwise.
 */
import { serviceNameOf } from './service-name';

if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) {
  // A synchronous require, so the instrumentations are in place before the main's next import runs.
  const { startTracing } = require('./start-tracing') as typeof import('./start-tracing');
  startTracing(serviceNameOf(process.env, process.argv[1]));
}
