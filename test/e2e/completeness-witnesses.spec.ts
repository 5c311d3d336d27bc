import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditWorkers, TreeHeads } from '@mutasi/audit';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { checkWitnessPolicy, cosignerVerifierKey, generateCosignerKey, generateSignerKey, parseCheckpoint, signCheckpoint, verifierKeyFromSignerKey } from '@mutasi/integrity';
import { startTestApp, TestApp } from '@mutasi/testing/app';
import { startWitness, trustedLogs, type RunningWitness } from '@mutasi/witness';
import { runVerify } from '../../apps/cli/src/verify-command';

const ORIGIN = 'mutasi.example.go.id/ledger';
type Line = Record<string, unknown> & { stream?: { streamId: string }; event?: { streamId: string; revision: number }; end?: { streams: number; events: number } };

/**
 * The attacks of issue 12 on a real server with two real witnesses (C2SP tlog-witness over HTTP): an operator who
 * hides the tail of a case, leaves a case out of an agency export, rewrites history and re-signs it, shows a witness
 * a second history of the same size, or runs while a witness is offline. Each is judged by `mutasi verify`.
 */
describe('provable completeness and independent witnesses (issue 12)', () => {
  const logKey = generateSignerKey(ORIGIN);
  const cosigners = [generateCosignerKey('saksi.inspektorat.example'), generateCosignerKey('saksi.ombudsman.example')];
  const dirs = cosigners.map(() => mkdtempSync(join(tmpdir(), 'mutasi-witness-')));
  const work = mkdtempSync(join(tmpdir(), 'mutasi-attack-'));
  const witnesses: RunningWitness[] = [];
  let t: TestApp;
  let http: MutasiHttp;
  let full: CaseDriver;
  let other: CaseDriver;
  const inspector = 'inspektur.bkn';
  const startWitnessAt = async (i: number, port = 0): Promise<RunningWitness> =>
    startWitness({
      signerKey: cosigners[i] as string,
      logs: trustedLogs([verifierKeyFromSignerKey(logKey)]),
      dataDir: dirs[i] as string,
      host: '127.0.0.1',
      port,
      log: () => undefined,
    });
  const policyFile = (threshold: number): string => {
    const file = join(work, `policy-${threshold}.txt`);
    writeFileSync(file, `${threshold} of\n${cosigners.map((k) => cosignerVerifierKey(k)).join('\n')}\n`);
    return file;
  };
  const exportLines = async (query: string): Promise<Line[]> => {
    const answer = await http.as(inspector, 'GET', `/api/audit/export?${query}`);
    expect(answer.status).toBe(200);
    return (answer.body as string)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
  };
  /** `mutasi verify` on these lines, with the log key and a witness policy; its exit status and output. */
  const verify = async (lines: Line[], ...flags: string[]): Promise<{ code: number; output: string }> => {
    const file = join(work, `bundle-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const printed: string[] = [];
    const code = await runVerify([file, '--key', verifierKeyFromSignerKey(logKey), ...flags], { stdout: (s) => void printed.push(s), stderr: (s) => void printed.push(s) });
    return { code, output: printed.join('') };
  };
  const catchUp = () => t.app.get(AuditWorkers).catchUp();

  beforeAll(async () => {
    for (const i of [0, 1]) witnesses.push(await startWitnessAt(i));
    t = await startTestApp({
      env: { LEDGER_SIGNER_KEY: logKey, LEDGER_ORIGIN: ORIGIN, LEDGER_WITNESSES: witnesses.map((w, i) => `${w.url} ${cosignerVerifierKey(cosigners[i] as string)}`).join(',') },
    });
    http = new MutasiHttp(t.url);
    full = new CaseDriver(http, positionId(AGENCY.lembahHijau, 'analis-kebijakan'), SAMPLE_NIP.clean);
    await full.throughApproval({ meritDeviationJustification: 'regional-language skills needed in Lembah Hijau' });
    await full.issueDecree();
    other = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock);
    await other.open();
    await other.approveNeeds();
    await other.propose();
    await catchUp();
  });
  afterAll(async () => {
    await t.close();
    await Promise.all(witnesses.map((w) => w.close()));
    for (const dir of [...dirs, work]) rmSync(dir, { recursive: true, force: true });
  });

  it('accepts an intact case export cosigned by both witnesses, 2 of 2', async () => {
    const result = await verify(await exportLines(`caseId=${full.caseId}`), '--witnesses', policyFile(2));
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/^OK: \d+ events in 1 streams verified and complete for case .*cosigned by saksi\.inspektorat\.example, saksi\.ombudsman\.example/);
  });

  it('tail truncation: the last two events of a case left out exit 1, naming the missing revisions', async () => {
    const lines = await exportLines(`caseId=${full.caseId}`);
    const events = lines.filter((l) => l.event);
    const last = events.at(-1)?.event?.revision as number;
    const kept = lines.filter((l) => !events.slice(-2).includes(l));
    (kept.at(-1) as Line).end = { streams: 1, events: events.length - 2 };
    const result = await verify(kept, '--witnesses', policyFile(2));
    expect(result.code).toBe(1);
    expect(result.output).toContain(`INCOMPLETE at stream transfer-${full.caseId}: revisions ${last - 1}–${last} are missing`);
    expect(result.output).toContain(`missing: transfer-${full.caseId} revisions ${last - 1}–${last}`);
  });

  it('a case left out of an agency export exits 1, naming the case', async () => {
    const lines = await exportLines(`agencyId=${AGENCY.bandarLestari}`);
    const streams = lines.filter((l) => l.stream).map((l) => l.stream?.streamId);
    expect(streams).toEqual(expect.arrayContaining([`transfer-${full.caseId}`, `transfer-${other.caseId}`]));
    expect((await verify(lines)).code).toBe(0);
    const hidden = `transfer-${other.caseId}`;
    const kept = lines.filter((l) => l.stream?.streamId !== hidden && l.event?.streamId !== hidden);
    (kept.at(-1) as Line).end = { streams: streams.length - 1, events: kept.filter((l) => l.event).length };
    const result = await verify(kept);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`missing: ${hidden} entirely`);
    expect(result.output).toMatch(new RegExp(`lists this case stream in the bundle's scope \\(agency ${AGENCY.bandarLestari}\\), but the bundle leaves it out`));
  });

  it('a witness offline: the log keeps working, the checkpoint waits for its cosignature, the verifier reports the policy unmet', async () => {
    const port = Number(new URL(witnesses[1]?.url as string).port);
    await witnesses[1]?.close();
    await other.notify();
    await catchUp();
    const lines = await exportLines(`caseId=${other.caseId}`);
    const checkpoint = (lines[0]?.['treeHead'] as { checkpoint: string }).checkpoint;
    expect(checkWitnessPolicy(checkpoint, { threshold: 2, witnesses: cosigners.map((k) => cosignerVerifierKey(k)) })).toMatchObject({
      ok: false,
      missing: ['saksi.ombudsman.example'],
    });
    const unmet = await verify(lines, '--witnesses', policyFile(2));
    expect(unmet.code).toBe(1);
    expect(unmet.output).toMatch(/^FAILED at witness policy: .*saksi\.ombudsman\.example/);
    expect((await verify(lines, '--witnesses', policyFile(1))).code).toBe(0);
    witnesses[1] = await startWitnessAt(1, port);
    await catchUp();
    expect((await verify(await exportLines(`caseId=${other.caseId}`), '--witnesses', policyFile(2))).code).toBe(0);
  });

  it('a split view: a second checkpoint of the same size, signed with the operator key, is refused by the witness and kept as evidence', async () => {
    const head = (await t.app.get(TreeHeads).latest()) as { treeSize: number; checkpoint: string };
    const fork = signCheckpoint(logKey, { origin: ORIGIN, treeSize: head.treeSize, rootHash: Buffer.alloc(32, 7), timestamp: new Date() });
    const answer = await fetch(`${witnesses[0]?.url}/add-checkpoint`, { method: 'POST', body: `old ${head.treeSize}\n\n${fork}` });
    expect(answer.status).toBe(409);
    const evidence = (await (await fetch(`${witnesses[0]?.url}/evidence`)).json()) as { kind: string; submitted: { text?: string } | string }[];
    expect(JSON.stringify(evidence)).toContain(parseCheckpoint(fork).text.split('\n')[2]);
  });

  it('a re-rooted ledger: history rewritten and re-signed with the operator key is refused by the witnesses, and the verifier refuses it', async () => {
    const db = t.db;
    const notified = (await db.query('SELECT event_id FROM event_store.events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1', [`transfer-${other.caseId}`])).rows[0] as {
      event_id: string;
    };
    // The operator removes an inconvenient event, rebuilds the ledger from what is left, and signs it again.
    await db.query('DELETE FROM event_store.events WHERE event_id = $1', [notified.event_id]);
    for (const table of ['ledger_leaves', 'ledger_nodes', 'ledger_tree_heads', 'ledger_stream_heads', 'ledger_case_agencies']) await db.query(`DELETE FROM ${table}`);
    await db.query("DELETE FROM projection_checkpoints WHERE name = 'ledger'");
    await db.query("DELETE FROM projection_stream_versions WHERE projection = 'ledger'");
    await new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).open();
    await catchUp();
    const lines = await exportLines(`caseId=${full.caseId}`);
    const checkpoint = (lines[0]?.['treeHead'] as { checkpoint: string }).checkpoint;
    expect(checkWitnessPolicy(checkpoint, { threshold: 1, witnesses: cosigners.map((k) => cosignerVerifierKey(k)) }).cosigned).toEqual([]);
    const refused = await verify(lines, '--witnesses', policyFile(1));
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/^FAILED at witness policy/);
    expect((await verify(lines)).code).toBe(0);
  });
});
