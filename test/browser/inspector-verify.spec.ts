/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import type { Browser } from 'puppeteer-core';
import { AuditWorkers } from '@mutasi/audit';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { generateSignerKey, verifierKeyFromSignerKey } from '@mutasi/integrity';
import { browserTestApp, click, fill, WebJourney } from '@mutasi/testing/browser';
import type { TestApp } from '@mutasi/testing/app';

/**
 * Journey: the inspector verifies a case IN THE BROWSER (issue 11). The Inspeksi page fetches the case's audit bundle
 * and checks it with WebCrypto (Ed25519, SHA-256) against the verifier key the inspector pinned, which the test hands
 * over out of band (GET /api/audit/ledger/public-key), as the operator would. Then a row is altered in the database
 * and the same click shows the failure at the altered revision; a pinned key that is not the operator's fails too.
 *
 * The audit workers are driven by hand (catchUp), not left running: the bundle only covers events the ledger has
 * taken, so the test makes the ledger take all of the case before it looks, with no waiting on timers.
 */
describe('web app journey: the inspector verifies a case in the browser and sees it fail after a row is altered', () => {
  let t: TestApp;
  let browser: Browser;
  let http: MutasiHttp;

  const env = browserTestApp({ workers: false });
  beforeAll(() => {
    ({ t, browser, http } = env);
  });

  it('verifies the decreed case with the pinned key, refuses a wrong key, and names the revision altered in the database', async () => {
    const driver = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await driver.throughApproval();
    await driver.issueDecree();
    const streamId = `transfer-${driver.caseId}`;
    // The ledger takes every event of the case and a tree head is signed over them.
    await t.app.get(AuditWorkers).catchUp();
    const head = (await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {})).body as { treeSize: number };
    const events = (await t.db.query('SELECT event_id::text, revision, type FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [streamId])).rows as { event_id: string; revision: number; type: string }[];
    const leaves = (await t.db.query('SELECT max(leaf_index)::int AS last, count(*)::int AS n FROM ledger_leaves WHERE stream_id = $1', [streamId])).rows[0] as { last: number; n: number };
    expect(leaves.n).toBe(events.length);
    expect(head.treeSize).toBeGreaterThan(leaves.last);
    // Out of band: the operator gives the inspector the verifier key.
    const { verifierKey } = (await http.as('inspektur.bkn', 'GET', '/api/audit/ledger/public-key')).body as { verifierKey: string };

    const web = await new WebJourney(browser, t.url, 'inspector-verify').start();
    await web.signIn('inspektur.bkn');
    await web.page.click('nav[aria-label="Menu utama"] ::-p-text(Inspeksi)');
    await web.see('Tanda untuk pengawas');
    await fill(web.page, 'Id kasus', driver.caseId);
    await click(web.page, 'Tampilkan');
    await web.see('Verifikasi dan ekspor');
    await fill(web.page, 'Kunci verifikator yang disematkan', verifierKey);
    await click(web.page, 'Verifikasi catatan');
    await web.see('Terverifikasi');
    const verified = await statusText(web);
    expect(verified).toContain(`Terverifikasi: ${events.length} peristiwa kasus ini`);
    expect(verified).not.toContain('Gagal');
    await web.shot('terverifikasi');

    // The key stays pinned in this browser.
    await web.page.reload();
    await web.see('Verifikasi dan ekspor');
    expect(await web.page.$eval('#pinned-key', (e) => (e as HTMLInputElement).value)).toBe(verifierKey);

    // A key that is not the operator's (same name, another key pair) never verifies, though the bundle brings the right one.
    const wrongKey = verifierKeyFromSignerKey(generateSignerKey(verifierKey.split('+')[0] as string));
    await fill(web.page, 'Kunci verifikator yang disematkan', wrongKey);
    await click(web.page, 'Verifikasi catatan');
    await web.see('Gagal verifikasi');
    const refused = await statusText(web);
    expect(refused).toContain('kunci lain bernama');
    expect(refused).not.toContain('Terverifikasi');
    await web.shot('kunci-salah');

    await fill(web.page, 'Kunci verifikator yang disematkan', verifierKey);
    await click(web.page, 'Verifikasi catatan');
    await web.see('Terverifikasi');

    // Whoever controls the database changes what the employee was told, the way test/e2e/tamper-detection.spec.ts does.
    const altered = events.find((e) => e.type === 'EmployeeNotified.v1') as { event_id: string; revision: number; type: string };
    await t.db.query(`UPDATE event_store.events SET data = jsonb_set(data, '{message}', '"pesan lain"') WHERE event_id = $1`, [altered.event_id]);
    await click(web.page, 'Verifikasi catatan');
    await web.see('Gagal verifikasi');
    const failed = await statusText(web);
    expect(failed).toContain(`${streamId} revisi ${altered.revision}: isi peristiwa telah diubah`);
    expect(failed).toContain(`${streamId} revisi ${altered.revision} (daun `);
    expect(failed).not.toContain('Terverifikasi');
    expect(failed).not.toMatch(new RegExp(`revisi (?!${altered.revision}\\b)\\d+`));
    await web.shot('gagal-verifikasi');
    await web.close();

    expect(web.violations).toEqual([]);
  }, 300_000);
});

/** What the ledger check's live region says. */
function statusText(web: WebJourney): Promise<string> {
  return web.page.$eval('.ledger-check [role="status"]', (e) => (e as HTMLElement).innerText);
}
