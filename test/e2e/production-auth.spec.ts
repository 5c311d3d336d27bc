import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { MutasiHttp } from '@mutasi/demo-data';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/** Production sign-in: tokens verified with a public key, issuer and audience checked; no dev endpoints. */
describe('production sign-in (AUTH_PUBLIC_KEY)', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;
  const claims = { name: 'Kepala BKPSDM', agencyId: 'kota-bandar-lestari', roles: ['PENGUSUL'] };
  const sign = (key: CryptoKey, options: { issuer?: string; audience?: string; expires?: string; payload?: Record<string, unknown> } = {}) =>
    new SignJWT(options.payload ?? claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('pengusul.kota-bandar-lestari')
      .setIssuer(options.issuer ?? 'https://sso.example.go.id')
      .setAudience(options.audience ?? 'mutasi-api')
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '1h')
      .sign(key);

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('EdDSA')).privateKey;
    t = await startTestApp({ env: { AUTH_DEV_TOKENS: 'false', AUTH_PUBLIC_KEY: await exportSPKI(pair.publicKey), AUTH_ISSUER: 'https://sso.example.go.id' } });
    http = new MutasiHttp(t.url);
  });
  afterAll(() => t.close());

  const agencies = async (token: string) => (await http.raw('GET', '/api/agencies', undefined, { authorization: `Bearer ${token}` })).status;

  it('accepts a token signed by the identity provider’s key, for the right issuer and audience', async () => {
    expect(await agencies(await sign(privateKey))).toBe(200);
  });

  it('refuses (401) another key, another issuer or audience, an expired token, missing claims, or no token', async () => {
    expect(await agencies(await sign(otherKey))).toBe(401);
    expect(await agencies(await sign(privateKey, { issuer: 'https://evil.example' }))).toBe(401);
    expect(await agencies(await sign(privateKey, { audience: 'another-app' }))).toBe(401);
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('x')
      .setIssuer('https://sso.example.go.id')
      .setAudience('mutasi-api')
      .setIssuedAt(1_000)
      .setExpirationTime(2_000)
      .sign(privateKey);
    expect(await agencies(expired)).toBe(401);
    expect(await agencies(await sign(privateKey, { payload: { name: 'x', roles: ['PENGUSUL'] } }))).toBe(401);
    expect(await agencies(await sign(privateKey, { payload: { ...claims, roles: ['PRESIDEN'] } }))).toBe(401);
    const none = await http.raw('GET', '/api/agencies');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  const unsigned = () =>
    new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA' }).setSubject('pengusul.kota-bandar-lestari').setIssuer('https://sso.example.go.id').setAudience('mutasi-api');
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses (401) a token without exp, one valid for a century, one issued in the future, and one older than the maximum age', async () => {
    const noExp = await unsigned().setIssuedAt().sign(privateKey);
    const noIat = await unsigned().setExpirationTime('1h').sign(privateKey);
    const century = await unsigned()
      .setIssuedAt()
      .setExpirationTime(now() + 100 * 365 * 86_400)
      .sign(privateKey);
    const future = await unsigned()
      .setIssuedAt(now() + 3600)
      .setExpirationTime(now() + 7200)
      .sign(privateKey);
    const old = await unsigned()
      .setIssuedAt(now() - 2 * 86_400)
      .setExpirationTime(now() + 3600)
      .sign(privateKey);
    for (const token of [noExp, noIat, century, future, old]) {
      const answer = await http.raw('GET', '/api/agencies', undefined, { authorization: `Bearer ${token}` });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    const century401 = await http.raw('GET', '/api/agencies', undefined, { authorization: `Bearer ${century}` });
    expect(JSON.stringify(century401.body)).toContain('AUTH_MAX_TOKEN_AGE_SECONDS');
  });

  it('accepts a token at the edges it allows: issued 30 s ahead (clock skew) and living exactly the maximum age', async () => {
    const skewed = await unsigned()
      .setIssuedAt(now() + 30)
      .setExpirationTime(now() + 3600)
      .sign(privateKey);
    expect(await agencies(skewed)).toBe(200);
    const iat = now();
    const longest = await unsigned()
      .setIssuedAt(iat)
      .setExpirationTime(iat + 86_400)
      .sign(privateKey);
    expect(await agencies(longest)).toBe(200);
  });

  it('has no dev sign-in: /api/dev/* answer 404', async () => {
    expect((await http.raw('GET', '/api/dev/users')).status).toBe(404);
    expect((await http.raw('POST', '/api/dev/token', { userId: 'admin.bkn' })).status).toBe(404);
    expect((await http.raw('POST', '/api/dev/clock', { advanceDays: 1 })).status).toBe(404);
  });
});
