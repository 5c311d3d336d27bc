import { describe, expect, it, jest } from '@jest/globals';
import { beginSignIn, completeSignIn, PENDING_SIGN_IN_KEY, SignInEnvironment } from './oidc-flow';
import { completeOidcSignIn } from './oidc';
import { OidcSignInConfig, PendingSignIn, s256Challenge } from './oidc-protocol';

const ISSUER = 'https://sso.example.go.id';
const config: OidcSignInConfig = {
  mode: 'oidc',
  issuer: ISSUER,
  clientId: 'mutasi-web',
  scope: 'openid profile',
  audience: 'mutasi-api',
  resource: 'urn:mutasi:api',
  redirectPath: '/app/masuk/callback',
};
const discovery = { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token`, code_challenge_methods_supported: ['S256'] };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A provider as seen through fetch: the discovery document and a token endpoint, every request kept. */
function fakeProvider(answers: { discovery?: unknown; token?: Response } = {}) {
  const requests: { url: string; init?: RequestInit }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    requests.push({ url, ...(init ? { init } : {}) });
    if (url === `${ISSUER}/.well-known/openid-configuration`) return json(answers.discovery ?? discovery);
    if (url === `${ISSUER}/token`) return answers.token ?? json({ access_token: 'at.jwt', token_type: 'Bearer', expires_in: 3600 });
    return json({ error: 'not_found' }, 404);
  };
  return { fetch, requests };
}

function environment(fetch: SignInEnvironment['fetch']) {
  const stored = new Map<string, string>();
  const visited: string[] = [];
  const env: SignInEnvironment = {
    storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v), removeItem: (k) => void stored.delete(k) },
    origin: 'https://mutasi.example.go.id',
    navigate: (url) => void visited.push(url),
    fetch,
    now: () => 1_000_000,
  };
  return { env, stored, visited };
}

async function begun(provider = fakeProvider()) {
  const world = environment(provider.fetch);
  await beginSignIn(config, world.env);
  const pending = JSON.parse(world.stored.get(PENDING_SIGN_IN_KEY) ?? 'null') as PendingSignIn;
  const request = new URL(world.visited[0] ?? '');
  return { ...world, provider, pending, request, callback: (params: Record<string, string>) => `https://mutasi.example.go.id/app/masuk/callback?${new URLSearchParams(params)}` };
}

describe('OpenID Connect sign-in, authorization code + PKCE (docs/sign-in.md)', () => {
  it('derives the S256 code challenge as RFC 7636 appendix B does', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('begins: keeps a fresh verifier, state and nonce in the tab, and sends the browser to the authorization endpoint', async () => {
    const { pending, request, visited } = await begun();
    expect(visited).toHaveLength(1);
    expect(`${request.origin}${request.pathname}`).toBe(`${ISSUER}/auth`);
    expect(Object.fromEntries(request.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'mutasi-web',
      redirect_uri: 'https://mutasi.example.go.id/app/masuk/callback',
      scope: 'openid profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await s256Challenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      resource: 'urn:mutasi:api',
    });
    expect(pending.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = (await begun()).pending;
    expect(new Set([pending.state, pending.nonce, pending.codeVerifier, again.state, again.nonce, again.codeVerifier]).size).toBe(6);
  });

  it('sends no resource indicator when none is configured', async () => {
    const world = environment(fakeProvider().fetch);
    await beginSignIn({ ...config, resource: null }, world.env);
    expect(new URL(world.visited[0] ?? '').searchParams.has('resource')).toBe(false);
  });

  it('refuses a discovery document of another issuer, one without S256, or an unreachable provider', async () => {
    await expect(begun(fakeProvider({ discovery: { ...discovery, issuer: 'https://evil.example' } }))).rejects.toThrow(
      'Konfigurasi penyedia identitas tidak cocok: penerbitnya https://evil.example, bukan https://sso.example.go.id.',
    );
    await expect(begun(fakeProvider({ discovery: { ...discovery, code_challenge_methods_supported: ['plain'] } }))).rejects.toThrow(
      'Penyedia identitas tidak mendukung PKCE dengan S256.',
    );
    const down = environment(async () => {
      throw new Error('ECONNREFUSED');
    });
    await expect(beginSignIn(config, down.env)).rejects.toThrow('Penyedia identitas tidak dapat dihubungi: ECONNREFUSED.');
    expect(down.stored.size).toBe(0);
  });

  it('completes: trades the code, with the verifier and the same redirect URI, for the access token; once', async () => {
    const { env, pending, provider, callback, stored } = await begun();
    const signedIn = await completeSignIn(config, callback({ code: 'the-code', state: pending.state, iss: ISSUER }), env);
    expect(signedIn).toEqual({ accessToken: 'at.jwt', expiresAt: 1_000_000 + 3_600_000 });
    const tokenRequest = provider.requests.find((r) => r.url === `${ISSUER}/token`);
    expect(tokenRequest?.init?.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(String(tokenRequest?.init?.body)))).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: 'https://mutasi.example.go.id/app/masuk/callback',
      client_id: 'mutasi-web',
      code_verifier: pending.codeVerifier,
      resource: 'urn:mutasi:api',
    });
    expect(stored.has(PENDING_SIGN_IN_KEY)).toBe(false);
    await expect(completeSignIn(config, callback({ code: 'the-code', state: pending.state }), env)).rejects.toThrow(
      'Tidak ada proses masuk yang sedang berjalan di tab ini. Silakan mulai masuk lagi.',
    );
  });

  it('refuses an answer with another state, from another issuer, or carrying the provider’s error, without asking for a token', async () => {
    const answers: [Record<string, string>, string][] = [
      [{ code: 'c', state: 'forged' }, 'Jawaban penyedia identitas tidak sesuai dengan permintaan masuk ini (state berbeda). Silakan masuk lagi.'],
      [{ code: 'c', iss: 'https://evil.example' }, 'Jawaban datang dari penyedia identitas lain (https://evil.example). Silakan masuk lagi.'],
      [{ error: 'access_denied', error_description: 'End-User aborted interaction' }, 'Penyedia identitas menolak permintaan masuk: End-User aborted interaction.'],
    ];
    for (const [params, message] of answers) {
      const { env, pending, provider, callback } = await begun();
      await expect(completeSignIn(config, callback({ state: pending.state, ...params }), env)).rejects.toThrow(message);
      expect(provider.requests.map((r) => r.url)).not.toContain(`${ISSUER}/token`);
    }
  });

  it('reports the token endpoint’s refusal and a token that is not a bearer token', async () => {
    const refused = await begun(fakeProvider({ token: json({ error: 'invalid_grant', error_description: 'PKCE verification failed' }, 400) }));
    await expect(completeSignIn(config, refused.callback({ code: 'c', state: refused.pending.state }), refused.env)).rejects.toThrow(
      'Penyedia identitas menolak penukaran kode: PKCE verification failed.',
    );
    const dpop = await begun(fakeProvider({ token: json({ access_token: 'x', token_type: 'DPoP', expires_in: 60 }) }));
    await expect(completeSignIn(config, dpop.callback({ code: 'c', state: dpop.pending.state }), dpop.env)).rejects.toThrow(
      'Jenis token DPoP tidak didukung; yang diperlukan: Bearer.',
    );
  });

  it('takes the expiry from the JWT when the provider gives no expires_in', async () => {
    const jwt = `e30.${btoa(JSON.stringify({ exp: 2_000 })).replace(/=+$/, '')}.sig`;
    const { env, pending, callback } = await begun(fakeProvider({ token: json({ access_token: jwt, token_type: 'bearer' }) }));
    expect(await completeSignIn(config, callback({ code: 'c', state: pending.state }), env)).toEqual({ accessToken: jwt, expiresAt: 2_000_000 });
  });

  it('in the browser, completes from the tab’s sessionStorage and window.fetch', async () => {
    const { pending, provider, callback } = await begun();
    window.sessionStorage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(pending));
    const fetchSpy = jest.spyOn(window, 'fetch').mockImplementation((input) => provider.fetch(String(input)));
    try {
      expect((await completeOidcSignIn(config, callback({ code: 'c', state: pending.state }))).accessToken).toBe('at.jwt');
      expect(window.sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
