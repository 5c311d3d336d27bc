import { Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, request as httpRequest, ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { sendProblem } from './gateway-answers';

/**
 * Headers of one connection (RFC 9110 §7.6.1), never forwarded; `host` is the upstream's own, and `expect` was
 * answered already (Node's server sends the 100 Continue).
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'expect',
]);

export interface Upstream {
  readonly name: string;
  readonly url: URL;
}

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase()),
  );
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)));
}

/**
 * The request's headers for the upstream, with the X-Forwarded-* of this hop: the client address appended to
 * X-Forwarded-For; X-Forwarded-Host and -Proto kept when a proxy in front (TLS) set them, else this hop's.
 */
function upstreamHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const headers = endToEnd(req.headers);
  const client = req.socket.remoteAddress ?? 'unknown';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${String(req.headers['x-forwarded-for'])}, ${client}` : client;
  headers['x-forwarded-host'] = req.headers['x-forwarded-host'] ?? req.headers.host ?? '';
  headers['x-forwarded-proto'] = req.headers['x-forwarded-proto'] ?? 'http';
  return headers;
}

/**
 * Streams requests to services and their answers back: bodies are piped both ways as they come (uploads, server-sent
 * events), an answer's headers leave at once, and a client that goes away closes the upstream request (an SSE
 * subscription ends with its browser tab). Connections are not kept alive: a service closing an idle socket at the
 * moment the gateway reuses it would turn into a false 502, and a new connection on loopback costs next to nothing.
 */
export class ReverseProxy {
  private readonly http = new HttpAgent({ keepAlive: false });
  private readonly https = new HttpsAgent({ keepAlive: false });

  constructor(private readonly log: (line: string) => void) {}

  forward(req: IncomingMessage, res: ServerResponse, upstream: Upstream): void {
    const secure = upstream.url.protocol === 'https:';
    const outgoing = (secure ? httpsRequest : httpRequest)(
      {
        protocol: upstream.url.protocol,
        hostname: upstream.url.hostname,
        port: upstream.url.port,
        method: req.method,
        path: `${upstream.url.pathname.replace(/\/$/, '')}${req.url ?? '/'}`,
        headers: upstreamHeaders(req),
        agent: secure ? this.https : this.http,
      },
      (answer) => {
        if (res.destroyed) return void answer.destroy();
        // API answers depend on who asks: never kept by a browser or proxy (as the standalone server's noStore).
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, { ...endToEnd(answer.headers), 'cache-control': 'no-store' });
        res.flushHeaders();
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    // `on`, not `once`: a second error after the first (a reset while closing) must not go unhandled.
    outgoing.on('error', (error) => {
      if (res.destroyed) return; // the client left first: nobody to tell
      if (res.headersSent) {
        if (!res.writableFinished) res.destroy();
        return;
      }
      const reason = (error as NodeJS.ErrnoException).code ?? error.message;
      this.log(`${upstream.name} at ${upstream.url.origin} did not answer ${req.method} ${req.url}: ${reason}`);
      req.resume();
      sendProblem(res, 502, 'UPSTREAM_UNAVAILABLE', `${upstream.name} di ${upstream.url.href} tidak menjawab (${reason}); coba lagi sebentar lagi`, {
        title: 'Layanan tidak menjawab',
        service: upstream.name,
        upstream: upstream.url.href,
      });
    });
    req.on('error', () => outgoing.destroy());
    res.once('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    req.pipe(outgoing);
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
