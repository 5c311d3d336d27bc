/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENCY, CaseDriver, DEMO_NIP, positionId } from '@mutasi/demo-data';
import { cosignatureLine, cosignerVerifierKey, generateCosignerKey, generateSignerKey, verifierKeyFromSignerKey } from '@mutasi/integrity';
import { eventually } from '@mutasi/testing';
import { attachFile, click, fill, JourneyEnv, WebJourney } from '@mutasi/testing/browser';

/**
 * Tasks 18 and 19: the inspector verifies a case IN THE BROWSER (issue 11) from its v2 audit bundle (JSON lines, with
 * the proofs that nothing was left out). The Inspeksi page fetches the case's export and checks it with WebCrypto
 * (Ed25519, SHA-256) against the verifier key the inspector pinned — the page offers the operator's announced key,
 * marked as the operator's claim, and the inspector pastes the one handed over out of band. Then: a key that is not
 * the operator's fails; an upload of the bundle cut short shows "Tidak lengkap" with the missing revisions; a row
 * altered in PostgreSQL shows "Gagal verifikasi" at that revision; with a 2-of-2 witness policy, a bundle cosigned by
 * both witnesses shows who witnessed it, and one cosigned by only one fails the policy.
 *
 * `move` is the case's target position and employee (another pair where the same deployment runs other journeys).
 * `ledgerTaken` makes the ledger take what is in the store (standalone drives its audit workers by hand, so there is
 * no waiting on timers; in distributed mode audit-service's own workers do it, and the journey waits for them).
 */
export async function inspectorVerifyJourney(
  env: JourneyEnv,
  ledgerTaken: () => Promise<void>,
  move = { target: positionId(AGENCY.bandarLestari, 'auditor'), nip: DEMO_NIP.internal as string },
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mutasi-inspector-verify-'));
  try {
    const driver = new CaseDriver(env.http, move.target, move.nip);
    await driver.throughApproval();
    await driver.issueDecree();
    const streamId = `transfer-${driver.caseId}`;
    const events = (await env.query('SELECT event_id::text, revision, type FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [streamId])).rows as {
      event_id: string;
      revision: number;
      type: string;
    }[];
    // Out of band: the operator gives the inspector the verifier key.
    const { verifierKey } = (await env.http.raw('GET', '/api/ledger/public-key')).body as { verifierKey: string };
    // The ledger takes every event of the case and a tree head is signed over them; the export, a file the inspector
    // keeps, then holds them all: the bundle's lines (header, stream, events, end). A live ledger (distributed mode)
    // may sign newer checkpoints meanwhile, so the size kept below is at least this one.
    const exported = (): Promise<{ head: { treeSize: number }; lines: string[] }> =>
      eventually(
        async () => {
          await ledgerTaken();
          const signed = (await env.http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {})).body as { treeSize: number };
          const res = await fetch(`${env.url}/api/audit/export?caseId=${driver.caseId}`, { headers: { authorization: `Bearer ${await env.http.token('inspektur.bkn')}` } });
          expect(res.status).toBe(200);
          const bundle = (await res.text()).trimEnd().split('\n');
          return bundle.length === events.length + 3 ? { head: signed, lines: bundle } : undefined;
        },
        30_000,
        `a signed checkpoint covering the ${events.length} events of case ${driver.caseId}`,
      );
    const { head } = await exported();
    expect(head.treeSize).toBeGreaterThanOrEqual(events.length);

    const web = await env.journey('inspector-verify');
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
    await web.see('Checkpoint yang disimpan di peramban ini: ukuran');
    const kept = /Checkpoint yang disimpan di peramban ini: ukuran ([\d.]+)/.exec(await web.page.evaluate(() => document.body.innerText))?.[1] ?? '';
    expect(Number(kept.replace(/\./g, ''))).toBeGreaterThanOrEqual(head.treeSize);

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
    // The file the inspector keeps is taken now: a bundle older than the checkpoint kept would be refused as stale.
    const { lines } = await exported();

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
    await env.query(`UPDATE event_store.events SET data = jsonb_set(data, '{message}', '"pesan lain"') WHERE event_id = $1`, [altered.event_id]);
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
