import { Client } from 'pg';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { createTestDatabase, eventually } from '@mutasi/testing';
import { ServerProcess, spawnServer } from '@mutasi/testing/app';

// Each test starts real servers (from TypeScript) and PostgreSQL, several minutes' work on a loaded 2-core machine.
jest.setTimeout(300_000);

/**
 * An Idempotency-Key in flight when the server is SIGKILLed: a retry on the restarted server gets the original answer
 * (the append had landed) or runs the command once (it had not); it is never stuck "in use".
 */
describe('Idempotency-Key across a server crash (SIGKILL)', () => {
  let database: { url: string; drop(): Promise<void> };
  let server: ServerProcess;
  let db: Client;
  const env = (): Record<string, string> => ({ DATABASE_URL: database.url, IDEMPOTENCY_LEASE_SECONDS: '1' });

  /** Each test's case gives its vacancy back (R-04 holds a place per open case). */
  const opened: CaseDriver[] = [];
  afterEach(async () => {
    const http = new MutasiHttp(server.url);
    for (const driver of opened.splice(0)) expect((await http.as('ppk.prov-nb', 'POST', `/api/transfers/${driver.caseId}/withdraw`, { reason: 'test done' })).status).toBe(200);
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await spawnServer(env());
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await db?.end();
    await database?.drop();
  });

  /** A case waiting for its needs analysis, and the approval command a retry will repeat. */
  async function openCase(): Promise<{ driver: CaseDriver; user: string; path: string; body: object }> {
    const driver = new CaseDriver(new MutasiHttp(server.url), positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
    await driver.open();
    opened.push(driver);
    return {
      driver,
      user: driver.person('TIM_PENILAI_KINERJA', driver.targetAgencyId, 'NEEDS_APPROVAL'),
      path: `/api/transfers/${driver.caseId}/approve-needs-analysis`,
      body: { notes: 'ABK checked' },
    };
  }

  const approvals = async (caseId: string): Promise<number> =>
    Number((await db.query(`SELECT count(*) AS n FROM event_store.events WHERE stream_id = $1 AND type LIKE 'NeedsAnalysisApproved%'`, [`transfer-${caseId}`])).rows[0].n);

  /** The backend of the dead server still waiting on a lock: what PostgreSQL would drop once it noticed the client gone. */
  const waiter = (queryStart: string): Promise<number> =>
    eventually(
      async () => {
        const rows = (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`, [`%${queryStart}%`]))
          .rows as { pid: number }[];
        return rows[0]?.pid;
      },
      20_000,
      `a request waiting on a lock (${queryStart})`,
    );

  /** Sends the retry until the lease of the dead claim has run out; only IDEMPOTENCY_KEY_IN_USE is retried. */
  async function retryUntilAnswered(http: MutasiHttp, user: string, path: string, body: object, key: string): Promise<{ status: number; body: Record<string, unknown> }> {
    return eventually(
      async () => {
        const result = await http.as(user, 'POST', path, body, { 'idempotency-key': key });
        return result.body?.code === 'IDEMPOTENCY_KEY_IN_USE' ? undefined : result;
      },
      20_000,
      'the retry to be answered',
    );
  }

  async function restart(): Promise<MutasiHttp> {
    server = await spawnServer(env());
    return new MutasiHttp(server.url);
  }

  it('killed after the append landed, before the answer was stored: the retry gets the original answer and appends nothing', async () => {
    const { driver, user, path, body } = await openCase();
    const key = 'crash-after-append';
    // The append waits on a lock of the events table; meanwhile the committed claim row is locked, so once the append
    // is let through the server blocks storing its answer: the crash window.
    const events = new Client({ connectionString: database.url });
    const claim = new Client({ connectionString: database.url });
    await Promise.all([events.connect(), claim.connect()]);
    await events.query('BEGIN');
    await events.query('LOCK TABLE event_store.events IN SHARE ROW EXCLUSIVE MODE');
    const http = new MutasiHttp(server.url);
    const inFlight = http.as(user, 'POST', path, body, { 'idempotency-key': key }).catch(() => undefined);
    await waiter('INSERT INTO event_store.events');
    await claim.query('BEGIN');
    expect((await claim.query('SELECT status FROM idempotency_keys WHERE key = $1 FOR UPDATE', [key])).rows).toEqual([{ status: null }]);
    await events.query('COMMIT');
    await eventually(async () => ((await approvals(driver.caseId)) === 1 ? true : undefined), 20_000, 'the append');
    const blocked = await waiter('UPDATE idempotency_keys');
    await server.kill('SIGKILL');
    await db.query('SELECT pg_terminate_backend($1)', [blocked]);
    await claim.query('ROLLBACK');
    await Promise.all([events.end(), claim.end()]);
    await inFlight;

    const retried = await retryUntilAnswered(await restart(), user, path, body, key);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ caseId: driver.caseId });
    expect(await approvals(driver.caseId)).toBe(1);
    const again = await new MutasiHttp(server.url).as(user, 'POST', path, body, { 'idempotency-key': key });
    expect({ status: again.status, approvals: await approvals(driver.caseId) }).toEqual({ status: 200, approvals: 1 });
  });

  it('killed before the append: the retry runs the command exactly once', async () => {
    const { driver, user, path, body } = await openCase();
    const key = 'crash-before-append';
    const hold = new Client({ connectionString: database.url });
    await hold.connect();
    await hold.query('BEGIN');
    await hold.query('LOCK TABLE event_store.events IN SHARE ROW EXCLUSIVE MODE');
    const http = new MutasiHttp(server.url);
    const inFlight = http.as(user, 'POST', path, body, { 'idempotency-key': key }).catch(() => undefined);
    const blocked = await waiter('INSERT INTO event_store.events');
    expect((await db.query('SELECT status FROM idempotency_keys WHERE key = $1', [key])).rows).toEqual([{ status: null }]);
    await server.kill('SIGKILL');
    await db.query('SELECT pg_terminate_backend($1)', [blocked]);
    await hold.query('COMMIT');
    await hold.end();
    await inFlight;
    expect(await approvals(driver.caseId)).toBe(0);

    const retried = await retryUntilAnswered(await restart(), user, path, body, key);
    expect(retried.status).toBe(200);
    expect(await approvals(driver.caseId)).toBe(1);
  });

  it('a live claim is still protected: the same key sent twice at once runs once, the other answer is 409 IDEMPOTENCY_KEY_IN_USE with Retry-After or the same result', async () => {
    const { driver, user, path, body } = await openCase();
    const http = new MutasiHttp(server.url);
    const answers = await Promise.all([1, 2, 3].map(() => http.as(user, 'POST', path, body, { 'idempotency-key': 'twice' })));
    for (const answer of answers) {
      if (answer.status === 409) {
        expect(answer.body.code).toBe('IDEMPOTENCY_KEY_IN_USE');
        expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      } else expect(answer.status).toBe(200);
    }
    expect(await approvals(driver.caseId)).toBe(1);
  });
});
