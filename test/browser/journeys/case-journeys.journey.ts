/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the browser, so this file also sees the DOM types.
import { AGENCY, CaseDriver, DEMO_NIP, positionId, SAMPLE_NIP, userIdFor } from '@mutasi/demo-data';
import { button, JourneyEnv, testDocument } from '@mutasi/testing/browser';

/**
 * Journey 2: a cross-agency case with a Mendagri overlay, every step approved by clicking as its holder, the
 * training plan adjusted by the receiving PPK and completed with certificates, and the decree issued.
 */
export async function crossAgencyJourney(env: JourneyEnv): Promise<void> {
  const file = testDocument('lampiran-uji.pdf');
  const target = positionId(AGENCY.provNb, 'analis-keuangan');
  const d = new CaseDriver(env.http, target, DEMO_NIP.surplusFinance);
  await d.open();
  await d.approveNeeds();
  await d.propose({ meritDeviationJustification: 'pegawai kelebihan yang disarankan neraca beban kerja' });
  await d.notify();
  await d.acknowledge();
  await d.completeDocuments();
  await d.submit();
  const chain = d.view.approvalChain as { role: string; ruleIds: string[] }[];
  expect(chain.find((s) => s.role === 'MENDAGRI')?.ruleIds).toContain('R-45');
  const web = await env.journey('lintas-instansi-mendagri');
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
    d.view = (await env.http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as Record<string, unknown>;
  }
  const training = ((d.view.training as { items: { itemId: string; status: string; mandatory: boolean; dueBy: string | null }[] } | null)?.items ?? []).filter(
    (i) => i.status === 'PLANNED',
  );
  // The receiving PPK adjusts the plan: the first item to 40 hours, and an optional item after the TMT added
  // and then waived.
  const first = (d.view.training as { items: { competency: string }[] }).items[0]?.competency as string;
  // A PPK holder who took no other decision on the case (R-06: one decision role per person per case).
  await web.signIn(d.person('PPK', AGENCY.provNb, 'TRAINING'));
  await web.goto(`/kasus/${d.caseId}`, 'Pengembangan kompetensi');
  await web.act(`Ubah rencana pelatihan: ${first}`, { fields: { 'Jam pelajaran': '40', 'Alasan perubahan': 'disesuaikan dengan kurikulum BPSDM' } });
  await web.act('Tambah butir pelatihan', {
    fields: { 'Kompetensi yang dikembangkan': 'PENGELOLAAN_BMD', Jenis: 'DIKLAT', 'Jam pelajaran': '24', 'Alasan perubahan': 'kebutuhan unit penerima' },
  });
  await web.see('PENGELOLAAN_BMD (DIKLAT, 24 JP)');
  await web.see(`${first} (`);
  await web.shot('rencana-pelatihan-diubah');
  // The same PPK then waives the added item: the employee followed an equivalent course (a reason is required).
  await web.act('Bebaskan pelatihan: PENGELOLAAN_BMD', { fields: { Alasan: 'sudah mengikuti diklat yang setara tahun lalu' } });
  await web.see('1 dibebaskan');
  await web.shot('pelatihan-dibebaskan');
  const adjusted = (
    (await env.http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as { training: { items: { competency: string; hours: number; due: string; status: string }[] } }
  ).training.items;
  expect(adjusted.find((i) => i.competency === first)?.hours).toBe(40);
  expect(adjusted.find((i) => i.competency === 'PENGELOLAAN_BMD')).toMatchObject({ hours: 24, due: 'AFTER_TMT', status: 'WAIVED' });
  for (const item of training) {
    await web.signIn(userIdFor('PENGUSUL', AGENCY.provNb));
    await web.goto(`/kasus/${d.caseId}`, 'Pengembangan kompetensi');
    await web.act('Catat pelatihan selesai', { fields: { 'Jam pelajaran': '40', Penyelenggara: 'BPSDM Provinsi' }, files: { Sertifikat: file } });
    await web.see('Selesai');
    void item;
  }
  d.view = (await env.http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as Record<string, unknown>;
  const decree = d.activeStep();
  await web.signIn(d.person(decree?.role as never, decree?.agencyId as string, 'DECREE'));
  await web.goto(`/kasus/${d.caseId}`, 'Terbitkan SK');
  await web.act('Terbitkan SK', { fields: { 'Nomor SK': `821/SK/${d.caseId.slice(0, 8)}` }, files: { 'Berkas SK': file } });
  await web.see('SK terbit');
  await web.shot('sk-lintas-instansi');
  await web.close();
  expect(((await env.http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as { status: string }).status).toBe('DECREED');
  expect(web.violations).toEqual([]);
}

/** Journey 3: the employee objects on a 390 px phone with a reason and an attachment; the PPK decides by keyboard alone. */
export async function objectionJourney(env: JourneyEnv): Promise<void> {
  const file = testDocument('lampiran-uji.pdf');
  const d = new CaseDriver(env.http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
  await d.open();
  await d.approveNeeds();
  await d.propose();
  await d.notify();
  const phone = await env.journey('keberatan-pegawai', { width: 390, height: 844 });
  await phone.signIn(`pns.${DEMO_NIP.sameProvince}`);
  await phone.see('Mutasi saya');
  await phone.shot('mutasi-saya-ponsel');
  await phone.goto(`/kasus/${d.caseId}`, 'Ajukan keberatan');
  await phone.shot('kasus-ponsel');
  await phone.act('Ajukan keberatan', { fields: { Alasan: 'Saya sedang merawat orang tua yang sakit di kota ini' }, files: { 'Lampiran bukti': file } });
  await phone.see('Keberatan diajukan');
  await phone.shot('keberatan-diajukan');
  await phone.close();

  const web = await env.journey('keputusan-keberatan');
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
  const view = (await env.http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)).body as { status: string };
  expect(view.status).toBe('SOCIALISED');
  expect([...phone.violations, ...web.violations]).toEqual([]);
  await d.end();
}

/**
 * Journey 4: R-21 refuses a self-requested move to another agency within ten years, the dialog naming the rule and its
 * legal basis; a DINAS proposal of the same employee passes.
 */
export async function refusedProposalJourney(env: JourneyEnv): Promise<void> {
  const d = new CaseDriver(env.http, positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock);
  await d.open();
  await d.approveNeeds();
  const web = await env.journey('usulan-ditolak-r21');
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
}
