import { readFileSync } from 'node:fs';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId, SAMPLE_NIP, UnexpectedAnswer } from '@mutasi/demo-data';
import { toDate } from '@mutasi/domain';

/**
 * `npm run demo`: drives, over HTTP against a running `npm start`, one complete case per route family through all
 * six stages, and two refused attempts (R-21 and R-40), printing each step. Evaluations fall due six and twelve
 * months after the decree: the demo moves the standalone clock forward (`POST /api/dev/clock`), never a rule.
 * Against `npm run start:distributed`: MUTASI_URL=http://127.0.0.1:3001 MUTASI_TOKENS_FILE=.data/distributed/tokens.json
 * (no demo clock there, so the evaluations are left for their due dates).
 */
const base = process.env.MUTASI_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
const tokensFile = process.env.MUTASI_TOKENS_FILE;
const http = new MutasiHttp(base, tokensFile ? (JSON.parse(readFileSync(tokensFile, 'utf8')) as Record<string, string>) : {});
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const health = await http.raw('GET', '/api/health').catch(() => null);
  if (!health || health.status !== 200) throw new Error(`no Mutasi at ${base}: start it with \`npm start\` first (or set MUTASI_URL)`);
  const clock = await http.raw('GET', '/api/dev/clock');
  if (clock.status !== 200 && !tokensFile) throw new Error('the demo needs standalone mode with demo sign-in (npm start), or MUTASI_TOKENS_FILE with tokens for the demo users');
  const demoClock = clock.status === 200;
  if (demoClock && (clock.body.offsetDays as number) > 0) say(`note: the server clock is already ${String(clock.body.offsetDays)} days ahead; restart \`npm start\` for a fresh demo`);

  say(`Mutasi demo against ${base} — server date ${demoClock ? String(clock.body.now).slice(0, 10) : `${toDate(new Date().toISOString())} (server clock)`}\n`);
  const families: [string, string, string][] = [
    ['Internal (Kota Bandar Lestari): Pengelola Keuangan → Auditor', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal],
    ['Same province (Kota Bandar Lestari → Provinsi Nusantara Barat)', positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince],
    ['Inter-province (Kota Bandar Lestari, NB → Kabupaten Lembah Hijau, ST)', positionId(AGENCY.lembahHijau, 'analis-kebijakan'), DEMO_NIP.interProvince],
    ['Central → regional (Kementerian Contoh Urusan Teknis → Kota Bandar Lestari)', positionId(AGENCY.bandarLestari, 'pranata-komputer'), DEMO_NIP.centralToRegional],
  ];
  const drivers: CaseDriver[] = [];
  for (const [title, target, nip] of families) {
    say(`▶ ${title}`);
    const d = new CaseDriver(http, target, nip, say);
    await d.throughApproval();
    await d.issueDecree();
    await d.appoint();
    say(`  route ${String(d.view.route)}, chain ${(d.view.approvalChain as { role: string }[]).map((s) => s.role).join(' → ')}\n`);
    drivers.push(d);
  }

  say('▶ Refused: R-21 — a self-requested move to another agency within ten years of TMT PNS');
  const r21 = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock, say);
  await r21.open();
  await r21.approveNeeds();
  await r21.propose({ initiative: 'PERMINTAAN_SENDIRI' }, 422);
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
  await r40.issueDecree({}, 422, 'ppk.kab-tanjung-harapan');
  await r40.approveChain();
  await r40.issueDecree();
  say('');

  if (!demoClock) say('Evaluations fall due 6 and 12 months after each decree; without the standalone demo clock they wait for their dates.\n');
  for (const months of demoClock ? [6, 12] : []) {
    const due = drivers.map((d) => d.evaluationsDue().find((e) => e.periodMonths === months)?.dueOn as string).sort().at(-1) as string;
    const today = await drivers[0]?.today();
    const days = Math.max(0, Math.round((Date.parse(due) - Date.parse(today as string)) / 86_400_000));
    const moved = await http.raw('POST', '/api/dev/clock', { advanceDays: Math.max(1, days) });
    say(`▶ ${months} months after the decrees — the demo clock moves to ${String(moved.body.now).slice(0, 10)}`);
    for (const d of drivers) {
      await d.evaluate(months);
      if (months === 12) await d.close();
    }
    say('');
  }

  say('Done. Every step above is an event with a hash chain; inspect a case:');
  for (const d of drivers) say(`  ${base}/api/transfers/${d.caseId}  (${String(d.view.status)})`);
  say(`  API docs: ${base}/api/docs`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof UnexpectedAnswer || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
