import { generateKeyPair, SignJWT } from 'jose';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'https://id.example.test';
const AUDIENCE = 'mutasi';
const CLAIMS = { name: 'Pengusul', agencyId: 'kota-bandar-lestari', roles: ['PENGUSUL'] };

async function signer(): Promise<{ verifier: TokenVerifier; sign: (lifetimeSeconds: number, key?: CryptoKey) => Promise<string>; other: CryptoKey }> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  const other = (await generateKeyPair('EdDSA')).privateKey;
  const sign = (lifetimeSeconds: number, key = privateKey): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(CLAIMS)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('pengusul.kota')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(key);
  };
  return { verifier: TokenVerifier.forKey(publicKey, ISSUER, AUDIENCE), sign, other };
}

describe('verified tokens are remembered for their lifetime only', () => {
  afterEach(() => jest.useRealTimers());

  it('answers a token verified before with the same principal', async () => {
    const { verifier, sign } = await signer();
    const token = await sign(300);
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
    expect(first).toMatchObject({ userId: 'pengusul.kota', agencyId: 'kota-bandar-lestari', roles: ['PENGUSUL'] });
  });

  it('refuses a remembered token once it has expired (beyond the clock tolerance)', async () => {
    // Only the clock is faked: the signature check still runs on real timers and promises.
    jest.useFakeTimers({
      doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate'],
      now: Date.now(),
    });
    const { verifier, sign } = await signer();
    const token = await sign(120);
    await verifier.verify(token);
    jest.setSystemTime(Date.now() + 185_000);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token signed by another key every time, also after a good token with the same claims', async () => {
    const { verifier, sign, other } = await signer();
    await verifier.verify(await sign(300));
    const forged = await sign(300, other);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
