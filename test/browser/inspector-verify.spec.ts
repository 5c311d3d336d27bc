/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { AuditWorkers } from '@mutasi/audit';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { cosignatureLine, cosignerVerifierKey, generateCosignerKey, generateSignerKey, verifierKeyFromSignerKey } from '@mutasi/integrity';
import { attachFile, browserTestApp, click, fill, WebJourney } from '@mutasi/testing/browser';
import type { TestApp } from '@mutasi/testing/app';

/**
 * Journey: the inspector verifies a case IN THE BROWSER (issue 11) from its v2 audit bundle (JSON lines, with the
 * proofs that nothing was left out). The Inspeksi page fetches the case's export and checks it with WebCrypto
 * (Ed25519, SHA-256) against the verifier key the inspector pinned — the page offers the operator's announced key,
 * marked as the operator's claim, and the inspector pastes the one handed over out of band. Then: a key that is not
 * the operator's fails; an upload of the bundle cut short shows "Tidak lengkap" with the missing revisions; a row
 * altered in PostgreSQL shows "Gagal verifikasi" at that revision; with a 2-of-2 witness policy, a bundle cosigned by
 * both witnesses shows who witnessed it, and one cosigned by only one fails the policy.
 *
 * The audit workers are driven by hand (catchUp), not left running: the bundle only covers events the ledger has
 * taken, so the test makes the ledger take all of the case before it looks, with no waiting on timers.
 */
describe('web app journey: the inspector verifies a case in the browser: Terverifikasi, Tidak lengkap, Gagal verifikasi', () => {
  let t: TestApp;
  let browser: Browser;
  let http: MutasiHttp;
  let dir: string;

  const env = browserTestApp({ workers: false });
  beforeAll(() => {
    ({ t, browser, http } = env);
    dir = mkdtempSync(join(tmpdir(), 'mutasi-inspector-verify-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies the decreed case with the pinned key, refuses a wrong key, names revisions cut off and the revision altered, and applies a witness policy', async () => {
    const driver = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await driver.throughApproval();
    await driver.issueDecree();
    const streamId = `transfer-${driver.caseId}`;
    // The ledger takes every event of the case and a tree head is signed over them.
    await t.app.get(AuditWorkers).catchUp();
    const head = (await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {})).body as { treeSize: number };
    const events = (await t.db.query('SELECT event_id::text, revision, type FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [streamId])).rows as {
      event_id: string;
      revision: number;
      type: string;
    }[];
    expect(head.treeSize).toBeGreaterThanOrEqual(events.length);
    // Out of band: the operator gives the inspector the verifier key.
    const { verifierKey } = (await http.raw('GET', '/api/ledger/public-key')).body as { verifierKey: string };
    // The export as a file the inspector keeps: the bundle's lines (header, stream, events, end).
    const exportRes = await fetch(`${t.url}/api/audit/export?caseId=${driver.caseId}`, { headers: { authorization: `Bearer ${await http.token('inspektur.bkn')}` } });
    expect(exportRes.status).toBe(200);
    const lines = (await exportRes.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(events.length + 3);

    const web = await new WebJourney(browser, t.url, 'inspector-verify').start();
    await web.signIn('inspektur.bkn');
    await web.page.click('nav[aria-label="Menu utama"] ::-p-text(Inspeksi)');
    await web.see('Tanda untuk pengawas');
    await fill(web.page, 'Id kasus', driver.caseId);
    await click(web.page, 'Tampilkan');
    await web.see('Verifikasi dan ekspor');
    // Nothing pinned yet: the field holds the operator's announced key, and says it is the operator's claim.
    await web.see('diumumkan operator sendiri');
    expect(await web.page.$eval('#pinned-key', (e) => (e as HTMLInputElement).value)).toBe(verifierKey);
    expect(await web.page.$eval('#witness-policy-hint', (e) => (e as HTMLElement).innerText)).toContain('Tanpa kebijakan saksi');
    await web.shot('kunci-klaim-operator');

    // The inspector pastes the key received out of band: it is theirs now.
    await fill(web.page, 'Kunci verifikator yang disematkan', verifierKey);
    await click(web.page, 'Verifikasi catatan');
    const verified = await verdict(web, 'Terverifikasi');
    expect(verified).toContain(`${events.length} peristiwa dalam 1 aliran utuh dan lengkap`);
    expect(verified).toContain(`kasus ${driver.caseId}`);
    expect(verified).toContain('Disematkan oleh Anda');
    expect(verified).toContain('tanpa kebijakan saksi');
    expect(verified).not.toContain('Gagal');
    await web.shot('terverifikasi');

    // The key stays pinned in this browser, and the checkpoint that verified is kept: later bundles must extend it.
    await web.page.reload();
    await web.see('Verifikasi dan ekspor');
    expect(await web.page.$eval('#pinned-key', (e) => (e as HTMLInputElement).value)).toBe(verifierKey);
    await web.see(`Checkpoint yang disimpan di peramban ini: ukuran ${head.treeSize}`);

    // A key that is not the operator's (same name, another key pair) never verifies, though the bundle brings the right one.
    const wrongKey = verifierKeyFromSignerKey(generateSignerKey(verifierKey.split('+')[0] as string));
    await fill(web.page, 'Kunci verifikator yang disematkan', wrongKey);
    await click(web.page, 'Verifikasi catatan');
    const refused = await verdict(web, 'Gagal verifikasi');
    expect(refused).toContain('Bundel menyebut kunci lain KEY_NOT_PINNED');
    expect(refused).toContain('kunci lain bernama');
    expect(refused).not.toContain('Terverifikasi');
    await web.shot('kunci-salah');

    await fill(web.page, 'Kunci verifikator yang disematkan', verifierKey);
    await click(web.page, 'Verifikasi catatan');
    await verdict(web, 'Terverifikasi');

    // A download cut off before its last two events (and its end line): the checkpoint proves they exist.
    const last = events.length - 1;
    const cut = join(dir, `mutasi-audit-${driver.caseId}-terpotong.jsonl`);
    writeFileSync(cut, `${lines.slice(0, -3).join('\n')}\n`);
    await attachFile(web.page, 'Unggah bundel', cut);
    const incomplete = await verdict(web, 'Tidak lengkap');
    expect(incomplete).toContain(`${streamId}: revisi ${last - 1}–${last} hilang`);
    expect(incomplete).toContain('Revisi hilang REVISIONS_MISSING');
    expect(incomplete).toContain('Bundel terpotong CUT_SHORT');
    expect(incomplete).not.toContain('Terverifikasi');
    await web.shot('tidak-lengkap');

    // Whoever controls the database changes what the employee was told, the way test/e2e/tamper-detection.spec.ts does.
    const altered = events.find((e) => e.type === 'EmployeeNotified.v1') as { event_id: string; revision: number; type: string };
    await t.db.query(`UPDATE event_store.events SET data = jsonb_set(data, '{message}', '"pesan lain"') WHERE event_id = $1`, [altered.event_id]);
    await click(web.page, 'Verifikasi catatan');
    const failed = await verdict(web, 'Gagal verifikasi');
    expect(failed).toContain(`Isi peristiwa diubah HASH_MISMATCH · aliran ${streamId} revisi ${altered.revision}: isi peristiwa telah diubah`);
    expect(failed).toMatch(new RegExp(`Tidak termuat dalam pohon bertanda tangan NOT_IN_TREE · daun \\d+: aliran ${streamId} revisi ${altered.revision}: tidak termuat`));
    expect(failed).not.toContain('Terverifikasi');
    expect(failed).not.toMatch(new RegExp(`revisi (?!${altered.revision}\\b)\\d+`));
    await web.shot('gagal-verifikasi');

    // Two witnesses cosign the checkpoint of the file kept before the row was altered; the inspector asks for both.
    const [a, b] = [generateCosignerKey('saksi.inspektorat.example'), generateCosignerKey('saksi.ombudsman.example')];
    const cosigned = (...keys: string[]): string => {
      const header = JSON.parse(lines[0] as string) as { treeHead: { checkpoint: string } };
      const note = header.treeHead.checkpoint;
      header.treeHead.checkpoint = note + keys.map((k) => cosignatureLine(k, note.slice(0, note.indexOf('\n\n') + 1), new Date())).join('');
      const file = join(dir, `mutasi-audit-${driver.caseId}-${keys.length}-saksi.jsonl`);
      writeFileSync(file, `${[JSON.stringify(header), ...lines.slice(1)].join('\n')}\n`);
      return file;
    };
    await fill(web.page, 'Kebijakan saksi', `2 of ${cosignerVerifierKey(a)} ${cosignerVerifierKey(b)}`);
    await attachFile(web.page, 'Unggah bundel', cosigned(a, b));
    const witnessed = await verdict(web, 'Terverifikasi');
    expect(witnessed).toContain('Disaksikan oleh saksi.inspektorat.example');
    expect(witnessed).toContain('saksi.ombudsman.example');
    expect(witnessed).toContain('kebijakan Anda meminta 2 dari 2 saksi');
    await web.shot('disaksikan');
    await attachFile(web.page, 'Unggah bundel', cosigned(a));
    const unwitnessed = await verdict(web, 'Gagal verifikasi');
    expect(unwitnessed).toContain('Kebijakan saksi tidak terpenuhi WITNESS_POLICY');
    expect(unwitnessed).toContain('tidak ada kesaksian dari saksi.ombudsman.example');
    await web.shot('saksi-kurang');
    await web.close();

    expect(web.violations).toEqual([]);
  }, 300_000);
});

/** Waits for the ledger check's verdict (the check clears the last one when it starts) and returns what the live region says. */
async function verdict(web: WebJourney, expected: string): Promise<string> {
  await web.page
    .waitForFunction((want: string) => document.querySelector('.ledger-result strong')?.textContent === want, { timeout: 30_000 }, expected)
    .catch(async () => {
      throw new Error(`the ledger check never said "${expected}": ${await statusText(web)}`);
    });
  return statusText(web);
}

/** What the ledger check's live region says. */
function statusText(web: WebJourney): Promise<string> {
  return web.page.$eval('.ledger-check [role="status"]', (e) => (e as HTMLElement).innerText);
}
