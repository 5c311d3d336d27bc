import '../../../libs/observability/src/tracing/register'; // first: tracing must patch http, pg and kafkajs before they load (off without OTEL_EXPORTER_OTLP_ENDPOINT)
import 'reflect-metadata';
import { API_ROUTES, ConfigError, loadGatewayConfig, onStopSignals, startGateway, stopWithLauncher, webFileFor } from '@mutasi/platform';

/**
 * The gateway on its own: the one origin of the distributed deployment. The web app at /app, each /api prefix
 * proxied to its service (GATEWAY_TRANSFER_URL, GATEWAY_AUDIT_URL, GATEWAY_DASHBOARD_URL), HOST:PORT to listen on.
 */
async function main(): Promise<void> {
  const config = loadGatewayConfig(process.env);
  const gateway = await startGateway(config);
  onStopSignals(() => gateway.close());
  stopWithLauncher(() => gateway.close());
  const routes = Object.entries(config.upstreams).map(
    ([service, url]) =>
      `${API_ROUTES.filter((r) => r.service === service)
        .map((r) => r.prefix)
        .join(' ')} -> ${service} ${url.origin}`,
  );
  const built = webFileFor(config.webDir, '').kind === 'file' ? config.webDir : `not built in ${config.webDir}: run npm run build`;
  const signIn = config.tokenSignIn ? [`token sign-in ${gateway.url}/masuk-token`] : [];
  process.stdout.write(`${[`gateway is running on ${gateway.url}`, `web app ${gateway.url}/app (${built})`, ...signIn, ...routes].join(' | ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway cannot start: ${error instanceof ConfigError ? error.message : String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
