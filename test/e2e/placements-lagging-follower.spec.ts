import { DataSource } from 'typeorm';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { EventStore } from '@mutasi/event-store';
import { Projection, ProjectionRunner } from '@mutasi/read-models';
import { PlacementsProjection } from '@mutasi/transfers';
import { startTestApp, TestApp } from '@mutasi/testing/app';

const AUDITOR = positionId(AGENCY.bandarLestari, 'auditor');

/**
 * R-04 and M-09 claims are taken and released by the command path, in the append's transaction. The placements
 * projection puts claims back only for a rebuild: a follower that is behind (or a rebuild) must not put back a claim
 * the case has already given up, or another case is refused a free place or a free employee until it catches up.
 */
describe('placements projection behind the command path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  type Query = (sql: string, parameters: unknown[]) => Promise<unknown[]>;
  const onPool: Query = async (sql, parameters) => (await t.db.query(sql, parameters)).rows as unknown[];
  const claimsOf = async (caseId: string, query: Query = onPool): Promise<{ places: number; employees: number }> => {
    const places = await query('SELECT 1 FROM position_claims WHERE case_id = $1', [caseId]);
    const employees = await query('SELECT 1 FROM employee_claims WHERE case_id = $1', [caseId]);
    return { places: places.length, employees: employees.length };
  };

  it('R-04 / M-09: never puts back the place or the employee of a case that has since been withdrawn', async () => {
    const http = new MutasiHttp(t.url);
    const withdrawn = new CaseDriver(http, AUDITOR, DEMO_NIP.internal);
    await withdrawn.open();
    await withdrawn.approveNeeds();
    await withdrawn.propose();
    await withdrawn.end('the position was abolished');
    expect(await claimsOf(withdrawn.caseId)).toEqual({ places: 0, employees: 0 });

    // The projection follows the store again from the start (as far behind as a follower gets); after each of the
    // withdrawn case's events, in the transaction that applies it, the case holds nothing.
    const seen: { places: number; employees: number }[] = [];
    const store = t.app.get(EventStore);
    const placements = new PlacementsProjection(store);
    const watched: Projection = {
      name: placements.name,
      tables: placements.tables,
      handles: (e) => placements.handles(e),
      apply: async (events, tx) => {
        for (const e of events) {
          await placements.apply([e], tx);
          if (e.streamId.endsWith(withdrawn.caseId)) seen.push(await claimsOf(withdrawn.caseId, (sql, p) => tx.query(sql, p)));
        }
      },
    };
    const runner = new ProjectionRunner(store, t.app.get(DataSource), watched);
    await runner.reset();
    await runner.catchUpTo();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(seen.map(() => ({ places: 0, employees: 0 })));

    // An open case keeps what it holds when the projection is rebuilt from zero.
    const open = new CaseDriver(http, AUDITOR, DEMO_NIP.internal);
    await open.open();
    await open.approveNeeds();
    await open.propose();
    await runner.catchUpTo();
    expect(await claimsOf(open.caseId)).toEqual({ places: 1, employees: 1 });
    await t.db.query('DELETE FROM position_claims WHERE case_id = $1', [open.caseId]);
    await t.db.query('DELETE FROM employee_claims WHERE case_id = $1', [open.caseId]);
    await runner.reset();
    await runner.catchUpTo();
    expect(await claimsOf(open.caseId)).toEqual({ places: 1, employees: 1 });
    await open.end();
  });
});
