/**
 * The services behind the gateway's one origin: the variable that says where each listens, and the port it has in
 * `npm run start:distributed` (for the example in the start-up error).
 */
export const GATEWAY_UPSTREAMS = {
  'transfer-service': { variable: 'GATEWAY_TRANSFER_URL', example: 'http://127.0.0.1:3001' },
  'audit-service': { variable: 'GATEWAY_AUDIT_URL', example: 'http://127.0.0.1:3002' },
  'dashboard-service': { variable: 'GATEWAY_DASHBOARD_URL', example: 'http://127.0.0.1:3004' },
} as const;

export type UpstreamName = keyof typeof GATEWAY_UPSTREAMS;

export interface ApiRoute {
  /** A path prefix: it matches itself and any path that goes on after a `/`. */
  readonly prefix: string;
  readonly service: UpstreamName;
}

/**
 * Which service answers each `/api` prefix: the controllers of the libs each service's entry point imports
 * (test/repo/gateway-routes.spec.ts keeps this table equal to them). `/api/auth` (sign-in configuration) is served
 * alike by every service; transfer-service answers it. `/api/docs*` is transfer-service's OpenAPI (most of the API);
 * audit-service and dashboard-service keep theirs at their own address. `/api/health` is the gateway's own.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  ...['transfers', 'agencies', 'employees', 'admin', 'policies', 'workload', 'calendars', 'notifications', 'auth', 'dev', 'docs', 'docs-json', 'docs-yaml'].map((p) => ({
    prefix: `/api/${p}`,
    service: 'transfer-service' as const,
  })),
  { prefix: '/api/audit', service: 'audit-service' },
  { prefix: '/api/ledger', service: 'audit-service' },
  { prefix: '/api/dashboard', service: 'dashboard-service' },
  { prefix: '/api/me', service: 'dashboard-service' },
];

/** The service that answers `path` (without its query), or null when no service serves it. */
export function upstreamFor(path: string): UpstreamName | null {
  return API_ROUTES.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`))?.service ?? null;
}
