import { AGENCY, CaseDriver, MutasiHttp, positionId, runDemo, SAMPLE_NIP } from '@mutasi/demo-data';
import { addDays, toDate } from '@mutasi/domain';
import { OffsetClock } from '@mutasi/platform';
import { startTestApp, TestApp } from '@mutasi/testing/app';

const DAY = 86_400_000;

/**
 * Path 9, no time bombs: the demo data is built relative to the clock, so the whole demo (every route family to its
 * evaluation and close, and the refusals) runs at the real clock and at a clock years ahead; the demo
 * clock persists across a restart, never goes back, and moves only for an ADMIN.
 */
describe.each([0, 400, 800])('the demo and every route family at the real clock + %i days', (offset) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date(Date.now() + offset * DAY).toISOString() });
  });
  afterAll(() => t.close());

  it('runs every route family to a closed case, refuses R-21 and R-40, and proposals still work after the clock moved', async () => {
    const http = new MutasiHttp(t.url);
    const run = await runDemo(http, () => undefined);
    expect(run.completed).toHaveLength(5);
    for (const d of run.completed) expect(d.view.status).toBe('COMPLETED');
    expect(run.refusals).toEqual([
      { ruleId: 'R-21', status: 422 },
      { ruleId: 'R-40', status: 422 },
    ]);
    // A year of demo clock later, a new case still goes through needs analysis and proposal (R-24 finds its SKP years).
    const next = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'kabid-perencanaan'), SAMPLE_NIP.clean);
    await next.open();
    await next.approveNeeds();
    await next.propose({ meritDeviationJustification: 'the planner with field experience' });
    expect(next.view).toMatchObject({ status: 'PROPOSED' });
    expect((next.view.ruleOutcomes as { ruleId: string; outcome: string }[]).find((o) => o.ruleId === 'R-24')?.outcome).toBe('PASS');
  });
});

describe('the demo clock', () => {
  it('moves only for a signed-in ADMIN, is kept across a restart and never goes back', async () => {
    const first = await startTestApp({ demoClock: new OffsetClock(0) });
    const http = new MutasiHttp(first.url);
    const refused = await http.as('pengusul.kota-bandar-lestari', 'POST', '/api/dev/clock', { advanceDays: 30 });
    expect(refused.body).toMatchObject({ status: 403, code: 'ROLE_NOT_ALLOWED' });
    expect((await http.raw('POST', '/api/dev/clock', { advanceDays: 30 })).status).toBe(401);
    const moved = await http.as('admin.bkn', 'POST', '/api/dev/clock', { advanceDays: 400 });
    expect(moved.body.offsetDays).toBeGreaterThanOrEqual(400);
    const movedTo = String(moved.body.now);
    await first.stop();
    const second = await startTestApp({ reuse: first, demoClock: new OffsetClock(0) });
    try {
      const after = await new MutasiHttp(second.url).raw('GET', '/api/dev/clock');
      expect(after.body.offsetDays).toBeGreaterThanOrEqual(400);
      expect(String(after.body.now) >= movedTo).toBe(true);
      expect(toDate(String(after.body.now)) >= addDays(toDate(new Date().toISOString()), 399)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
