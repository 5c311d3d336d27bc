import { beforeEach, describe, expect, it } from '@jest/globals';
import { SESSION_OF_TOKEN, SESSION_STORAGE_KEY } from '../../../../libs/platform/src/gateway/token-sign-in-page';
import { currentSession, sessionFromToken } from './session';

/** An unsigned token with these claims (the page and the session read claims; the services check signatures). */
function tokenWith(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${part({ alg: 'EdDSA' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const sessionOfToken = new Function(`return (${SESSION_OF_TOKEN});`)() as (token: string, now: number) => unknown;

/**
 * The gateway's /masuk-token page (libs/platform/src/gateway) writes the session this app keeps: same storage key,
 * same shape, so a token pasted there opens the same session as a sign-in here.
 */
describe('the gateway token sign-in page and the web app session', () => {
  beforeEach(() => sessionStorage.clear());

  it('stores what currentSession reads back as the session of that token', () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    for (const claims of [
      { sub: 'inspektur.bkn', name: 'Inspektur Ratna Dewi', agencyId: 'bkn', roles: ['INSPEKTUR'], exp },
      { sub: 'pns.199001012020121001', name: 'Siti Rahmawati', agencyId: 'kota-bandar-lestari', roles: ['PNS'], nip: '199001012020121001', exp },
    ]) {
      const token = tokenWith(claims);
      sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sessionOfToken(token, Date.now())));
      expect(currentSession()).toEqual(sessionFromToken(token));
    }
  });

  it('refuses what is not a Mutasi token, and an expired one, in Indonesian', () => {
    expect(() => sessionOfToken('"eyJhbGciOi', Date.now())).toThrow(/bukan token/);
    expect(() => sessionOfToken(tokenWith({ sub: 'x' }), Date.now())).toThrow(/tidak memuat pengguna/);
    expect(() => sessionOfToken(tokenWith({ sub: 'x', agencyId: 'bkn', roles: [], exp: 1 }), Date.now())).toThrow(/kedaluwarsa/);
  });
});
