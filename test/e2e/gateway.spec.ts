import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, Gateway, GatewayConfig, loadGatewayConfig, startGateway } from '@mutasi/platform';

/**
 * The gateway (apps/gateway) between a browser and two tiny upstream servers on 127.0.0.1 standing in for
 * transfer-service and dashboard-service; audit-service's address has nobody listening. Every wait is on an event
 * (a chunk arriving, a request seen), never on a timer.
 */

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with the path sent exactly as written (fetch would normalise `..` and `%2e` away). */
function send(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path.startsWith('/') ? '' : '/'}`, { method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port that was just free: nothing listens there. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await close(server);
  return url;
}

/** Resolves with the first value of `next` that is not undefined, checked now and on every event `subscribe` reports. */
function when<T>(subscribe: (check: () => void) => () => void, next: () => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const check = (): void => {
      const value = next();
      if (value === undefined) return;
      unsubscribe();
      resolve(value);
    };
    const unsubscribe = subscribe(check);
    check();
  });
}

describe('gateway: one origin for the web app and the services', () => {
  const root = mkdtempSync(join(tmpdir(), 'mutasi-gateway-'));
  const webDir = join(root, 'web');
  const SECRET = 'outside-the-web-folder-7f3a';
  /** Requests transfer-service saw, and the bytes of uploads as they arrive. */
  const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  let uploadBytes = 0;
  const uploadProgress = new Set<() => void>();
  /** The open event stream of dashboard-service, and whether its client went away. */
  let stream: ServerResponse | null = null;
  let streamClosed = false;
  const streamEvents = new Set<() => void>();
  let transfer: Server;
  let dashboard: Server;
  let gateway: Gateway;
  let config: GatewayConfig;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/app/assets/index-3f9c2a.js"></script>');
    writeFileSync(join(webDir, 'assets', 'index-3f9c2a.js'), 'console.log("mutasi");');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'package.json'), JSON.stringify({ secret: SECRET }));

    const healthy = (res: ServerResponse): void => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', checks: { database: { status: 'up', detail: 'ok' } } }));
    };
    transfer = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/api/health') return healthy(res);
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      const hash = createHash('sha256');
      let length = 0;
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        length += chunk.length;
        uploadBytes = length;
        uploadProgress.forEach((f) => f());
      });
      req.once('end', () => {
        // A service's own caching header: the gateway must replace it with no-store.
        res.writeHead(200, { 'Content-Type': 'application/json', ETag: '"7"', 'Cache-Control': 'public, max-age=600' });
        res.end(JSON.stringify({ url: req.url, length, sha256: hash.digest('hex') }));
      });
    });
    dashboard = createServer((req, res) => {
      if (req.url === '/api/health') return healthy(res);
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write(': open\n\n');
      stream = res;
      res.once('close', () => {
        streamClosed = true;
        streamEvents.forEach((f) => f());
      });
      streamEvents.forEach((f) => f());
    });
    const [transferUrl, dashboardUrl, auditUrl] = await Promise.all([listen(transfer), listen(dashboard), deadAddress()]);
    config = loadGatewayConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      WEB_DIST: webDir,
      GATEWAY_TRANSFER_URL: transferUrl,
      GATEWAY_AUDIT_URL: auditUrl,
      GATEWAY_DASHBOARD_URL: dashboardUrl,
      GATEWAY_TOKEN_SIGN_IN: 'true',
    });
    gateway = await startGateway(config, () => undefined);
  });

  afterAll(async () => {
    await gateway.close();
    await Promise.all([close(transfer), close(dashboard)]);
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at /app and for every client route, assets with immutable caching, and leads / and /dashboard there', async () => {
    for (const path of ['/app', '/app/', '/app/kasus/3f1c', '/app/dasbor?agencyId=x']) {
      const page = await send(gateway.url, 'GET', path);
      expect({ path, status: page.status, type: page.headers['content-type'], cache: page.headers['cache-control'], body: page.body.toString() }).toEqual({
        path,
        status: 200,
        type: 'text/html; charset=utf-8',
        cache: 'no-cache',
        body: expect.stringContaining('<div id="root">'),
      });
    }
    const asset = await send(gateway.url, 'GET', '/app/assets/index-3f9c2a.js');
    expect({ status: asset.status, type: asset.headers['content-type'], cache: asset.headers['cache-control'], body: asset.body.toString() }).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      cache: 'public, max-age=31536000, immutable',
      body: 'console.log("mutasi");',
    });
    expect((await send(gateway.url, 'GET', '/app/favicon.svg')).headers['cache-control']).toBe('no-cache');
    const head = await send(gateway.url, 'HEAD', '/app/assets/index-3f9c2a.js');
    expect({ status: head.status, length: head.headers['content-length'], body: head.body.length }).toEqual({ status: 200, length: '22', body: 0 });
    expect((await send(gateway.url, 'POST', '/app/')).status).toBe(405);
    const root = await send(gateway.url, 'GET', '/');
    expect({ status: root.status, location: root.headers.location }).toEqual({ status: 302, location: '/app/' });
    const old = await send(gateway.url, 'GET', '/dashboard');
    expect({ status: old.status, location: old.headers.location }).toEqual({ status: 301, location: '/app/dasbor' });
  });

  it('never serves a file outside the web folder, however the path is written', async () => {
    const attempts = [
      '/app/../package.json',
      '/app/assets/../../package.json',
      '/app/%2e%2e/package.json',
      '/app/%2e%2e%2fpackage.json',
      '/app/..%2fpackage.json',
      '/app/%2E%2E%2Fpackage.json',
      '/app/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/app/%252e%252e%252fpackage.json',
      '/app/..%5cpackage.json',
      '/app/....//package.json',
      '/app//../package.json',
      '/app/%00../package.json',
      '/app/../../../../etc/passwd',
    ];
    for (const path of attempts) {
      const answer = await send(gateway.url, 'GET', path);
      expect({ path, leaked: answer.body.toString().includes(SECRET) || answer.body.toString().includes('root:') }).toEqual({ path, leaked: false });
      expect({ path, status: answer.status, body: answer.status === 200 ? answer.body.toString().startsWith('<!doctype html>') : 'problem' }).toEqual({
        path,
        status: 200,
        body: true,
      });
    }
    expect((await send(gateway.url, 'GET', '/app/%E0%A4%A')).status).toBe(400);
  });

  it('proxies /api/transfers to transfer-service with path, query, method and headers intact, and its ETag back, never cached', async () => {
    const answer = await send(
      gateway.url,
      'POST',
      '/api/transfers/3f1c/proposal?dryRun=false',
      {
        Authorization: 'Bearer eyJ.test.token',
        'If-Match': '"6"',
        'Idempotency-Key': 'k-41',
        'Content-Type': 'application/json',
        'X-Forwarded-For': '203.0.113.9',
      },
      Buffer.from('{"note":"ok"}'),
    );
    expect({ status: answer.status, etag: answer.headers.etag, cache: answer.headers['cache-control'] }).toEqual({ status: 200, etag: '"7"', cache: 'no-store' });
    expect(JSON.parse(answer.body.toString())).toMatchObject({ url: '/api/transfers/3f1c/proposal?dryRun=false', length: 13 });
    const request = seen.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer eyJ.test.token',
      'if-match': '"6"',
      'idempotency-key': 'k-41',
      'content-type': 'application/json',
      'x-forwarded-for': '203.0.113.9, 127.0.0.1',
      'x-forwarded-host': new URL(gateway.url).host,
      'x-forwarded-proto': 'http',
    });
    for (const path of ['/api/agencies', '/api/employees/199001012020121001', '/api/policies/current', '/api/notifications', '/api/auth/config', '/api/docs-json']) {
      expect({ path, status: (await send(gateway.url, 'GET', path)).status, reached: seen.at(-1)?.url }).toEqual({ path, status: 200, reached: path });
    }
  });

  it('streams a 2 MB upload to the service while it is still being sent', async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 0);
    for (let i = 0; i < body.length; i += 1) body[i] = (i * 31) % 251;
    uploadBytes = 0;
    let receivedBeforeSecondHalf = 0;
    const answer = new Promise<Answer>((resolve, reject) => {
      const req = request(
        `${gateway.url}/api/transfers/3f1c/files/sk`,
        { method: 'PUT', headers: { 'Content-Type': 'application/pdf', 'Content-Length': String(body.length) }, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.once('error', reject);
      req.write(body.subarray(0, 1024 * 1024));
      // The second half leaves only once the service has bytes of the first: the gateway did not wait for the whole body.
      void when(
        (f) => (uploadProgress.add(f), () => uploadProgress.delete(f)),
        () => (uploadBytes > 0 ? uploadBytes : undefined),
      ).then((received) => {
        receivedBeforeSecondHalf = received;
        req.end(body.subarray(1024 * 1024));
      });
    });
    const { status, body: reply } = await answer;
    expect(status).toBe(200);
    expect(receivedBeforeSecondHalf).toBeGreaterThan(0);
    expect(receivedBeforeSecondHalf).toBeLessThanOrEqual(1024 * 1024);
    expect(JSON.parse(reply.toString())).toEqual({ url: '/api/transfers/3f1c/files/sk', length: body.length, sha256: createHash('sha256').update(body).digest('hex') });
  });

  it('passes server-sent events through as they are sent, and ends the upstream stream when the browser leaves', async () => {
    stream = null;
    streamClosed = false;
    let received = '';
    const arrived = new Set<() => void>();
    const client = request(`${gateway.url}/api/dashboard/stream?access_token=abc`, { headers: { Accept: 'text/event-stream' }, agent: false });
    const response = new Promise<IncomingMessage>((resolve) => client.once('response', resolve));
    client.end();
    const res = await response;
    expect({ status: res.statusCode, type: res.headers['content-type'], cache: res.headers['cache-control'] }).toEqual({
      status: 200,
      type: 'text/event-stream',
      cache: 'no-store',
    });
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      received += chunk;
      arrived.forEach((f) => f());
    });
    const upstream = await when(
      (f) => (streamEvents.add(f), () => streamEvents.delete(f)),
      () => stream ?? undefined,
    );
    for (const n of [1, 2, 3]) {
      upstream.write(`event: case-changed\ndata: {"n":${n}}\n\n`);
      await when(
        (f) => (arrived.add(f), () => arrived.delete(f)),
        () => (received.includes(`data: {"n":${n}}`) ? true : undefined),
      );
      expect(received.includes(`data: {"n":${n + 1}}`)).toBe(false);
    }
    res.destroy();
    await when(
      (f) => (streamEvents.add(f), () => streamEvents.delete(f)),
      () => (streamClosed ? true : undefined),
    );
  });

  it('answers 502 problem details naming the service and its address when that service is down', async () => {
    const answer = await send(gateway.url, 'GET', '/api/audit/cases/3f1c/trail', { Authorization: 'Bearer x' });
    expect({ status: answer.status, type: answer.headers['content-type'], cache: answer.headers['cache-control'] }).toEqual({
      status: 502,
      type: 'application/problem+json',
      cache: 'no-store',
    });
    const problem = JSON.parse(answer.body.toString());
    expect(problem).toMatchObject({ status: 502, code: 'UPSTREAM_UNAVAILABLE', service: 'audit-service', upstream: `${config.upstreams['audit-service'].href}` });
    expect(problem.detail).toContain(`audit-service di ${config.upstreams['audit-service'].href} tidak menjawab`);
  });

  it('reports the health of each service it routes to, 503 while one is down', async () => {
    const answer = await send(gateway.url, 'GET', '/api/health');
    const health = JSON.parse(answer.body.toString());
    expect({
      status: answer.status,
      cache: answer.headers['cache-control'],
      overall: health.status,
      each: Object.fromEntries(Object.entries(health.checks as Record<string, { status: string }>).map(([k, v]) => [k, v.status])),
    }).toEqual({ status: 503, cache: 'no-store', overall: 'degraded', each: { 'transfer-service': 'up', 'audit-service': 'down', 'dashboard-service': 'up' } });
  });

  it('refuses /api paths no service serves (404) and paths whose routing depends on decoding (400)', async () => {
    const unknown = await send(gateway.url, 'GET', '/api/unknown/x');
    expect({ status: unknown.status, type: unknown.headers['content-type'], cache: unknown.headers['cache-control'] }).toEqual({
      status: 404,
      type: 'application/problem+json',
      cache: 'no-store',
    });
    expect((await send(gateway.url, 'GET', '/api/transfersx')).status).toBe(404);
    const before = seen.length;
    for (const path of ['/api/me/../audit/cases', '/api/transfers/%2e%2e/%2e%2e/audit', '/api/dashboard/..%2f..%2faudit', '/api/transfers/a%2Fb', '/api/transfers/%E0%A4%A']) {
      expect({ path, status: (await send(gateway.url, 'GET', path)).status }).toEqual({ path, status: 400 });
    }
    expect(seen.length).toBe(before);
  });

  it('offers /masuk-token, which stores a token the person holds, only when GATEWAY_TOKEN_SIGN_IN=true', async () => {
    const page = await send(gateway.url, 'GET', '/masuk-token');
    expect({ status: page.status, csp: page.headers['content-security-policy'], cache: page.headers['cache-control'] }).toEqual({
      status: 200,
      csp: expect.stringContaining("script-src 'self'"),
      cache: 'no-store',
    });
    expect(page.body.toString()).toContain('<script src="/masuk-token.js"></script>');
    expect((await send(gateway.url, 'GET', '/masuk-token.js')).body.toString()).toContain('sessionStorage.setItem("mutasi.session"');
    const off = await startGateway({ ...config, tokenSignIn: false }, () => undefined);
    try {
      expect((await send(off.url, 'GET', '/masuk-token')).status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('answers 503 problem details while the web app is not built', async () => {
    const unbuilt = await startGateway({ ...config, webDir: join(root, 'nothing-here') }, () => undefined);
    try {
      const answer = await send(unbuilt.url, 'GET', '/app/');
      expect({ status: answer.status, code: JSON.parse(answer.body.toString()).code }).toEqual({ status: 503, code: 'WEB_APP_NOT_BUILT' });
    } finally {
      await unbuilt.close();
    }
  });

  it('refuses to start without a service address, naming the variable', () => {
    const attempt = () => loadGatewayConfig({ GATEWAY_TRANSFER_URL: 'http://127.0.0.1:3001', GATEWAY_AUDIT_URL: 'not a url' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/GATEWAY_AUDIT_URL must be an http:\/\/ or https:\/\/ URL/);
    expect(attempt).toThrow(/GATEWAY_DASHBOARD_URL is required: the URL where dashboard-service listens, e.g. http:\/\/127.0.0.1:3004/);
  });
});
