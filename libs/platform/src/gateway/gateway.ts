import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { answerClientErrorsAsProblems } from '../http/client-errors';
import { AddressInfo } from 'node:net';
import { redirect, sendJson, sendProblem } from './gateway-answers';
import { GatewayConfig } from './gateway-config';
import { gatewayHealth } from './gateway-health';
import { API_ROUTES, upstreamFor } from './gateway-routes';
import { ReverseProxy } from './reverse-proxy';
import { TOKEN_SIGN_IN_CSP, TOKEN_SIGN_IN_HTML, TOKEN_SIGN_IN_SCRIPT } from './token-sign-in-page';
import { serveWebFile } from './web-files';

/**
 * A path segment whose meaning depends on who decodes it (`..`, `%2e%2e`, an encoded slash) could be routed here by
 * one reading and served there by another: /api paths that hold one are refused.
 */
function ambiguous(path: string): boolean {
  return path.split('/').some((segment) => {
    const decoded = decodeURIComponent(segment);
    return decoded === '.' || decoded === '..' || decoded.includes('/') || decoded.includes('\\');
  });
}

function sendPage(res: ServerResponse, type: string, body: string, csp?: string): void {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    ...(csp ? { 'Content-Security-Policy': csp } : {}),
  });
  res.end(body);
}

export interface Gateway {
  /** `http://host:port` it listens on. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The one origin of the distributed deployment (apps/gateway): the web app at `/app`, `/` and `/dashboard` led there
 * as the standalone server does, and each `/api` prefix proxied to the service that owns it (API_ROUTES).
 */
export function createGatewayServer(
  config: GatewayConfig,
  log: (line: string) => void = (line) => void process.stderr.write(`${line}\n`),
): { server: Server; proxy: ReverseProxy } {
  const proxy = new ReverseProxy(log);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    if (!target.startsWith('/')) return sendProblem(res, 400, 'BAD_PATH', 'the request target must be a path');
    const path = target.split('?')[0] as string;
    if (path === '/api' || path.startsWith('/api/')) {
      let unclear: boolean;
      try {
        unclear = ambiguous(path);
      } catch {
        return sendProblem(res, 400, 'BAD_PATH', 'the path is not valid percent-encoding');
      }
      if (unclear) return sendProblem(res, 400, 'BAD_PATH', 'the path holds a . or .. segment or an encoded slash: send it normalised');
      // Liveness of the gateway itself; readiness is the services' health as /api/health reports it.
      if (path === '/api/health/live') return sendJson(res, 200, { status: 'ok' });
      if (path === '/api/health' || path === '/api/health/' || path === '/api/health/ready') {
        const health = await gatewayHealth(config.upstreams);
        return sendJson(res, health.status === 'ok' ? 200 : 503, health);
      }
      const service = upstreamFor(path);
      if (service === null)
        return sendProblem(res, 404, 'NOT_FOUND', `no service answers ${path}; the gateway routes ${API_ROUTES.map((r) => r.prefix).join(', ')} and /api/health`);
      return proxy.forward(req, res, { name: service, url: config.upstreams[service] });
    }
    if (path === '/app' || path.startsWith('/app/')) return serveWebFile(req, res, config.webDir, path.slice('/app/'.length));
    if (path === '/') return redirect(res, 302, '/app/');
    if (path === '/dashboard') return redirect(res, 301, '/app/dasbor');
    if (config.tokenSignIn && path === '/masuk-token') return sendPage(res, 'text/html; charset=utf-8', TOKEN_SIGN_IN_HTML, TOKEN_SIGN_IN_CSP);
    if (config.tokenSignIn && path === '/masuk-token.js') return sendPage(res, 'text/javascript; charset=utf-8', TOKEN_SIGN_IN_SCRIPT);
    sendProblem(res, 404, 'NOT_FOUND', `nothing at ${path}: the web app is at /app, the API at /api`);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) sendProblem(res, 500, 'INTERNAL_ERROR', 'the gateway failed on this request');
      else res.destroy();
    });
  });
  answerClientErrorsAsProblems(server);
  return { server, proxy };
}

/** Starts the gateway on HOST:PORT; `close` ends open streams (server-sent events) too, so it never hangs. */
export async function startGateway(config: GatewayConfig, log?: (line: string) => void): Promise<Gateway> {
  const { server, proxy } = createGatewayServer(config, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        proxy.close();
      }),
  };
}
