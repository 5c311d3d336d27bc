/**
 * OpenID Connect for a public client, authorization code + PKCE (RFC 6749, RFC 7636, RFC 9207; docs/sign-in.md):
 * the protocol pieces as functions of their inputs. Only web platform APIs (fetch, URL, WebCrypto), no DOM and no
 * Node APIs, so the same code runs in the browser, in jsdom unit tests and in the end-to-end test against a real
 * provider.
 */

/** What `GET /api/auth/config` answers when the web app signs in with OpenID Connect. */
export interface OidcSignInConfig {
  readonly mode: 'oidc';
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** The `aud` the API expects in access tokens (informative: the provider decides what it puts there). */
  readonly audience: string;
  /** RFC 8707 resource indicator, sent with both requests when the provider needs it to issue a JWT for the API. */
  readonly resource?: string | null;
  readonly redirectPath: string;
}

/** The two endpoints the flow uses, from the provider's discovery document. */
export interface OidcEndpoints {
  readonly issuer: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
}

/** A sign-in between the redirect to the provider and the way back: kept by the tab that started it. */
export interface PendingSignIn {
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** The outcome: a bearer token for the API and when it stops working (milliseconds since the epoch). */
export interface SignedIn {
  readonly accessToken: string;
  readonly expiresAt: number;
}

/** A sign-in that cannot go on; the message is for the user (Indonesian). */
export class OidcSignInError extends Error {
  override readonly name = 'OidcSignInError';
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Where the discovery document is (OpenID Connect Discovery §4: the issuer, without a trailing slash, + the path). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/** Reads the discovery document and checks it speaks for `issuer` and supports PKCE with S256. */
export async function discover(issuer: string, fetchFn: Fetch): Promise<OidcEndpoints> {
  const document = await getJson(fetchFn, discoveryUrl(issuer));
  // A document for another issuer could send the user's code somewhere else (Discovery §4.3).
  if (document.issuer !== issuer) throw new OidcSignInError(`Konfigurasi penyedia identitas tidak cocok: penerbitnya ${String(document.issuer)}, bukan ${issuer}.`);
  const { authorization_endpoint: authorizationEndpoint, token_endpoint: tokenEndpoint, code_challenge_methods_supported: methods } = document;
  if (typeof authorizationEndpoint !== 'string' || typeof tokenEndpoint !== 'string')
    throw new OidcSignInError('Konfigurasi penyedia identitas tidak lengkap: alamat otorisasi atau token tidak ada.');
  if (Array.isArray(methods) && !methods.includes('S256')) throw new OidcSignInError('Penyedia identitas tidak mendukung PKCE dengan S256.');
  return { issuer, authorizationEndpoint, tokenEndpoint };
}

/** Random bytes as base64url text (32 bytes: 43 characters, enough for a PKCE verifier, a state or a nonce). */
export function randomBase64url(byteLength = 32): string {
  return base64url(requireWebCrypto().getRandomValues(new Uint8Array(byteLength)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))) (RFC 7636 §4.2). */
export async function s256Challenge(codeVerifier: string): Promise<string> {
  // The verifier is base64url, so ASCII: its char codes are its bytes (no TextEncoder needed).
  const digest = await requireWebCrypto().subtle.digest(
    'SHA-256',
    Uint8Array.from(codeVerifier, (c) => c.charCodeAt(0)),
  );
  return base64url(new Uint8Array(digest));
}

/** A fresh sign-in for `redirectUri`: new verifier, state and nonce. */
export function newPendingSignIn(endpoints: OidcEndpoints, redirectUri: string): PendingSignIn {
  return { issuer: endpoints.issuer, tokenEndpoint: endpoints.tokenEndpoint, redirectUri, state: randomBase64url(), nonce: randomBase64url(), codeVerifier: randomBase64url() };
}

/** The authorization request the browser is sent to (response_type=code, PKCE S256). */
export function authorizationUrl(endpoints: OidcEndpoints, config: OidcSignInConfig, pending: PendingSignIn, codeChallenge: string): string {
  const url = new URL(endpoints.authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
    ...(config.resource ? { resource: config.resource } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** The code from the provider's answer at the redirect URI, after checking it answers this sign-in. */
export function readAuthorizationResponse(callbackUrl: string, pending: PendingSignIn): string {
  const params = new URL(callbackUrl).searchParams;
  // The state binds the answer to the tab that asked; anything else may be a forged callback (CSRF).
  if (params.get('state') !== pending.state) throw new OidcSignInError('Jawaban penyedia identitas tidak sesuai dengan permintaan masuk ini (state berbeda). Silakan masuk lagi.');
  const iss = params.get('iss');
  // RFC 9207: a provider that names itself must be the one asked (mix-up attacks).
  if (iss !== null && iss !== pending.issuer) throw new OidcSignInError(`Jawaban datang dari penyedia identitas lain (${iss}). Silakan masuk lagi.`);
  const error = params.get('error');
  if (error !== null) throw new OidcSignInError(`Penyedia identitas menolak permintaan masuk: ${params.get('error_description') ?? error}.`);
  const code = params.get('code');
  if (!code) throw new OidcSignInError('Penyedia identitas tidak mengirim kode otorisasi.');
  return code;
}

/** The token request's form body: the code, the verifier that proves this client asked for it, the same redirect URI. */
export function tokenRequestBody(config: OidcSignInConfig, pending: PendingSignIn, code: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: config.clientId,
    code_verifier: pending.codeVerifier,
    ...(config.resource ? { resource: config.resource } : {}),
  });
}

/** Trades the code for an access token at the token endpoint. */
export async function exchangeCode(config: OidcSignInConfig, pending: PendingSignIn, code: string, fetchFn: Fetch, now: number): Promise<SignedIn> {
  let response: Response;
  try {
    response = await fetchFn(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: tokenRequestBody(config, pending, code).toString(),
    });
  } catch (error) {
    throw new OidcSignInError(`Penyedia identitas tidak dapat dihubungi untuk menukar kode: ${messageOf(error)}.`);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new OidcSignInError(`Penyedia identitas menolak penukaran kode: ${String(body.error_description ?? body.error ?? `HTTP ${response.status}`)}.`);
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = body;
  if (typeof accessToken !== 'string' || accessToken === '') throw new OidcSignInError('Penyedia identitas tidak mengirim token akses.');
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') throw new OidcSignInError(`Jenis token ${String(tokenType)} tidak didukung; yang diperlukan: Bearer.`);
  const expiresAt = typeof expiresIn === 'number' ? now + expiresIn * 1000 : jwtExpiry(accessToken);
  if (expiresAt === null) throw new OidcSignInError('Penyedia identitas tidak menyebut masa berlaku token akses.');
  return { accessToken, expiresAt };
}

/** A JWT's `exp` in milliseconds, or null (an opaque token, or none given). Read only, not verified: the API verifies. */
function jwtExpiry(token: string): number | null {
  try {
    const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

async function getJson(fetchFn: Fetch, url: string): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new OidcSignInError(`Penyedia identitas tidak dapat dihubungi: ${messageOf(error)}.`);
  }
  if (!response.ok) throw new OidcSignInError(`Penyedia identitas tidak dapat dihubungi (HTTP ${response.status} dari ${url}).`);
  return (await response.json()) as Record<string, unknown>;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function requireWebCrypto(): typeof crypto {
  // Browsers offer crypto.subtle only in secure contexts (https, or http on localhost).
  if (typeof crypto === 'undefined' || !crypto.subtle) throw new OidcSignInError('Browser ini tidak menyediakan WebCrypto; buka aplikasi lewat HTTPS.');
  return crypto;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
