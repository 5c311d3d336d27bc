/** libs/observability: structured logs (pino), Prometheus metrics, readiness, and OpenTelemetry trace context. */
export * from './context/request-context';
export * from './logging/log-settings';
export * from './logging/json-logger';
export * from './metrics/metrics';
export * from './metrics/lag-sources';
export * from './metrics/events-after';
export * from './metrics/follower-lags';
export * from './health/readiness';
export * from './http/request-tracking';
export * from './http/observe-http';
export * from './tracing/trace-context';
export * from './tracing/service-name';
export * from './observability.module';
