import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { AGENCY, CaseDriver, DEMO_NIP, HttpResult, MutasiHttp, positionId } from '@mutasi/demo-data';
import { eventually, freePortRange, isPortFree } from '@mutasi/testing';
import { spawnServer } from '@mutasi/testing/app';
import { DistributedStack } from '@mutasi/testing/distributed';

jest.setTimeout(300_000);

const BL = AGENCY.bandarLestari;
const AUDITOR = positionId(BL, 'auditor');
const PROPOSER = 'pengusul.kota-bandar-lestari';

/** How many HTTP requests a process has answered so far, from its own /metrics (every route and status). */
async function requestsAnswered(origin: string): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  return [...text.matchAll(/^mutasi_http_request_duration_seconds_count\{[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/**
 * `npm run start:distributed` with TRANSFER_REPLICAS=2 and DASHBOARD_REPLICAS=2 (apps/distributed from its sources),
 * on one PostgreSQL and the run's Kafka broker: two transfer-service processes and two dashboard-service processes,
 * the gateway spreading requests over them. Commands sent straight to each replica's port and through the gateway, keep
 * every invariant the single process keeps: the 20-way race on one approval step, one append per Idempotency-Key, and
 * the reservations of places and employees (M-09) taken in the same transaction as the events.
 */
describe('start:distributed with two transfer-service and two dashboard-service replicas on one database', () => {
  let stack: DistributedStack;
  let pool: Pool;
  let port: number;
  let gateway: MutasiHttp;
  /** One client per transfer-service replica, straight to its port. */
  let replicas: MutasiHttp[];
  const drivers: CaseDriver[] = [];
  const driver = (target: string, nip: string): CaseDriver => {
    const d = new CaseDriver(gateway, target, nip);
    drivers.push(d);
    return d;
  };
  const events = async (caseId: string): Promise<{ revision: number; type: string; event_id: string; data: Record<string, unknown> }[]> =>
    (await pool.query('SELECT revision::int AS revision, type, event_id, data FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [`transfer-${caseId}`])).rows;
  /** A position of Bandar Lestari's inspectorate with `free` places, imported as the reference data administrator. */
  const importPosition = async (name: string, free: number): Promise<string> => {
    const id = `${BL}.${name}`;
    const position = {
      id,
      agencyId: BL,
      unit: 'Inspektorat',
      title: 'Auditor Ahli Pertama',
      positionClass: 'FUNGSIONAL',
      functionalLevel: 'AHLI_PERTAMA',
      requiredCompetencies: [],
      requiredEducationFields: [],
      kebutuhan: free + 1,
      bezetting: 1,
      pilkadaScope: false,
    };
    const imported = await gateway.as('admin.bkn', 'POST', '/api/admin/import', { positions: [position] });
    if (imported.status !== 200) throw new Error(`import of ${id}: ${imported.status} ${JSON.stringify(imported.body)}`);
    return id;
  };
  /** The i-th of several concurrent requests goes straight to replica #1, #2, or through the gateway, in turn. */
  const spread = (i: number): MutasiHttp => [...replicas, gateway][i % 3] as MutasiHttp;
  /** The i-th of two concurrent requests goes straight to replica #1 or #2. */
  const split = (i: number): MutasiHttp => replicas[i % 2] as MutasiHttp;

  beforeAll(async () => {
    stack = await DistributedStack.start({
      name: 'mutasi-replicas',
      ports: 9,
      webDist: join(tmpdir(), 'mutasi-no-web-app'),
      env: { TRANSFER_REPLICAS: '2', DASHBOARD_REPLICAS: '2' },
    });
    port = stack.port;
    pool = new Pool({ connectionString: stack.db.url, max: 4 });
    gateway = stack.http();
    replicas = ['transfer-service#1', 'transfer-service#2'].map((name) => stack.http(stack.at.get(name)));
  });

  afterEach(async () => {
    // Each test's cases give back what they hold (places, employees) for the next one.
    for (const d of drivers.splice(0)) await d.end();
  });

  afterAll(async () => {
    await pool?.end();
    await stack?.close();
  });

  it('runs each replica on its own port after the witnesses, seeds the demo data from the first transfer-service only, and lists them all', () => {
    expect(Object.fromEntries(stack.at)).toEqual({
      'transfer-service#1': `http://127.0.0.1:${port + 1}`,
      'transfer-service#2': `http://127.0.0.1:${port + 7}`,
      'audit-service': `http://127.0.0.1:${port + 2}`,
      relay: `http://127.0.0.1:${port + 3}`,
      'dashboard-service#1': `http://127.0.0.1:${port + 4}`,
      'dashboard-service#2': `http://127.0.0.1:${port + 8}`,
    });
    expect(stack.summary).toMatch(new RegExp(`witness +http://127\\.0\\.0\\.1:${port + 5} `));
    expect(stack.summary).toMatch(new RegExp(`witness +http://127\\.0\\.0\\.1:${port + 6} `));
    const seeded = [...stack.output.matchAll(/^(\S+) +\| .*demo data loaded/gm)].map((m) => m[1]);
    expect(seeded).toEqual(['transfer-service#1']);
    expect(stack.output).toMatch(new RegExp(`-> transfer-service http://127\\.0\\.0\\.1:${port + 1}, http://127\\.0\\.0\\.1:${port + 7} \\(round-robin\\)`));
    expect(stack.output).toMatch(new RegExp(`-> dashboard-service http://127\\.0\\.0\\.1:${port + 4}, http://127\\.0\\.0\\.1:${port + 8} \\(round-robin\\)`));
  });

  it('spreads requests through the gateway over both replicas of each service', async () => {
    const names = ['transfer-service#1', 'transfer-service#2', 'dashboard-service#1', 'dashboard-service#2'];
    const before = await Promise.all(names.map((n) => requestsAnswered(stack.at.get(n) as string)));
    for (let i = 0; i < 6; i += 1) {
      expect((await gateway.as('inspektur.bkn', 'GET', '/api/agencies')).status).toBe(200);
      expect((await gateway.as('inspektur.bkn', 'GET', '/api/dashboard/pipeline')).status).toBe(200);
    }
    const after = await Promise.all(names.map((n) => requestsAnswered(stack.at.get(n) as string)));
    // Six requests for each service, in turn: three for each replica, and one more, the scrape of /metrics before them.
    expect(Object.fromEntries(names.map((n, i) => [n, (after[i] as number) - (before[i] as number)]))).toEqual(Object.fromEntries(names.map((n) => [n, 3 + 1])));
  });

  it('skips a replica that refuses connections: a gateway listing a stopped one first answers every request from the others', async () => {
    const closed = await freePortRange(9);
    const spare = await spawnServer(
      {
        GATEWAY_TRANSFER_URL: [`http://127.0.0.1:${closed}`, stack.at.get('transfer-service#1'), stack.at.get('transfer-service#2')].join(','),
        GATEWAY_AUDIT_URL: stack.at.get('audit-service') as string,
        GATEWAY_DASHBOARD_URL: stack.at.get('dashboard-service#1') as string,
        WEB_DIST: join(stack.dataDir, 'no-web-app'),
      },
      'apps/gateway/src/main.ts',
      /gateway is running on (http:\/\/\S+)/,
    );
    try {
      const through = new MutasiHttp(spare.url, stack.tokens());
      const answers = await Promise.all(Array.from({ length: 6 }, () => through.as('inspektur.bkn', 'GET', '/api/agencies')));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(spare.output()).toContain(`transfer-service replica 127.0.0.1:${closed}: ECONNREFUSED; the other replicas take its requests until it is back`);
    } finally {
      await spare.kill();
    }
  });

  it('the 20-way race, over both replicas and the gateway: exactly one approval of the step wins, 19 get 409, one event is appended and the dashboards agree', async () => {
    const d = driver(AUDITOR, DEMO_NIP.internal);
    await d.open();
    await d.approveNeeds();
    await d.propose();
    await d.notify();
    await d.acknowledge();
    await d.submit();
    const before = await events(d.caseId);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        spread(i).as('verifikator.kota-bandar-lestari', 'POST', `/api/transfers/${d.caseId}/approve-step`, { stepId: '1-verification', notes: 'race' }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    // The documented conflict: the revision moved under the command (STREAM_REVISION_CONFLICT), or, decided again on
    // the case as it now stands, the step is no longer awaiting action (STEP_NOT_ACTIVE).
    for (const r of refused) expect(['STREAM_REVISION_CONFLICT', 'STEP_NOT_ACTIVE']).toContain(r.body.code);
    const after = await events(d.caseId);
    expect(after).toHaveLength(before.length + 1);
    // No event lost or doubled: revisions 0…n-1 without a gap, every event id once, one grant of the step.
    expect(after.map((e) => e.revision)).toEqual(after.map((_, i) => i));
    expect(new Set(after.map((e) => e.event_id)).size).toBe(after.length);
    expect(after.filter((e) => e.type === 'ApprovalStepGranted.v1' && e.data.stepId === '1-verification')).toHaveLength(1);
    // Both transfer-service processes read the same case; the dashboards (fed over Kafka) reach its last event.
    const views = await Promise.all(replicas.map((r) => r.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`)));
    expect(views.map((v) => v.body.revision)).toEqual([after.length - 1, after.length - 1]);
    await eventually(
      async () => {
        const rows = (await pool.query('SELECT last_sequence FROM dashboard_cases WHERE case_id = $1', [d.caseId])).rows as { last_sequence: number }[];
        return rows[0]?.last_sequence === after.length - 1 ? true : undefined;
      },
      60_000,
      'the dashboards to apply the winning approval',
    );
  });

  it('idempotency across replicas: one Idempotency-Key sent to both and through the gateway at once appends once and every answer is the same', async () => {
    const d = driver(AUDITOR, DEMO_NIP.internal);
    await d.open();
    const key = { 'Idempotency-Key': `replicas-${d.caseId}` };
    const send = (i: number): Promise<HttpResult> =>
      spread(i).as('tim-penilai-kinerja.kota-bandar-lestari', 'POST', `/api/transfers/${d.caseId}/approve-needs-analysis`, { notes: 'once, on either replica' }, key);
    const first = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i)));
    // A request that arrives while the other replica still handles the key is told so (409, retry) and appends nothing.
    for (const r of first) expect(r.status === 200 || (r.status === 409 && r.body.code === 'IDEMPOTENCY_KEY_IN_USE')).toBe(true);
    const answers = await Promise.all(
      first.map((r, i) => (r.status === 200 ? r : eventually(async () => ((r = await send(i)).status === 200 ? r : undefined), 30_000, 'the stored answer'))),
    );
    const winner = answers[0] as HttpResult;
    for (const a of answers) expect({ body: a.body, etag: a.headers.get('etag') }).toEqual({ body: winner.body, etag: winner.headers.get('etag') });
    expect((await events(d.caseId)).map((e) => e.type)).toEqual(['TransferCaseOpened.v1', 'NeedsAnalysisApproved.v1']);
  });

  it('R-04 across replicas: of ten openings over both replicas and the gateway on a position with one free place, exactly one holds it', async () => {
    const id = await importPosition('replica-race-position', 1);
    const body = {
      targetAgencyId: BL,
      targetPositionId: id,
      needsAnalysis: { kebutuhan: 2, bezetting: 1, exceptionReason: 'the vacancy opened after this year’s mutation plan', justification: 'ABK' },
    };
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => spread(i).as(PROPOSER, 'POST', '/api/transfers', body)));
    const opened = results.filter((r) => r.status === 201).map((r) => r.body.caseId as string);
    expect(opened).toHaveLength(1);
    const refused = results.filter((r) => r.status === 422);
    expect(refused).toHaveLength(9);
    for (const r of refused)
      expect({ code: r.body.code, namesTheHolder: String(r.body.detail).includes(opened[0] as string) }).toEqual({ code: 'RULE_R04_PLACES_HELD', namesTheHolder: true });
    expect((await pool.query('SELECT case_id FROM position_claims WHERE position_id = $1', [id])).rows).toEqual([{ case_id: opened[0] }]);
    expect(Number((await pool.query(`SELECT count(*) FROM event_store.events WHERE type = 'TransferCaseOpened.v1' AND data->>'targetPositionId' = $1`, [id])).rows[0].count)).toBe(
      1,
    );
    expect((await gateway.as(PROPOSER, 'POST', `/api/transfers/${opened[0]}/withdraw`, { reason: 'race over' })).status).toBe(200);
  });

  it('M-09 across replicas: two cases proposing the same employee at once, one through each replica, only one holds the employee', async () => {
    const target = await importPosition('replica-two-places', 2);
    const cases = [driver(target, DEMO_NIP.internal), driver(target, DEMO_NIP.internal)];
    for (const d of cases) {
      await d.open();
      await d.approveNeeds();
    }
    const employee = await gateway.as('inspektur.bkn', 'GET', `/api/employees/${DEMO_NIP.internal}`);
    const proposal = { employeeNip: DEMO_NIP.internal, originPositionId: employee.body.positionId as string, initiative: 'DINAS', justification: 'qualified for the vacancy' };
    const results = await Promise.all(cases.map((d, i) => split(i).as(PROPOSER, 'POST', `/api/transfers/${d.caseId}/propose-candidate`, proposal)));
    const won = results.findIndex((r) => r.status === 200);
    const lost = results.findIndex((r) => r.status !== 200);
    expect({ won: won >= 0, lost: results[lost]?.status, code: results[lost]?.body.code, holder: results[lost]?.body.openCaseId }).toEqual({
      won: true,
      lost: 409,
      code: 'EMPLOYEE_IN_OPEN_CASE',
      holder: cases[won]?.caseId,
    });
    expect((await pool.query('SELECT case_id FROM employee_claims WHERE nip = $1', [DEMO_NIP.internal])).rows).toEqual([{ case_id: cases[won]?.caseId }]);
  });

  it('stops the gateway and every replica on SIGTERM, last started first, each exiting 0', async () => {
    const printedBefore = stack.output.length;
    expect(await stack.stop()).toBe(0);
    expect(await Promise.all(Array.from({ length: 9 }, (_, i) => isPortFree(port + i)))).toEqual(Array.from({ length: 9 }, () => true));
    const stopped = [...stack.output.slice(printedBefore).matchAll(/^(\S+)\s+\| stopped \((.+)\)$/gm)].map((m) => [m[1], m[2]]);
    expect(stopped).toEqual(
      [
        'gateway',
        'dashboard-service#2',
        'dashboard-service#1',
        'relay',
        'audit-service',
        'transfer-service#2',
        'transfer-service#1',
        'saksi-ombudsman.mutasi.local',
        'saksi-inspektorat.mutasi.local',
      ].map((name) => [name, 'exit 0']),
    );
  });
});
