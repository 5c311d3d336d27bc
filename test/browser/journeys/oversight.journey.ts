/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AGENCY, CaseDriver, DEMO_NIP, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { employeeFile } from '@mutasi/testing/app';
import { attachFile, JourneyEnv, testDocument, WebJourney } from '@mutasi/testing/browser';

/** Chooses the file in Admin's file field and waits until its text is in the box. */
async function chooseFile(web: WebJourney, path: string, contents: string): Promise<void> {
  await attachFile(web.page, 'Berkas JSON', path);
  await web.page
    .waitForFunction((text: string) => (document.querySelector('#isi-berkas') as HTMLTextAreaElement | null)?.value === text, { timeout: 10_000 }, contents)
    .catch(async (e: unknown) => {
      const value = await web.page.$eval('#isi-berkas', (el) => (el as HTMLTextAreaElement).value.slice(0, 300));
      throw new Error(`the file's text did not reach the box (${String(e)}); it holds: ${value}`);
    });
}
/** Task 17: KEPALA_BKN freezes a case and unfreezes it, then revokes its decree; nobody else is offered these. */
export async function oversightJourney(env: JourneyEnv): Promise<void> {
  const d = new CaseDriver(env.http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
  await d.throughApproval();
  await d.issueDecree();
  const web = await env.journey('pengawasan-bkn');
  await web.signIn(d.person('PPK', AGENCY.bandarLestari, 'APPOINTMENT'));
  await web.goto(`/kasus/${d.caseId}`, 'Catat pelantikan');
  expect(await web.page.evaluate(() => document.body.innerText.includes('Bekukan'))).toBe(false);
  await web.signIn('kepala-bkn.bkn');
  await web.goto(`/kasus/${d.caseId}`, 'Bekukan');
  await web.act('Bekukan', { fields: { Alasan: 'laporan dugaan intervensi', 'Nomor surat': 'B/100/BKN/2026' } });
  await web.see('Dibekukan');
  await web.shot('dibekukan');
  await web.act('Cairkan', { fields: { Alasan: 'pemeriksaan selesai', 'Nomor surat': 'B/101/BKN/2026' } });
  await web.see('SK terbit');
  await web.act('Cabut SK', { fields: { Alasan: 'SK terbit tanpa pertimbangan teknis yang sah', 'Nomor surat': 'B/102/BKN/2026' } });
  await web.see('SK dicabut');
  await web.shot('sk-dicabut');
  await web.close();
  expect(((await env.http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as { status: string }).status).toBe('REVOKED');
  expect(web.violations).toEqual([]);
}

/** Task 21: ADMIN previews an import, sees every error with nothing written, then applies a good file. */
export async function adminImportJourney(env: JourneyEnv): Promise<void> {
  const good = await employeeFile(env.http, SAMPLE_NIP.clean, { name: 'Andi Pratama, S.Sos.' });
  const bad = { employees: [{ ...good.employees[0], nip: '12-not-a-nip', golongan: 'X/z' }] };
  const goodFile = join(dirname(testDocument()), 'impor-baik.json');
  const badFile = join(dirname(goodFile), 'impor-galat.json');
  writeFileSync(goodFile, JSON.stringify(good));
  writeFileSync(badFile, JSON.stringify(bad));
  const web = await env.journey('admin-impor');
  await web.signIn('admin.bkn');
  await web.see('Impor data referensi');
  await chooseFile(web, badFile, JSON.stringify(bad));
  await web.act('Pratinjau');
  await web.see('employees[0].nip');
  await web.see('employees[0].golongan');
  await web.shot('pratinjau-galat');
  await chooseFile(web, goodFile, JSON.stringify(good));
  await web.act('Pratinjau');
  await web.see('Andi Pratama, S.Sos.');
  await web.shot('pratinjau-perubahan');
  const before = ((await env.http.as('admin.bkn', 'GET', `/api/employees/${SAMPLE_NIP.clean}`)).body as { name: string }).name;
  expect(before).toBe('Andi Pratama');
  await web.act('Terapkan impor');
  await web.see('Impor diterapkan');
  await web.shot('impor-diterapkan');
  await web.close();
  expect(((await env.http.as('admin.bkn', 'GET', `/api/employees/${SAMPLE_NIP.clean}`)).body as { name: string }).name).toBe('Andi Pratama, S.Sos.');
  expect(web.violations).toEqual([]);
}

/** Tasks 20 and 22: the inspector follows the dashboards, live; every signed-in user reads the merit criteria. */
export async function dashboardAndCriteriaJourney(env: JourneyEnv): Promise<void> {
  const web = await env.journey('dasbor-kriteria');
  await web.signIn('inspektur.bkn');
  await web.goto('/dasbor', 'Kasus berjalan per tahap');
  await web.see('Langsung: diperbarui otomatis');
  await web.see('Keseimbangan beban kerja');
  await web.shot('dasbor');
  await web.signIn(`pns.${DEMO_NIP.sameProvince}`);
  await web.goto('/kriteria', 'Unsur penilaian dan bobotnya');
  await web.shot('kriteria');
  await web.close();
  expect(web.violations).toEqual([]);
}
