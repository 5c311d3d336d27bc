import '../../../libs/observability/src/tracing/register'; // first: tracing must patch http, pg and kafkajs before they load (off without OTEL_EXPORTER_OTLP_ENDPOINT)
import 'reflect-metadata';
import { API_ROUTES, ConfigError, GATEWAY_UPSTREAMS, loadGatewayConfig, onStopSignals, startGateway, stopWithLauncher, UpstreamName, webFileFor } from '@mutasi/platform';
import { ReplicaBalancer, startReplicaBalancer } from './replica-balancer';
import { needsBalancing, upstreamReplicas } from './upstream-replicas';

/**
 * The gateway on its own: the one origin of the distributed deployment. The web app at /app, each /api prefix
 * proxied to its service (GATEWAY_TRANSFER_URL, GATEWAY_AUDIT_URL, GATEWAY_DASHBOARD_URL), HOST:PORT to listen on.
 * Each variable may list several replicas of its service, comma-separated: their requests are spread over them
 * round-robin, skipping a replica that refuses connections (replica-balancer.ts).
 */
async function main(): Promise<void> {
  const replicas = upstreamReplicas(process.env);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const balancers: ReplicaBalancer[] = [];
  const env = { ...process.env };
  for (const [service, urls] of Object.entries(replicas) as [UpstreamName, readonly URL[]][]) {
    if (!needsBalancing(urls)) continue;
    const balancer = await startReplicaBalancer(service, urls, log);
    balancers.push(balancer);
    env[GATEWAY_UPSTREAMS[service].variable] = balancer.url.href;
  }
  const config = loadGatewayConfig(env);
  const gateway = await startGateway(config);
  const close = async (): Promise<void> => {
    await gateway.close();
    await Promise.all(balancers.map((b) => b.close()));
  };
  onStopSignals(close);
  stopWithLauncher(close);
  const routes = Object.entries(replicas).map(
    ([service, urls]) =>
      `${API_ROUTES.filter((r) => r.service === service)
        .map((r) => r.prefix)
        .join(' ')} -> ${service} ${urls.map((u) => u.origin).join(', ')}${urls.length > 1 ? ' (round-robin)' : ''}`,
  );
  const built = webFileFor(config.webDir, '').kind === 'file' ? config.webDir : `not built in ${config.webDir}: run npm run build`;
  const signIn = config.tokenSignIn ? [`token sign-in ${gateway.url}/masuk-token`] : [];
  process.stdout.write(`${[`gateway is running on ${gateway.url}`, `web app ${gateway.url}/app (${built})`, ...signIn, ...routes].join(' | ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway cannot start: ${error instanceof ConfigError ? error.message : String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
