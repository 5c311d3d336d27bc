/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import { AGENCY, DEMO_NIP, positionId, userIdFor } from '@mutasi/demo-data';
import { driverFor, JourneyEnv, testDocument } from '@mutasi/testing/browser';

/**
 * Journey 1: an INTERNAL case from the needs analysis to the post-transfer evaluation, done only by clicking in the
 * web app as the right person at each step, at the real clock. The evaluation is due half a year after the TMT, so it
 * is recorded where the test may move the server's clock (standalone); elsewhere the journey ends with it scheduled.
 */
export async function internalCaseJourney(env: JourneyEnv): Promise<void> {
  const file = testDocument();
  const target = positionId(AGENCY.bandarLestari, 'auditor');
  const nip = DEMO_NIP.internal;
  const employee = (await env.http.as('inspektur.bkn', 'GET', `/api/employees/${nip}`)).body as { name: string };
  const web = await env.journey('internal-case');

  await web.signIn(userIdFor('PENGUSUL', AGENCY.bandarLestari));
  await web.shot('kotak-masuk-pengusul');
  const caseId = await web.openCaseByClicking(target, 'ABK menunjukkan kekurangan satu auditor');
  const driver = await driverFor(env.http, caseId, target, nip);

  const needsApprover = driver.person('TIM_PENILAI_KINERJA', AGENCY.bandarLestari, 'NEEDS_APPROVAL');
  await web.signIn(needsApprover);
  await web.seeAfterReloads('Setujui analisis kebutuhan');
  await web.shot('kotak-masuk-penilai');
  await web.goto(`/kasus/${caseId}`, 'Tindakan');
  await web.act('Setujui analisis kebutuhan', { fields: { Catatan: 'ABK sudah diperiksa' } });
  await web.see('Menunggu usulan kandidat');

  await web.signIn(userIdFor('PENGUSUL', AGENCY.bandarLestari));
  await web.goto(`/kasus/${caseId}`, 'Kandidat');
  await web.type('#cari-kandidat', employee.name);
  await web.see(employee.name);
  await web.shot('kandidat');
  const pool = (await env.http.as(userIdFor('PENGUSUL', AGENCY.bandarLestari), 'GET', `/api/transfers/${caseId}/candidates`)).body as unknown as {
    candidates: { nip: string; rank: number | null }[];
  };
  const rank = pool.candidates.find((c) => c.nip === nip)?.rank;
  const deviation: Record<string, string> = rank === 1 ? {} : { 'Alasan memilih': 'pengalaman pengelolaan keuangan daerah paling relevan' };
  await web.act(`Usulkan kandidat ${employee.name}`, { fields: { 'Alasan usulan': 'kompetensi audit sesuai', ...deviation } });
  await web.see('Kandidat diusulkan');
  await web.act('Beri tahu pegawai', { fields: { 'Pesan kepada pegawai': 'Anda diusulkan menjadi auditor' } });
  await web.see('Pegawai sudah diberi tahu');

  await web.signIn(`pns.${nip}`);
  await web.see('Mutasi saya');
  await web.shot('mutasi-saya');
  await web.goto(`/kasus/${caseId}`, 'Terima usulan');
  // The employee reads what is proposed and why (Mutasi saya sends them here).
  await web.see('alasan usulan: “kompetensi audit sesuai”');
  await web.shot('kasus-pegawai');
  await web.act('Terima usulan');
  await web.see('Sosialisasi selesai');

  await driver.refresh();
  for (const doc of (driver.view.requiredDocuments as { kind: string; status: string }[]).filter((d) => d.status !== 'APPROVED')) {
    await web.signIn(userIdFor('PENGUSUL', AGENCY.bandarLestari));
    await web.goto(`/kasus/${caseId}`, 'Tindakan');
    await web.act('Unggah dokumen', { fields: { 'Jenis dokumen': doc.kind }, files: { Berkas: file } });
    await driver.refresh();
    await web.signIn(driver.person('VERIFIKATOR', AGENCY.bandarLestari, 'DOCUMENT_VERIFICATION'));
    await web.goto(`/kasus/${caseId}`, 'Verifikasi dokumen');
    await web.act('Verifikasi dokumen', { fields: { Hasil: 'APPROVED', Catatan: 'sesuai' } });
  }
  await web.signIn(userIdFor('PENGUSUL', AGENCY.bandarLestari));
  await web.goto(`/kasus/${caseId}`, 'Ajukan untuk persetujuan');
  await web.act('Ajukan untuk persetujuan');
  await web.see('Dalam persetujuan');
  await web.shot('rantai-persetujuan');

  for (;;) {
    await driver.refresh();
    const step = driver.activeStep();
    if (!step || step.kind === 'DECREE') break;
    if (step.role === 'TIM_PENILAI_KINERJA') {
      // the member who approved the needs analysis holds this office too, but may not take a second decision role.
      await web.signIn(needsApprover);
      await web.goto(`/kasus/${caseId}`, 'R-06, pemisahan tugas');
      await web.shot('r06-penilai-yang-sama');
    }
    await web.signIn(driver.stepPerson(step));
    await web.goto('/', 'Kotak masuk');
    await web.seeAfterReloads((step as { title?: string }).title ?? 'Langkah persetujuan');
    await web.goto(`/kasus/${caseId}`, 'Tindakan');
    await web.act('Setujui', { fields: { Catatan: 'disetujui' } });
  }
  await driver.refresh();
  const decree = driver.activeStep();
  await web.signIn(driver.person(decree?.role as never, decree?.agencyId as string, 'DECREE'));
  await web.goto(`/kasus/${caseId}`, 'Terbitkan SK');
  await web.act('Terbitkan SK', { fields: { 'Nomor SK': `800/SK-MUT/${caseId.slice(0, 8)}` }, files: { 'Berkas SK': file } });
  await web.see('SK terbit');
  await web.shot('sk-terbit');

  await driver.refresh();
  await web.signIn(driver.person('PPK', AGENCY.bandarLestari, 'APPOINTMENT'));
  await web.goto(`/kasus/${caseId}`, 'Catat pelantikan');
  await web.act('Catat pelantikan', { fields: { 'Nomor berita acara': `BA/${caseId.slice(0, 8)}` } });
  await web.see('Sudah dilantik');
  await driver.placed();

  await driver.refresh();
  const firstDue = driver.evaluationsDue()[0];
  if (!firstDue) throw new Error('the appointment scheduled no evaluation');
  if (!env.setClock) {
    await web.see('belum dicatat');
    await web.shot('evaluasi-terjadwal');
    await web.close();
    expect(web.violations).toEqual([]);
    return;
  }
  env.setClock(new Date(`${firstDue.dueOn}T03:00:00.000Z`));
  // The scheduler announces the evaluation on its own; act once it has, so the page shows the case as it now is.
  const evaluator = driver.person('TIM_PENILAI_KINERJA', AGENCY.bandarLestari, 'EVALUATION');
  await web.signIn(evaluator);
  await web.goto('/', 'Kotak masuk');
  await web.seeAfterReloads('Catat evaluasi');
  await web.shot('kotak-masuk-evaluasi-jatuh-tempo');
  await web.signIn(userIdFor('PENGUSUL', AGENCY.bandarLestari));
  await web.goto(`/kasus/${caseId}`, 'Unggah dokumen');
  await web.act('Unggah dokumen', {
    fields: { 'Jenis dokumen': 'PERIODIC_PERFORMANCE_EVALUATION', 'Predikat SKP': 'SANGAT_BAIK', 'Periode penilaian': `${firstDue.periodMonths} bulan setelah TMT` },
    files: { Berkas: file },
  });
  await driver.refresh();
  await web.signIn(driver.person('VERIFIKATOR', AGENCY.bandarLestari, 'DOCUMENT_VERIFICATION'));
  await web.goto(`/kasus/${caseId}`, 'Verifikasi dokumen');
  await web.act('Verifikasi dokumen', { fields: { Hasil: 'APPROVED' } });
  await driver.refresh();
  await web.signIn(driver.person('TIM_PENILAI_KINERJA', AGENCY.bandarLestari, 'EVALUATION'));
  await web.goto(`/kasus/${caseId}`, 'Catat evaluasi');
  await web.act(`Catat evaluasi ${firstDue.periodMonths} bulan`, { fields: { 'Kesesuaian kompetensi': '4' } });
  await web.see('Tercapai');
  await web.shot('evaluasi');
  await web.close();

  const view = (await env.http.as('inspektur.bkn', 'GET', `/api/transfers/${caseId}`)).body as { status: string; evaluations: { result: unknown }[] };
  expect(view.status).toBe('APPOINTED');
  expect(view.evaluations[0]?.result).not.toBeNull();
  expect(web.violations).toEqual([]);
}
