import { createReadStream, statSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { contentSecurityPolicy, webFileFor } from '../web/web-app';
import { sendProblem } from './gateway-answers';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The same policy as the standalone server's WebAppController: the app talks to its own origin only. */
export const WEB_APP_CSP = contentSecurityPolicy(process.env.OIDC_ISSUER);

/**
 * Answers `/app/<rest>` (`rest` as it came, still percent-encoded) from the built web app with `webFileFor`, as the
 * standalone server does: an asset when it exists inside the folder, else index.html (the single page routes itself).
 */
export function serveWebFile(req: IncomingMessage, res: ServerResponse, dir: string, rest: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendProblem(res, 405, 'METHOD_NOT_ALLOWED', `aplikasi web dibaca dengan GET, bukan ${req.method}`, { title: 'Metode tidak diizinkan' });
    return;
  }
  const file = webFileFor(dir, rest);
  if (file.kind === 'bad-path') {
    sendProblem(res, 400, 'BAD_PATH', 'the path is not valid percent-encoding');
    return;
  }
  if (file.kind === 'not-built') {
    sendProblem(res, 503, 'WEB_APP_NOT_BUILT', `belum ada aplikasi web di ${file.dir}: jalankan npm run build (atau atur WEB_DIST)`, { title: 'Aplikasi web belum dibangun' });
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': statSync(file.path).size,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Content-Security-Policy': WEB_APP_CSP,
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file.path)
    .once('error', () => res.destroy())
    .pipe(res);
}
