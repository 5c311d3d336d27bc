import { decodeJwt } from 'jose';
import { DEMO_NIP } from '@mutasi/demo-data';
import { loadConfig, TokenVerifier } from '@mutasi/platform';
import { startTestApp, TestApp } from '@mutasi/testing/app';
import { passProviderLogin, startTestOidcProvider, TestOidcProvider } from '../../libs/testing/src/oidc';
import { beginSignIn, completeSignIn, PENDING_SIGN_IN_KEY, SignInEnvironment } from '../../apps/web/src/auth/oidc-flow';
import { OidcSignInConfig, PendingSignIn, SignedIn } from '../../apps/web/src/auth/oidc-protocol';

/**
 * Production sign-in (docs/sign-in.md): the web app's own OIDC code (apps/web/src/auth) against a real provider,
 * with node in the browser's place; the API verifies what the provider issued.
 */
describe('sign-in with OpenID Connect, authorization code + PKCE, against a real provider', () => {
  let provider: TestOidcProvider;
  let otherProvider: TestOidcProvider;
  let t: TestApp;
  let env: Record<string, string>;
  let config: OidcSignInConfig;

  beforeAll(async () => {
    [provider, otherProvider] = await Promise.all([startTestOidcProvider(), startTestOidcProvider()]);
    env = await provider.serverEnv();
    t = await startTestApp({ env });
    await Promise.all([provider.registerWebApp(t.url), otherProvider.registerWebApp(t.url)]);
    config = (await t.api.request<OidcSignInConfig>('GET', '/api/auth/config')).body;
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([provider?.close(), otherProvider?.close()]);
  });

  /** A tab of the web app at the test server's origin: sessionStorage as a map, navigation recorded. */
  function tab() {
    const stored = new Map<string, string>();
    const visited: string[] = [];
    const browser: SignInEnvironment = {
      storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v), removeItem: (k) => void stored.delete(k) },
      origin: t.url,
      navigate: (url) => void visited.push(url),
      fetch: (input, init) => fetch(input, init),
      now: () => Date.now(),
    };
    return { browser, visited, pending: () => JSON.parse(stored.get(PENDING_SIGN_IN_KEY) ?? 'null') as PendingSignIn };
  }

  /** Up to the provider's answer at the redirect URI: the tab (with its pending sign-in) and the callback URL. */
  async function untilCallback(userId: string, signInConfig = config) {
    const { browser, visited, pending } = tab();
    await beginSignIn(signInConfig, browser);
    const kept = pending();
    const callbackUrl = await passProviderLogin(visited[0] ?? '', userId, kept.redirectUri);
    return { browser, pending: kept, callbackUrl };
  }

  async function signIn(userId: string, signInConfig = config): Promise<SignedIn> {
    const { browser, callbackUrl } = await untilCallback(userId, signInConfig);
    return completeSignIn(signInConfig, callbackUrl, browser);
  }

  const get = (path: string, token: string) => t.api.request('GET', path, { token });

  it('GET /api/auth/config answers the provider, the public client and the redirect path, without a token', async () => {
    expect(config).toEqual({
      mode: 'oidc',
      issuer: provider.issuer,
      clientId: 'mutasi-web',
      scope: 'openid profile',
      audience: 'mutasi-api',
      resource: 'urn:mutasi:api',
      redirectPath: '/app/masuk/callback',
    });
  });

  it('signs a PENGUSUL in through the whole flow; the API accepts the access token with the roles and agency from the provider', async () => {
    const { accessToken, expiresAt } = await signIn('pengusul.kota-bandar-lestari');
    expect(expiresAt).toBeGreaterThan(Date.now());
    expect(decodeJwt(accessToken)).toMatchObject({
      iss: provider.issuer,
      aud: 'mutasi-api',
      sub: 'pengusul.kota-bandar-lestari',
      agencyId: 'kota-bandar-lestari',
      roles: ['PENGUSUL'],
    });
    const principal = await (await TokenVerifier.fromConfig(loadConfig({ ...env, DATABASE_URL: t.databaseUrl }).auth)).verify(accessToken);
    expect(principal).toMatchObject({ userId: 'pengusul.kota-bandar-lestari', agencyId: 'kota-bandar-lestari', roles: ['PENGUSUL'] });
    expect(principal.name).not.toBe(principal.userId);
    expect((await get('/api/dashboard/pipeline', accessToken)).status).toBe(200);
    expect((await get('/api/dashboard/pipeline?agencyId=kota-tanjung-harapan', accessToken)).body).toMatchObject({ status: 403, code: 'AGENCY_NOT_ALLOWED' });
  });

  it('signs an employee in with the nip claim: the own record, no dashboards', async () => {
    const { accessToken } = await signIn(`pns.${DEMO_NIP.internal}`);
    expect(decodeJwt(accessToken)).toMatchObject({ roles: ['PNS'], nip: DEMO_NIP.internal });
    expect((await get(`/api/employees/${DEMO_NIP.internal}`, accessToken)).status).toBe(200);
    expect((await get(`/api/employees/${DEMO_NIP.sameProvince}`, accessToken)).status).toBe(403);
    expect((await get('/api/dashboard/pipeline', accessToken)).body).toMatchObject({ status: 403, code: 'ROLE_NOT_ALLOWED' });
  });

  it('the provider refuses the code with a wrong verifier (invalid_grant), then gives the token for the right one', async () => {
    const { browser, pending, callbackUrl } = await untilCallback('verifikator.kota-bandar-lestari');
    const code = new URL(callbackUrl).searchParams.get('code') ?? '';
    const exchange = (codeVerifier: string) =>
      fetch(pending.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: pending.redirectUri,
          client_id: config.clientId,
          code_verifier: codeVerifier,
          resource: 'urn:mutasi:api',
        }),
      });
    const wrong = await exchange(`${pending.codeVerifier.slice(0, -1)}${pending.codeVerifier.endsWith('A') ? 'B' : 'A'}`);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    browser.storage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(pending));
    const { accessToken } = await completeSignIn(config, callbackUrl, browser);
    expect((await get('/api/agencies', accessToken)).status).toBe(200);
  });

  it('the provider refuses an authorization request without a code challenge (PKCE is required)', async () => {
    const { visited, browser } = tab();
    await beginSignIn(config, browser);
    const withoutPkce = new URL(visited[0] ?? '');
    withoutPkce.searchParams.delete('code_challenge');
    withoutPkce.searchParams.delete('code_challenge_method');
    const answer = await fetch(withoutPkce, { redirect: 'manual' });
    const back = new URL(answer.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(`${t.url}/app/masuk/callback`);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('refuses (401) an access token issued by another provider, with the same claims and audience', async () => {
    const other = await signIn('pengusul.kota-bandar-lestari', { ...config, issuer: otherProvider.issuer });
    expect(decodeJwt(other.accessToken)).toMatchObject({ iss: otherProvider.issuer, aud: 'mutasi-api', roles: ['PENGUSUL'] });
    const refused = await get('/api/agencies', other.accessToken);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
