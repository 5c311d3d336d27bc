import type { Browser, Page } from 'puppeteer-core';
import { startTestApp, TestApp } from '@mutasi/testing/app';
import { launchBrowser } from '../../libs/testing/src/browser/browser';
import { startTestOidcProvider, TestOidcProvider } from '../../libs/testing/src/oidc';

/** Production sign-in in a real Chromium (docs/sign-in.md): the web app, a real OIDC provider, the API between. */
describe('signing in with the agency’s SSO at /app/masuk', () => {
  let provider: TestOidcProvider;
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    provider = await startTestOidcProvider();
    t = await startTestApp({ env: await provider.serverEnv() });
    await provider.registerWebApp(t.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await provider?.close();
  });

  /** Clicks and waits for the page it leads to (a full navigation: to the provider, within it, or back). */
  async function andNavigate(page: Page, click: () => Promise<void>): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 90_000 }), click()]);
  }

  it('“Masuk dengan SSO instansi” leads to the provider; back at /app/masuk/callback the user is signed in and sees the inbox at /app', async () => {
    const page = await browser.newPage();
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    await page.goto(`${t.url}/app/masuk`, { waitUntil: 'networkidle0' });
    const sso = await page.waitForSelector('::-p-aria(Masuk dengan SSO instansi)');
    await andNavigate(page, () => sso!.click());
    expect(page.url().startsWith(`${provider.issuer}/interaction/`)).toBe(true);

    await page.type('input[name="login"]', 'pengusul.kota-bandar-lestari');
    await page.type('input[name="password"]', 'rahasia');
    await andNavigate(page, () => page.click('button[type="submit"]'));
    // oidc-provider's consent page: the web app asks for openid profile and the API resource.
    await andNavigate(page, () => page.click('button[type="submit"]'));

    await page.waitForFunction(() => location.pathname === '/app' || location.pathname === '/app/');
    await page.waitForSelector('::-p-aria(Kotak masuk[role="heading"])');
    expect(visited.some((url) => url.startsWith(`${t.url}/app/masuk/callback?code=`))).toBe(true);
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('mutasi.session') ?? 'null') as { user: { userId: string; roles: string[] } } | null);
    expect(session?.user).toMatchObject({ userId: 'pengusul.kota-bandar-lestari', roles: ['PENGUSUL'] });
    await page.close();
  });
});
