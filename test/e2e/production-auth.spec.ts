import { exportSPKI, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { MutasiHttp } from '@mutasi/demo-data';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/** Production sign-in: tokens verified with a public key, issuer and audience checked; no dev endpoints. */
describe('production sign-in (AUTH_PUBLIC_KEY)', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let privateKey: KeyLike;
  let otherKey: KeyLike;
  const claims = { name: 'Kepala BKPSDM', agencyId: 'kota-bandar-lestari', roles: ['PENGUSUL'] };
  const sign = (key: KeyLike, options: { issuer?: string; audience?: string; expires?: string; payload?: Record<string, unknown> } = {}) =>
    new SignJWT(options.payload ?? claims).setProtectedHeader({ alg: 'EdDSA' }).setSubject('pengusul.kota-bandar-lestari')
      .setIssuer(options.issuer ?? 'https://sso.example.go.id').setAudience(options.audience ?? 'mutasi-api').setIssuedAt().setExpirationTime(options.expires ?? '1h').sign(key);

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
    const expired = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA' }).setSubject('x').setIssuer('https://sso.example.go.id').setAudience('mutasi-api').setIssuedAt(1_000).setExpirationTime(2_000).sign(privateKey);
    expect(await agencies(expired)).toBe(401);
    expect(await agencies(await sign(privateKey, { payload: { name: 'x', roles: ['PENGUSUL'] } }))).toBe(401);
    expect(await agencies(await sign(privateKey, { payload: { ...claims, roles: ['PRESIDEN'] } }))).toBe(401);
    const none = await http.raw('GET', '/api/agencies');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('has no dev sign-in: /api/dev/* answer 404', async () => {
    expect((await http.raw('GET', '/api/dev/users')).status).toBe(404);
    expect((await http.raw('POST', '/api/dev/token', { userId: 'admin.bkn' })).status).toBe(404);
    expect((await http.raw('POST', '/api/dev/clock', { advanceDays: 1 })).status).toBe(404);
  });
});
