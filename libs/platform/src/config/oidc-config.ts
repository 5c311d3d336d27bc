/**
 * The web app's production sign-in (docs/sign-in.md): OpenID Connect, authorization code + PKCE, against the
 * identity provider named by `OIDC_ISSUER`. The browser is a public client: no secret here, only what the
 * browser needs to start the flow. The API itself still only verifies bearer JWTs (AUTH_*).
 */
export interface OidcConfig {
  /** The provider's issuer identifier; the discovery document is `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** The public client registered for the web app (token_endpoint_auth_method `none`). */
  readonly clientId: string;
  readonly scope: string;
  /** RFC 8707 resource indicator, for providers that mint JWT access tokens only for a named resource; null: none sent. */
  readonly resource: string | null;
}

/** Where the provider sends the browser back; the redirect URI to register is the web app's origin + this path. */
export const OIDC_REDIRECT_PATH = '/app/masuk/callback';

const DEFAULT_SCOPE = 'openid profile';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Reads `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_SCOPE`, `OIDC_RESOURCE`; null when OIDC is off. Each problem names
 * its variable and goes to `problems` (the caller reports them all at once).
 */
export function readOidcConfig(text: (name: string) => string | null, problems: string[]): OidcConfig | null {
  const issuer = text('OIDC_ISSUER');
  const clientId = text('OIDC_CLIENT_ID');
  const scope = text('OIDC_SCOPE');
  const resource = text('OIDC_RESOURCE');
  if (issuer === null) {
    for (const [name, value] of [
      ['OIDC_CLIENT_ID', clientId],
      ['OIDC_SCOPE', scope],
      ['OIDC_RESOURCE', resource],
    ] as const) {
      if (value !== null) problems.push(`${name} is set but OIDC_ISSUER is not: set OIDC_ISSUER to the identity provider's issuer, or unset ${name}`);
    }
    return null;
  }
  const issuerUrl = parseUrl(issuer);
  if (!issuerUrl || !(issuerUrl.protocol === 'https:' || (issuerUrl.protocol === 'http:' && LOOPBACK_HOSTS.has(issuerUrl.hostname))) || issuerUrl.search || issuerUrl.hash) {
    problems.push(`OIDC_ISSUER must be the identity provider's https URL, without query or fragment (http only on loopback, for tests); got ${JSON.stringify(issuer)}`);
  }
  if (clientId === null) problems.push('OIDC_CLIENT_ID is required with OIDC_ISSUER: the id of the public client registered for the web app at the identity provider');
  const scopes = (scope ?? DEFAULT_SCOPE).split(/\s+/);
  if (!scopes.includes('openid')) problems.push(`OIDC_SCOPE must include openid (got ${JSON.stringify(scope)})`);
  if (resource !== null && (!parseUrl(resource) || resource.includes('#')))
    problems.push(`OIDC_RESOURCE must be an absolute URI without fragment (RFC 8707); got ${JSON.stringify(resource)}`);
  return { issuer, clientId: clientId ?? '', scope: scopes.join(' '), resource };
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
