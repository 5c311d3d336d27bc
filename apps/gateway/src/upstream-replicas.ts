import { isIP } from 'node:net';
import { ConfigError, GATEWAY_UPSTREAMS, loadGatewayConfig, UpstreamName } from '@mutasi/platform';

/** Where each service's replicas listen, as the gateway's variables list them (comma-separated). */
export type UpstreamReplicas = Readonly<Record<UpstreamName, readonly URL[]>>;

const names = Object.keys(GATEWAY_UPSTREAMS) as UpstreamName[];

/** The comma-separated items of `name`, trimmed; none when it is unset (loadGatewayConfig names it missing). */
function items(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Reads GATEWAY_TRANSFER_URL, GATEWAY_AUDIT_URL and GATEWAY_DASHBOARD_URL as lists of replicas, each URL held to the
 * gateway's own check (loadGatewayConfig, one replica of each service at a time), so a bad one is named as it would
 * be alone. A list is plain http: its connections are relayed to the replicas as they are, with no TLS of the
 * gateway's own in between.
 */
export function upstreamReplicas(env: NodeJS.ProcessEnv): UpstreamReplicas {
  const lists = Object.fromEntries(names.map((n) => [n, items(env, GATEWAY_UPSTREAMS[n].variable)])) as Record<UpstreamName, string[]>;
  const longest = Math.max(1, ...names.map((n) => lists[n].length));
  const problems = new Set<string>();
  for (let i = 0; i < longest; i += 1) {
    const one = Object.fromEntries(names.map((n) => [GATEWAY_UPSTREAMS[n].variable, lists[n][Math.min(i, lists[n].length - 1)] ?? '']));
    try {
      loadGatewayConfig({ ...env, ...one });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      error.problems.forEach((p) => problems.add(p));
    }
  }
  for (const n of names) {
    if (lists[n].length > 1 && lists[n].some((item) => item.startsWith('https:')))
      problems.add(`${GATEWAY_UPSTREAMS[n].variable} lists several replicas: they must be http:// URLs (the gateway relays their connections as they are)`);
  }
  if (problems.size > 0) throw new ConfigError([...problems]);
  return Object.fromEntries(names.map((n) => [n, lists[n].map((item) => new URL(item))])) as Record<UpstreamName, URL[]>;
}

/**
 * True when the gateway should spread the service's requests itself: several replicas, or one whose host is a name
 * (it may resolve to several containers). One https URL, or one at an IP address, is proxied to directly as before.
 */
export function needsBalancing(replicas: readonly URL[]): boolean {
  const [only] = replicas;
  if (replicas.length !== 1 || !only) return replicas.length > 1;
  return only.protocol === 'http:' && isIP(only.hostname.replace(/^\[|\]$/g, '')) === 0;
}
