import { lookup } from 'node:dns/promises';
import { AddressInfo, connect, createServer, isIP, Server, Socket } from 'node:net';
import { problem } from '@mutasi/platform';

/** A connection attempt that has not succeeded after this long goes to the next replica. */
const CONNECT_TIMEOUT_MS = 3_000;
/** A replica that refused is tried after the others until this long has passed, then in its turn again. */
const RETRY_DOWN_AFTER_MS = 2_000;

/** One address to connect to: a replica's URL and one address its host name resolved to. */
interface Target {
  readonly url: URL;
  readonly address: string;
  readonly port: number;
}

export interface ReplicaBalancer {
  /** `http://127.0.0.1:port`: where the gateway's proxy sends the service's requests. */
  readonly url: URL;
  close(): Promise<void>;
}

const portOf = (url: URL): number => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

/** Every address of every replica, sorted, so the rotation does not depend on the resolver's order of the day. */
async function targetsOf(replicas: readonly URL[]): Promise<Target[]> {
  const resolved = await Promise.all(
    replicas.map(async (url): Promise<Target[]> => {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) !== 0) return [{ url, address: host, port: portOf(url) }];
      // A name (a compose service with replicas, or several services sharing a network alias) may stand for several.
      const addresses = await lookup(host, { all: true }).catch(() => []);
      return addresses.map((a) => ({ url, address: a.address, port: portOf(url) })).sort((a, b) => a.address.localeCompare(b.address));
    }),
  );
  return resolved.flat();
}

/** Connects to `target`; rejects, with nothing sent, when it refuses, is unreachable or does not answer in time. */
function connectTo(target: Target): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.address, port: target.port });
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => socket.destroy(Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' })));
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

/** The gateway's answer when no replica takes the connection, in the shape of its own 502 (problem details). */
function badGateway(client: Socket, service: string, replicas: readonly URL[], reasons: readonly string[]): void {
  const list = replicas.map((u) => u.href).join(', ');
  const body = JSON.stringify(
    problem(502, 'UPSTREAM_UNAVAILABLE', `tidak ada replika ${service} (${list}) yang menerima sambungan (${reasons.join('; ') || 'tanpa alamat'}); coba lagi sebentar lagi`, {
      title: 'Layanan tidak menjawab',
      service,
      upstream: list,
    }),
  );
  client.end(
    `HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Spreads one service's connections over its replicas, round-robin, on a loopback port of the gateway's own: the
 * gateway's proxy opens one connection per request (no keep-alive), so each request goes to the next replica. A
 * replica that refuses the connection (stopped, restarting), cannot be reached or does not accept in time is skipped
 * for the next, which is safe because nothing of the request has been sent yet; when every replica refuses, the
 * answer is a 502 naming them. Bytes are relayed as they are (server-sent events, uploads), untouched: the proxy in
 * front has already set the X-Forwarded-* headers. Host names are resolved for each connection, so a name that stands
 * for several containers spreads over all of them as they come and go.
 */
export async function startReplicaBalancer(service: string, replicas: readonly URL[], log: (line: string) => void): Promise<ReplicaBalancer> {
  let next = 0;
  const open = new Set<Socket>();
  /** Targets that refused their last connection, and since when: told once when they go down and once when back. */
  const down = new Map<string, number>();
  const nameOf = (t: Target): string => `${t.url.host}${t.address !== t.url.hostname ? ` (${t.address})` : ''}`;
  const relay = async (client: Socket): Promise<void> => {
    const targets = await targetsOf(replicas);
    // The rotation runs over the replicas that did not refuse a moment ago, so they share the requests evenly; the
    // resting ones are tried last (and rejoin the rotation once their rest is over).
    const resting = (t: Target): boolean => Date.now() - (down.get(nameOf(t)) ?? 0) < RETRY_DOWN_AFTER_MS;
    const awake = targets.filter((t) => !resting(t));
    const first = next;
    next += 1;
    const order = [...awake.map((_, i) => awake[(first + i) % awake.length] as Target), ...targets.filter(resting)];
    const reasons: string[] = [];
    for (const target of order) {
      if (client.destroyed) return;
      try {
        const upstream = await connectTo(target);
        if (down.delete(nameOf(target))) log(`${service} replica ${nameOf(target)} takes connections again`);
        if (client.destroyed) return void upstream.destroy();
        open.add(upstream);
        upstream.once('close', () => open.delete(upstream));
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        // The client going away ends the upstream; the upstream's end ends the client through the pipe, after the
        // last bytes are written (destroying it at the upstream's close could cut them off).
        client.once('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        return;
      } catch (error) {
        const reason = `${nameOf(target)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
        reasons.push(reason);
        if (!down.has(nameOf(target))) log(`${service} replica ${reason}; the other replicas take its requests until it is back`);
        down.set(nameOf(target), Date.now());
      }
    }
    badGateway(client, service, replicas, reasons);
  };
  const server: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    relay(client).catch((error: unknown) => {
      log(`${service}: ${error instanceof Error ? error.message : String(error)}`);
      client.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        open.forEach((socket) => socket.destroy());
      }),
  };
}
