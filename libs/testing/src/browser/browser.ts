/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';

type PackagedChromium = { executablePath(): Promise<string>; args: string[] };

async function packagedChromium(): Promise<PackagedChromium> {
  const chromiumModule = (await import('@sparticuz/chromium')) as unknown as PackagedChromium & { default?: PackagedChromium };
  return chromiumModule.default ?? chromiumModule;
}

/**
 * The Chromium the tests run: `CHROMIUM_PATH` when set (e.g. Debian's chromium), else the one the `@sparticuz/chromium`
 * package ships, unpacked into the temporary folder on first use. A jest globalSetup calls this once and sets
 * `CHROMIUM_PATH` for the workers, so two test files never unpack it at the same time (that fails with ETXTBSY).
 */
export async function chromiumExecutable(): Promise<string> {
  return process.env.CHROMIUM_PATH ?? (await (await packagedChromium()).executablePath());
}

/** A real, headless Chromium for the browser tests (see `chromiumExecutable`); loopback only. */
export async function launchBrowser(): Promise<Browser> {
  const puppeteer = await import('puppeteer-core');
  const chromium = await packagedChromium();
  const executablePath = await chromiumExecutable();
  // The package's flags are for serverless functions: one process, web security off. The tests want a normal browser
  // (several contexts, same-origin rules, CSP), so those flags are dropped.
  const args = chromium.args.filter((a) => !['--single-process', '--disable-web-security', '--allow-running-insecure-content'].includes(a));
  return puppeteer.default.launch({ executablePath, headless: true, args: [...args, '--lang=id-ID'], defaultViewport: { width: 1280, height: 900 } });
}

/** Where screenshots go: test-artifacts/screens/<journey>/NN-<step>.png (not committed). */
export class Screens {
  private n = 0;
  readonly dir: string;

  constructor(journey: string) {
    this.dir = join(process.cwd(), 'test-artifacts', 'screens', journey);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  async shot(page: Page, step: string): Promise<string> {
    this.n += 1;
    const file = join(this.dir, `${String(this.n).padStart(2, '0')}-${step}.png`);
    writeFileSync(file, await page.screenshot({ fullPage: true }));
    return file;
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

/** axe-core's WCAG 2.1 A and AA checks on the page as it is; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  })) as { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** The first visible button whose accessible text starts with `name` (exact names first), or a clear failure. */
export async function button(page: Page, name: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  const handle = await page
    .waitForFunction(
      (wanted: string) => {
        const buttons = [...document.querySelectorAll('button, a.btn, summary')].filter((b) => (b as HTMLElement).offsetParent !== null || b.closest('[role="dialog"]'));
        const text = (b: Element) => (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim();
        return buttons.find((b) => text(b) === wanted) ?? buttons.find((b) => text(b).startsWith(wanted)) ?? null;
      },
      { timeout },
      name,
    )
    .catch(() => {
      throw new Error(`no button named "${name}" on ${page.url()}`);
    });
  return handle as ElementHandle<Element>;
}

export async function click(page: Page, name: string): Promise<void> {
  const b = await button(page, name);
  await b.click();
}

/** Types into the field whose label starts with `label` (inside an open dialog when there is one). */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const id = await page
    .waitForFunction(
      (wanted: string) => {
        const scope = document.querySelector('[role="dialog"]') ?? document;
        const l = [...scope.querySelectorAll('label')].find((x) => (x.textContent ?? '').trim().startsWith(wanted));
        return l?.htmlFor || null;
      },
      { timeout: 10_000 },
      label,
    )
    .then((h) => h.jsonValue() as Promise<string>)
    .catch(() => {
      throw new Error(`no field labelled "${label}" on ${page.url()}`);
    });
  const el = await page.$(`[id="${id}"]`);
  if (!el) throw new Error(`field ${label} vanished`);
  const tag = await el.evaluate((e) => e.tagName);
  if (tag === 'SELECT') {
    const chosen = await page.select(`[id="${id}"]`, value);
    if (!chosen.includes(value)) throw new Error(`the choice "${value}" is not offered in "${label}"`);
  } else {
    await el.click({ clickCount: 3 });
    await el.evaluate((e) => {
      (e as HTMLInputElement).value = '';
    });
    await el.type(value);
  }
}

/** Chooses a file for the file field labelled `label`. */
export async function attachFile(page: Page, label: string, path: string): Promise<void> {
  const id = await page.evaluate((wanted: string) => {
    const scope = document.querySelector('[role="dialog"]') ?? document;
    return [...scope.querySelectorAll('label')].find((x) => (x.textContent ?? '').trim().startsWith(wanted))?.htmlFor ?? null;
  }, label);
  if (!id) throw new Error(`no file field labelled "${label}"`);
  const input = (await page.$(`[id="${id}"]`)) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`file field ${label} vanished`);
  await input.uploadFile(path);
}

/** Waits until the page shows `text` somewhere (in the main content or a dialog). */
export async function see(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page
    .waitForFunction((t: string) => document.body.innerText.includes(t), { timeout }, text)
    .catch(async () => {
      throw new Error(`"${text}" never appeared on ${page.url()}; the page says: ${(await page.evaluate(() => document.body.innerText)).slice(0, 1500)}`);
    });
}

/** Waits until no dialog is open (the action was accepted). */
export async function dialogClosed(page: Page, timeout = 15_000): Promise<void> {
  await page
    .waitForFunction(() => document.querySelector('[role="dialog"]') === null, { timeout })
    .catch(async () => {
      throw new Error(`the dialog stayed open: ${(await page.evaluate(() => document.querySelector('[role="dialog"]')?.textContent ?? '')).slice(0, 800)}`);
    });
}
