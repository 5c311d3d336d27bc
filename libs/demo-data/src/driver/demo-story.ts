import { toDate } from '@mutasi/domain';
import { AGENCY } from '../agencies';
import { DEMO_NIP, SAMPLE_NIP } from '../employees';
import { positionId } from '../positions';
import { CaseDriver } from './case-driver';
import { MutasiHttp } from './mutasi-http';
import { runWorkloadStory } from './workload-story';

/** What a demo run did: the cases it took to the end, for a caller that checks them. */
export interface DemoRun {
  readonly completed: readonly CaseDriver[];
  readonly refusals: readonly { ruleId: string; status: number }[];
}

/**
 * `npm run demo`, as a function of a server: one complete case per route family through all six stages, and two refused
 * attempts (R-21 and R-40), each step printed. Evaluations fall due six and twelve months after the decree: with the
 * standalone demo clock an ADMIN moves it forward (`POST /api/dev/clock`), never a rule.
 */
export async function runDemo(http: MutasiHttp, say: (line: string) => void, options: { tokensFile: boolean } = { tokensFile: false }): Promise<DemoRun> {
  const base = http.baseUrl;
  const health = await http.raw('GET', '/api/health').catch(() => null);
  if (!health || health.status !== 200) throw new Error(`no Mutasi at ${base}: start it with \`npm start\` first (or set MUTASI_URL)`);
  const clock = await http.raw('GET', '/api/dev/clock');
  if (clock.status !== 200 && !options.tokensFile)
    throw new Error('the demo needs standalone mode with demo sign-in (npm start), or MUTASI_TOKENS_FILE with tokens for the demo users');
  const demoClock = clock.status === 200;
  if (demoClock && (clock.body.offsetDays as number) > 0)
    say(`note: the demo clock is ${String(clock.body.offsetDays)} days ahead of the machine's (it is kept across restarts and never goes back); this run continues from there`);

  say(`Mutasi demo against ${base} — server date ${demoClock ? toDate(String(clock.body.now)) : `${toDate(new Date().toISOString())} (server clock)`}\n`);
  const families: [string, string, string][] = [
    ['Internal (Kota Bandar Lestari): Pengelola Keuangan → Auditor', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal],
    ['Same province (Kota Bandar Lestari → Provinsi Nusantara Barat)', positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince],
    ['Inter-province (Kota Bandar Lestari, NB → Kabupaten Lembah Hijau, ST)', positionId(AGENCY.lembahHijau, 'analis-kebijakan'), DEMO_NIP.interProvince],
    ['Central → regional (Kementerian Contoh Urusan Teknis → Kota Bandar Lestari)', positionId(AGENCY.bandarLestari, 'pranata-komputer'), DEMO_NIP.centralToRegional],
  ];
  const first = await http.as('inspektur.bkn', 'GET', `/api/employees/${DEMO_NIP.internal}`);
  if (first.status === 200 && first.body.positionId !== positionId(AGENCY.bandarLestari, 'pengelola-keuangan')) {
    throw new Error(
      'the demo has already run on this database: its employees have moved (the record follows the person). Stop `npm start`, remove the data folder (.data), and start again for a fresh demo',
    );
  }
  const drivers: CaseDriver[] = [];
  for (const [title, target, nip] of families) {
    say(`▶ ${title}`);
    const d = new CaseDriver(http, target, nip, say);
    await d.throughApproval();
    await d.issueDecree();
    await d.reportReplacement();
    await d.appoint();
    say(`  route ${String(d.view.route)}, chain ${(d.view.approvalChain as { role: string }[]).map((s) => s.role).join(' → ')}\n`);
    drivers.push(d);
  }

  say('▶ Workload balance (ABK) → merit → training: a surplus finance officer of Sukamaju to the province’s financial analysts');
  const story = await runWorkloadStory(http, say);
  say(`  route ${String(story.driver.view.route)}${story.refusedBeforeTraining ? `; the decree waited for the training (${story.refusedBeforeTraining.ruleId})` : ''}\n`);
  drivers.push(story.driver);

  say('▶ Refused: R-21 — a self-requested move to another agency within ten years of TMT PNS');
  const r21 = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock, say);
  await r21.open();
  await r21.approveNeeds();
  const refusals: { ruleId: string; status: number }[] = [];
  const r21Refusal = await r21.propose({ initiative: 'PERMINTAAN_SENDIRI' }, 422);
  refusals.push({ ruleId: String(r21Refusal.body.ruleId), status: r21Refusal.status });
  await r21.end('penolakan sudah ditampilkan; kasus ditarik');
  say('');

  say('▶ Refused: R-40 — Kabupaten Tanjung Harapan is inside its Pilkada freeze: no decree without Mendagri’s written approval');
  const r40 = new CaseDriver(http, positionId(AGENCY.tanjungHarapan, 'kasubbag-kepegawaian'), DEMO_NIP.electionFreeze, say);
  await r40.open();
  await r40.approveNeeds();
  await r40.propose();
  await r40.notify();
  await r40.acknowledge();
  await r40.submit();
  await r40.approveChain(2);
  const r40Refusal = await r40.issueDecree({}, 422, 'ppk.kab-tanjung-harapan');
  refusals.push({ ruleId: String(r40Refusal.body.ruleId), status: r40Refusal.status });
  await r40.approveChain();
  await r40.issueDecree();
  say('');

  if (!demoClock) say('Evaluations fall due 6 and 12 months after each decree; without the standalone demo clock they wait for their dates.\n');
  for (const months of demoClock ? [6, 12] : []) {
    const due = drivers
      .map((d) => d.evaluationsDue().find((e) => e.periodMonths === months)?.dueOn as string)
      .sort()
      .at(-1) as string;
    const today = await drivers[0]?.today();
    const days = Math.max(0, Math.round((Date.parse(due) - Date.parse(today as string)) / 86_400_000));
    const moved = await http.as('admin.bkn', 'POST', '/api/dev/clock', { advanceDays: Math.max(1, days) });
    say(`▶ ${months} months after the decrees — the demo clock moves to ${toDate(String(moved.body.now))}`);
    for (const d of drivers) {
      await d.evaluate(months);
      if (months === 12) await d.close();
    }
    say('');
  }

  say('Done. Every step above is an event with a hash chain; inspect a case:');
  for (const d of drivers) say(`  ${base}/api/transfers/${d.caseId}  (${String(d.view.status)})`);
  say(`  API docs: ${base}/api/docs`);
  return { completed: drivers, refusals };
}
