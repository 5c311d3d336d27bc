import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TrustedLogs } from '../config/trusted-logs';
import { OUTCOME_STATUS } from '../protocol/outcome';
import { WitnessStore } from '../store/witness-store';
import { Witness } from '../witness';
import { BodyError, readBody } from './read-body';

/** What {@link createWitnessServer} needs. */
export interface WitnessServerOptions {
  /** The witness's cosigner signer key `PRIVATE+KEY+<name>+<id>+<base64(0x04 ‖ seed)>`. */
  readonly signerKey: string;
  readonly logs: TrustedLogs;
  /** Where state and evidence live; claimed by this server until it closes. */
  readonly dataDir: string;
  /** Prefix of the witness routes: `''` (default) or `/something`. */
  readonly prefix?: string;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

const MAX_BODY = 64 * 1024;
const CLOSE_GRACE_MS = 2_000;
const TEXT = 'text/plain; charset=utf-8';

/**
 * The witness over HTTP (node:http, no framework):
 *
 * - `POST <prefix>/add-checkpoint`: c2sp.org/tlog-witness; 200 with the cosignature line, or 400/403/404/409/422
 * - `GET <prefix>/checkpoint/<url-encoded origin>`: the latest cosigned checkpoint with its cosignature, or 404
 * - `GET <prefix>/evidence`: every conflict kept, JSON, oldest first
 * - `GET /healthz`: `ok`
 *
 * The data dir is claimed at once (a second witness on it fails here) and released when the server closes.
 */
export function createWitnessServer(options: WitnessServerOptions): Server {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const store = WitnessStore.open(options.dataDir);
  let witness: Witness;
  try {
    witness = new Witness({ signerKey: options.signerKey, logs: options.logs, store, ...(options.now ? { now: options.now } : {}) });
  } catch (error: unknown) {
    store.close();
    throw error;
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0] as string;
    if (path === '/healthz') {
      if (only(req, res, 'GET')) send(res, 200, TEXT, 'ok\n');
      return;
    }
    if (!path.startsWith(`${prefix}/`)) return send(res, 404, TEXT, `nothing at ${path}\n`);
    const route = path.slice(prefix.length);
    if (route === '/add-checkpoint') {
      if (!only(req, res, 'POST')) return;
      const outcome = await witness.addCheckpoint(await readBody(req, MAX_BODY));
      const status = OUTCOME_STATUS[outcome.kind];
      if (outcome.kind === 'cosigned') return send(res, status, TEXT, outcome.cosignature);
      if (outcome.kind === 'stale-old-size') return send(res, status, 'text/x.tlog.size', `${outcome.latestSize}\n`);
      if (status === 409 || status === 422) log(`refused a checkpoint: ${outcome.reason}`);
      return send(res, status, TEXT, `${outcome.reason}\n`);
    }
    if (route === '/evidence') {
      if (only(req, res, 'GET')) send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(await witness.evidence(), null, 2)}\n`);
      return;
    }
    if (route.startsWith('/checkpoint/')) {
      if (!only(req, res, 'GET')) return;
      const origin = decodeOrigin(route.slice('/checkpoint/'.length));
      if (origin === null) return send(res, 400, TEXT, 'the origin is not valid percent-encoding\n');
      const note = await witness.latestCosigned(origin);
      if (note === null) return send(res, 404, TEXT, `this witness has cosigned no checkpoint of ${JSON.stringify(origin)}\n`);
      return send(res, 200, TEXT, note);
    }
    send(res, 404, TEXT, `nothing at ${path}: the witness answers ${prefix}/add-checkpoint, ${prefix}/checkpoint/<origin>, ${prefix}/evidence and /healthz\n`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyError) return send(res, error.status, TEXT, `${error.message}\n`);
      log(`${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) send(res, 500, TEXT, 'the witness failed on this request; nothing was cosigned\n');
      else res.destroy();
    });
  });
  server.once('close', () => store.close());
  return server;
}

/** A witness listening on HOST:PORT. */
export interface RunningWitness {
  /** `http://host:port`. */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Creates the witness server and listens; `close` lets requests in flight finish (2 s at most), then cuts the rest. */
export async function startWitness(options: WitnessServerOptions & { readonly host: string; readonly port: number }): Promise<RunningWitness> {
  const server = createWitnessServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      server.close();
      reject(error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A request in flight gets a moment to save and answer; then every connection is cut.
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

/** True when the method is the one the route takes; otherwise answers 405 and returns false. */
function only(req: IncomingMessage, res: ServerResponse, method: 'GET' | 'POST'): boolean {
  if (req.method === method) return true;
  res.setHeader('Allow', method);
  send(res, 405, TEXT, `use ${method}\n`);
  return false;
}

function decodeOrigin(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
