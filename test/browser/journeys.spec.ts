/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId, SAMPLE_NIP, userIdFor } from '@mutasi/demo-data';
import { browserTestApp, button, WebJourney } from '@mutasi/testing/browser';
import type { TestApp } from '@mutasi/testing/app';

/**
 * Journeys 2–4 of the web app, each done by clicking as the right person: a cross-agency case with a Mendagri overlay
 * and the training it needs; the employee objecting on a phone and the PPK deciding by keyboard alone; and a
 * proposal refused by R-21, shown with its rule and legal basis.
 */
describe('web app journeys', () => {
  let t: TestApp;
  let browser: Browser;
  let http: MutasiHttp;
  const file = join(process.cwd(), 'test-artifacts', 'lampiran-uji.pdf');

  const env = browserTestApp();
  beforeAll(() => {
    ({ t, browser, http } = env);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '%PDF-1.4\n% lampiran uji Mutasi\n');
  });

  it('a cross-agency case with a Mendagri overlay: every step, the training and the decree by clicking', async () => {
    const target = positionId(AGENCY.provNb, 'analis-keuangan');
    const d = new CaseDriver(http, target, DEMO_NIP.surplusFinance);
    await d.open();
    await d.approveNeeds();
    await d.propose({ meritDeviationJustification: 'pegawai kelebihan yang disarankan neraca beban kerja' });
    await d.notify();
    await d.acknowledge();
    await d.completeDocuments();
    await d.submit();
    const chain = d.view.approvalChain as { role: string; ruleIds: string[] }[];
    expect(chain.find((s) => s.role === 'MENDAGRI')?.ruleIds).toContain('R-45');
    const web = await new WebJourney(browser, t.url, 'lintas-instansi-mendagri').start();
    for (;;) {
      const step = d.activeStep();
      if (!step || step.kind === 'DECREE') break;
      await web.signIn(d.stepPerson(step));
      await web.goto('/', 'Kotak masuk');
      await web.shot(`kotak-masuk-${step.role.toLowerCase()}`);
      await web.goto(`/kasus/${d.caseId}`, 'Rantai persetujuan');
      if (step.role === 'MENDAGRI') {
        await web.see('Persetujuan tertulis');
        await web.shot('langkah-mendagri');
      }
      await web.act('Setujui', { fields: { Catatan: 'disetujui' } });
      d.view = (await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as Record<string, unknown>;
    }
    const training = ((d.view.training as { items: { itemId: string; status: string; mandatory: boolean; dueBy: string | null }[] } | null)?.items ?? []).filter(
      (i) => i.status === 'PLANNED',
    );
    for (const item of training) {
      await web.signIn(userIdFor('PENGUSUL', AGENCY.provNb));
      await web.goto(`/kasus/${d.caseId}`, 'Pengembangan kompetensi');
      await web.act('Catat pelatihan selesai', { fields: { 'Jam pelajaran': '40', Penyelenggara: 'BPSDM Provinsi' }, files: { Sertifikat: file } });
      await web.see('Selesai');
      void item;
    }
    d.view = (await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as Record<string, unknown>;
    const decree = d.activeStep();
    await web.signIn(d.person(decree?.role as never, decree?.agencyId as string, 'DECREE'));
    await web.goto(`/kasus/${d.caseId}`, 'Terbitkan SK');
    await web.act('Terbitkan SK', { fields: { 'Nomor SK': `821/SK/${d.caseId.slice(0, 8)}` }, files: { 'Berkas SK': file } });
    await web.see('SK terbit');
    await web.shot('sk-lintas-instansi');
    await web.close();
    expect(((await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as { status: string }).status).toBe('DECREED');
    expect(web.violations).toEqual([]);
  }, 600_000);

  it('the employee objects on a phone with a reason and an attachment; the PPK decides with the keyboard alone', async () => {
    const d = new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
    await d.open();
    await d.approveNeeds();
    await d.propose();
    await d.notify();
    const phone = await new WebJourney(browser, t.url, 'keberatan-pegawai', { width: 390, height: 844 }).start();
    await phone.signIn(`pns.${DEMO_NIP.sameProvince}`);
    await phone.see('Mutasi saya');
    await phone.shot('mutasi-saya-ponsel');
    await phone.goto(`/kasus/${d.caseId}`, 'Ajukan keberatan');
    await phone.shot('kasus-ponsel');
    await phone.act('Ajukan keberatan', { fields: { Alasan: 'Saya sedang merawat orang tua yang sakit di kota ini' }, files: { 'Lampiran bukti': file } });
    await phone.see('Keberatan diajukan');
    await phone.shot('keberatan-diajukan');
    await phone.close();

    const web = await new WebJourney(browser, t.url, 'keputusan-keberatan').start();
    const ppk = d.person('PPK', AGENCY.provNb, 'OBJECTION_DECISION');
    await web.signIn(ppk);
    await web.seeAfterReloads('Putuskan keberatan');
    await web.shot('kotak-masuk-ppk');
    await web.goto(`/kasus/${d.caseId}`, 'Saya sedang merawat orang tua');
    const decide = await button(web.page, 'Putuskan keberatan');
    await decide.focus();
    await web.page.keyboard.press('Enter');
    await web.page.waitForSelector('[role="dialog"]');
    // Radix puts the focus on the first field; the rest is Tab, arrows and Enter.
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.type('Alasan keluarga tidak menghalangi; tempat tugas baru satu kota');
    await web.shot('dialog-keberatan');
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.press('Tab');
    const focused = await web.page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Kirim');
    await web.page.keyboard.press('Enter');
    await web.page.waitForFunction(() => document.querySelector('[role="dialog"]') === null);
    await web.see('Sosialisasi selesai');
    await web.shot('keberatan-diputus');
    await web.close();
    const view = (await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as { status: string };
    expect(view.status).toBe('SOCIALISED');
    expect([...phone.violations, ...web.violations]).toEqual([]);
    await d.end();
  }, 300_000);

  it('R-21 refuses a self-requested move to another agency within ten years: the dialog names the rule and its legal basis; a DINAS proposal of the same employee passes', async () => {
    const d = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock);
    await d.open();
    await d.approveNeeds();
    const web = await new WebJourney(browser, t.url, 'usulan-ditolak-r21').start();
    await web.signIn(userIdFor('PENGUSUL', AGENCY.bandarLestari));
    await web.goto(`/kasus/${d.caseId}`, 'Kandidat');
    await web.type('#cari-kandidat', 'Rina Wulandari');
    await web.see('Rina Wulandari');
    const refusal = await web.actRefused('Usulkan kandidat Rina Wulandari', { fields: { Prakarsa: 'PERMINTAAN_SENDIRI', 'Alasan usulan': 'atas permintaan pegawai' } });
    expect(refusal).toContain('R-21');
    expect(refusal).toContain('PermenPAN-RB 6/2024 Pasal 59');
    await web.shot('penolakan-r21');
    await web.page.keyboard.press('Escape');
    await web.act('Usulkan kandidat Rina Wulandari', { fields: { Prakarsa: 'DINAS', 'Alasan usulan': 'kebutuhan dinas' } });
    await web.see('Kandidat diusulkan');
    await web.close();
    expect(web.violations).toEqual([]);
    await d.end();
  }, 300_000);
});
