import { randomUUID } from 'node:crypto';
import { AuditWorkers } from '@mutasi/audit';
import { DashboardWorkers } from '@mutasi/dashboard';
import { AGENCY, CaseDriver, MutasiHttp, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { EventStore } from '@mutasi/event-store';
import { NotificationWorkers } from '@mutasi/notifications';
import { PlacementWorkers, SchedulerWorkers } from '@mutasi/transfers';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/** One sample of the Prometheus text exposition: `name{labels} value`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const line = text.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`) && !l.startsWith(`${name} `)) return false;
    return Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`));
  });
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/**
 * What an operator sees of a running server, over HTTP on a real PostgreSQL: /metrics after commands (accepted and
 * refused with the rule), the projections' lag as it falls to 0, and liveness and readiness, readiness refused
 * while a projection is held back beyond READY_MAX_PROJECTION_LAG.
 */
describe('observability: /metrics and /api/health/live, /api/health/ready', () => {
  let t: TestApp;
  let http: MutasiHttp;
  const metrics = async (): Promise<string> => {
    const answer = await fetch(`${t.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/plain');
    return answer.text();
  };
  const ready = async (): Promise<{ status: number; body: { status: string; checks: Record<string, { status: string; detail: string }> } }> => {
    const answer = await fetch(`${t.url}/api/health/ready`);
    return { status: answer.status, body: (await answer.json()) as never };
  };
  /** Every projection this server hosts, caught up to the store's head (the test app runs no workers). */
  const catchUpEverything = async (): Promise<void> => {
    await t.app.get(AuditWorkers).catchUp();
    await t.app.get(SchedulerWorkers).runner.catchUpTo();
    await t.app.get(PlacementWorkers).runner.catchUpTo();
    await t.app.get(NotificationWorkers).runner.catchUpTo();
    await t.app.get(DashboardWorkers).runner?.catchUpTo();
  };

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(() => t.close());

  it('counts an accepted command and an R-21 refusal by type, outcome and rule, and HTTP latency by route template', async () => {
    const d = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock);
    await d.open();
    await d.approveNeeds();
    const refused = await d.propose({ initiative: 'PERMINTAAN_SENDIRI' }, 422);
    expect(refused.body).toMatchObject({ ruleId: 'R-21' });
    const text = await metrics();
    expect(sample(text, 'mutasi_commands_total', { type: 'OpenTransferCase', outcome: 'accepted' })).toBe(1);
    expect(sample(text, 'mutasi_commands_total', { type: 'ProposeCandidate', outcome: 'refused' })).toBe(1);
    expect(sample(text, 'mutasi_commands_total', { type: 'ProposeCandidate', outcome: 'accepted' })).toBeUndefined();
    expect(sample(text, 'mutasi_refusals_total', { rule: 'R-21' })).toBe(1);
    expect(sample(text, 'mutasi_event_append_duration_seconds_count')).toBeGreaterThanOrEqual(2);
    const route = /mutasi_http_request_duration_seconds_count\{method="POST",route="(\/api\/transfers\/:[A-Za-z]+\/propose-candidate)",status="422"\} 1/.exec(text);
    expect(route?.[1]).toBeDefined();
    expect(text).not.toContain(d.caseId);
    expect(sample(text, 'mutasi_scheduler_backlog')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'mutasi_ledger_unsigned_leaves')).toBeGreaterThanOrEqual(0);
  });

  it("shows each projection's lag at scrape time, falling to 0 once it caught up", async () => {
    const before = await metrics();
    expect(sample(before, 'mutasi_projection_lag_events', { projection: 'audit-trail' })).toBeGreaterThan(0);
    await catchUpEverything();
    const after = await metrics();
    for (const projection of ['audit-trail', 'audit-refusals', 'ledger', 'placements', 'scheduler-due-work', 'notifications', 'dashboard']) {
      expect({ projection, lag: sample(after, 'mutasi_projection_lag_events', { projection }) }).toEqual({ projection, lag: 0 });
    }
  });

  it('is live with no dependency asked, and ready once every projection is within the lag', async () => {
    const live = await fetch(`${t.url}/api/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    await catchUpEverything();
    const answer = await ready();
    expect(answer).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { database: { status: 'up' }, migrations: { status: 'up' }, 'projection:audit-trail': { status: 'up' } } },
    });
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
  });

  it('is not ready (503, the same report) while a projection is more than 1000 events behind, and ready again after catch-up', async () => {
    await catchUpEverything();
    const store = t.app.get(EventStore);
    for (let batch = 0; batch < 11; batch += 1) {
      const events = Array.from({ length: 100 }, (_, i) => ({
        eventId: randomUUID(),
        type: 'ObservabilityProbe.v1',
        data: { n: batch * 100 + i },
        metadata: { recordedAt: new Date().toISOString() },
      }));
      await store.append(`observability-probe-${batch}`, events, 'no_stream');
    }
    const behind = await ready();
    expect(behind.status).toBe(503);
    expect(behind.body.status).toBe('degraded');
    expect(behind.body.checks['projection:audit-trail']).toMatchObject({ status: 'down', detail: expect.stringContaining('1100 events behind') });
    expect(behind.body.checks.database).toMatchObject({ status: 'up' });
    expect((await fetch(`${t.url}/api/health/live`)).status).toBe(200);
    await catchUpEverything();
    expect((await ready()).status).toBe(200);
  });

  it("echoes the client's X-Request-Id, or gives one", async () => {
    const own = await fetch(`${t.url}/api/health/live`, { headers: { 'X-Request-Id': 'ops-check-1' } });
    expect(own.headers.get('x-request-id')).toBe('ops-check-1');
    const given = await fetch(`${t.url}/api/health/live`);
    expect(given.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
