/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { CaseDriver, MutasiHttp } from '@mutasi/demo-data';
import { AxeViolation, button, click, dialogClosed, fill, attachFile, Screens, see, seriousViolations } from './browser';

export interface ActInput {
  /** Field label (start of it) → value; selects take the option's value. */
  readonly fields?: Readonly<Record<string, string>>;
  /** Field label → path of a file to choose. */
  readonly files?: Readonly<Record<string, string>>;
}

/**
 * One person's browser in a journey: signs in by clicking their demo button, moves by clicking links and buttons,
 * fills dialogs and sends them with "Kirim", saves a screenshot of every page it sees and runs axe-core on it.
 */
export class WebJourney {
  readonly screens: Screens;
  readonly violations: { page: string; violations: AxeViolation[] }[] = [];
  page!: Page;
  private signInTokens: Readonly<Record<string, string>> | null = null;

  constructor(
    private readonly browser: Browser,
    readonly base: string,
    readonly name: string,
    readonly viewport = { width: 1280, height: 900 },
  ) {
    this.screens = new Screens(name);
  }

  async start(): Promise<this> {
    const context = await this.browser.createBrowserContext();
    this.page = await context.newPage();
    await this.page.setViewport(this.viewport);
    return this;
  }

  /**
   * Signs in with these tokens from now on (distributed mode, where Masuk has no demo buttons): `signIn(userId)` then
   * uses the gateway's token page with the user's token.
   */
  withTokens(tokens: Readonly<Record<string, string>>): this {
    this.signInTokens = tokens;
    return this;
  }

  /** Signs in as `userId` on Masuk (a fresh session: the previous user signs out first), or with their token. */
  async signIn(userId: string): Promise<void> {
    if (this.signInTokens) {
      const token = this.signInTokens[userId];
      if (!token) throw new Error(`no token for ${userId} among the ${Object.keys(this.signInTokens).length} demo users`);
      return this.signInWithToken(token);
    }
    // The previous user signs out (their session ends with the tab's storage), then Masuk loads once.
    if (this.page.url().startsWith(this.base)) await this.page.evaluate(() => sessionStorage.clear());
    await this.page.goto(`${this.base}/app/masuk`);
    await fill(this.page, 'Cari pengguna', userId);
    const handle = await this.page.waitForFunction(
      (id: string) => [...document.querySelectorAll('button')].find((b) => b.querySelector('code')?.textContent === id) ?? null,
      { timeout: 15_000 },
      userId,
    );
    await (handle as unknown as { click(): Promise<void> }).click();
    await this.page.waitForFunction(() => !location.pathname.startsWith('/app/masuk'), { timeout: 15_000 });
  }

  /**
   * Signs in with a token the person holds, as in distributed mode (no demo buttons there): opens the gateway's
   * `/masuk-token#token=…` link, which keeps the token as the web app's session and goes on to the app.
   */
  async signInWithToken(token: string): Promise<void> {
    if (this.page.url().startsWith(this.base)) await this.page.evaluate(() => sessionStorage.clear());
    // A fresh document, so the link's fragment is read even when the page shows /masuk-token already.
    await this.page.goto('about:blank');
    await this.page.goto(`${this.base}/masuk-token#token=${encodeURIComponent(token)}`);
    await this.page
      .waitForFunction(() => location.pathname.startsWith('/app/') && !location.pathname.startsWith('/app/masuk'), { timeout: 15_000 })
      .catch(async () => {
        throw new Error(`the token sign-in did not reach the web app (${this.page.url()}): ${(await this.page.evaluate(() => document.body.innerText)).slice(0, 500)}`);
      });
  }

  async goto(path: string, expectText?: string): Promise<void> {
    await this.page.goto(`${this.base}/app${path}`);
    if (expectText) await see(this.page, expectText);
  }

  /** Clicks the action; when it opens a dialog, fills it and sends it with Kirim, and waits until it is accepted. */
  async act(action: string, input: ActInput = {}): Promise<void> {
    const target = await button(this.page, action).catch(async (error: unknown) => {
      await this.screens.shot(this.page, `gagal-${action.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
      throw error;
    });
    // A button that opens a dialog says so (aria-haspopup); one that acts at once is done when clicked.
    const opensDialog = await target.evaluate((b) => b.getAttribute('aria-haspopup') === 'dialog');
    await target.click();
    if (!opensDialog) return;
    await this.page.waitForSelector('[role="dialog"]', { timeout: 10_000 });
    for (const [label, value] of Object.entries(input.fields ?? {})) await fill(this.page, label, value);
    for (const [label, path] of Object.entries(input.files ?? {})) await attachFile(this.page, label, path);
    await click(this.page, 'Kirim');
    await dialogClosed(this.page);
  }

  /** Clicks the action and fills its dialog, expecting a refusal shown in the dialog; returns the refusal's text. */
  async actRefused(action: string, input: ActInput = {}): Promise<string> {
    await click(this.page, action);
    await this.page.waitForSelector('[role="dialog"]', { timeout: 5_000 });
    for (const [label, value] of Object.entries(input.fields ?? {})) await fill(this.page, label, value);
    await click(this.page, 'Kirim');
    const alert = await this.page.waitForSelector('[role="dialog"] [role="alert"]', { timeout: 15_000 });
    return (await alert?.evaluate((e) => (e as HTMLElement).innerText)) ?? '';
  }

  /** Types into the element once it is there (pages load their data after they render). */
  async type(selector: string, text: string): Promise<void> {
    await this.page.waitForSelector(selector, { timeout: 15_000 });
    await this.page.type(selector, text);
  }

  /**
   * Kasus baru by clicking, as a PENGUSUL: chooses the position, states why (outside the mutation plan) and opens the
   * case with the ABK figures on record; returns the new case's id once its page shows it.
   */
  async openCaseByClicking(targetPositionId: string, reason = 'ABK menunjukkan kekurangan satu pegawai'): Promise<string> {
    await this.goto('/kasus/baru', 'Buka kasus baru');
    await this.page.waitForSelector(`#jabatan option[value="${targetPositionId}"]`, { timeout: 15_000 });
    await this.page.select('#jabatan', targetPositionId);
    await this.see('ABK tercatat');
    await this.type('#pengecualian', 'lowongan terjadi setelah rencana mutasi disusun');
    await this.type('#alasan', reason);
    await this.shot('kasus-baru');
    await this.page.click('button[type="submit"]');
    await this.page.waitForFunction(() => /\/app\/kasus\/[0-9a-f-]{36}$/.test(location.pathname), { timeout: 15_000 });
    await this.see('Analisis kebutuhan diajukan');
    await this.shot('kasus-dibuka');
    return this.page.url().split('/').pop() as string;
  }

  /**
   * Waits until the page shows `text`, reloading it while it does not: for read models that catch up in the background
   * (the inbox is a projection), so the first load may come before them. Bounded; no fixed sleep.
   */
  async seeAfterReloads(text: string, reloads = 60): Promise<void> {
    for (let n = 0; ; n += 1) {
      const shown = await this.page
        .waitForFunction((t: string) => document.body.innerText.includes(t), { timeout: 2_000 }, text)
        .then(
          () => true,
          () => false,
        );
      if (shown) return;
      if (n >= reloads) throw new Error(`"${text}" never appeared on ${this.page.url()} after ${reloads} reloads`);
      await this.page.reload({ waitUntil: 'networkidle0' });
    }
  }

  see(text: string, timeout?: number): Promise<void> {
    return see(this.page, text, timeout);
  }

  /** A screenshot of the page as it is, and an accessibility check of it. */
  async shot(step: string): Promise<void> {
    await this.page.waitForNetworkIdle({ idleTime: 150, timeout: 10_000 }).catch(() => undefined);
    await this.screens.shot(this.page, step);
    const found = await seriousViolations(this.page);
    if (found.length > 0) this.violations.push({ page: `${step} (${this.page.url()})`, violations: found });
    const width = await this.page.evaluate(() => document.documentElement.scrollWidth);
    if (width > this.viewport.width)
      this.violations.push({
        page: `${step} (${this.page.url()})`,
        violations: [{ id: 'horizontal-scroll', impact: 'serious', help: `page is ${width}px wide in a ${this.viewport.width}px viewport`, nodes: 1, targets: [] }],
      });
  }

  /** Writes the accessibility findings next to the screenshots. */
  report(): void {
    writeFileSync(join(this.screens.dir, 'a11y.json'), JSON.stringify(this.violations, null, 2));
  }

  async close(): Promise<void> {
    this.report();
    await this.page.browserContext().close();
  }
}

/** A CaseDriver bound to an existing case, to ask the API who may act next (the browser does the acting). */
export async function driverFor(http: MutasiHttp, caseId: string, targetPositionId: string, nip: string): Promise<CaseDriver & { refresh(): Promise<void> }> {
  const driver = new CaseDriver(http, targetPositionId, nip) as CaseDriver & { refresh(): Promise<void> };
  driver.caseId = caseId;
  driver.refresh = async () => {
    driver.view = (await http.as('inspektur.bkn', 'GET', `/api/transfers/${caseId}`)).body as Record<string, unknown>;
  };
  await driver.refresh();
  return driver;
}
