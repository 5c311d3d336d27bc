import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';

/** Where `npm run build` puts the web app; `WEB_DIST` points elsewhere (tests build it into a folder of their own). */
export function webAppDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.WEB_DIST ?? join(process.cwd(), 'dist', 'web'));
}

/** Scripts and data from this origin only, plus the identity provider the app signs in with (discovery, token endpoint). */
export function contentSecurityPolicy(oidcIssuer: string | null | undefined): string {
  let issuer: string;
  try {
    issuer = oidcIssuer ? ` ${new URL(oidcIssuer).origin}` : '';
  } catch {
    issuer = '';
  }
  return `default-src 'self'; connect-src 'self'${issuer}; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'${issuer}`;
}

export type WebFile = { kind: 'file'; path: string; immutable: boolean } | { kind: 'not-built'; dir: string } | { kind: 'bad-path' };

/**
 * The file that answers `/app/<rest>`: a built asset when one exists under the folder (never outside it), else the
 * single page's index.html, which routes on the client. Hashed assets are immutable; index.html is always revalidated.
 */
export function webFileFor(dir: string, rest: string): WebFile {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return { kind: 'not-built', dir };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    // Not valid percent-encoding (e.g. /app/%25 after the router decoded it once): bad input, never a 500.
    return { kind: 'bad-path' };
  }
  const wanted = normalize(join(dir, decoded));
  if (rest !== '' && wanted.startsWith(dir + sep) && existsSync(wanted) && statSync(wanted).isFile()) {
    return { kind: 'file', path: wanted, immutable: wanted.startsWith(join(dir, 'assets') + sep) };
  }
  return { kind: 'file', path: index, immutable: false };
}
