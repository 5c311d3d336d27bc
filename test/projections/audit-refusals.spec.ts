import { RefusalsProjection } from '@mutasi/audit';
import { caseStories } from './support/case-stories';
import { itIsIdempotentAndRebuildable, projectionFixture, ProjectionFixture } from './support/projection-fixture';

type Row = Record<string, unknown>;

/** M-04: every refused command, who tried it, and the permission or rule that refused it. */
describe('projection audit-refusals', () => {
  let f: ProjectionFixture;
  const refusals = (): Promise<Row[]> =>
    f.rows(`SELECT actor_id, actor_role, actor_agency, command, case_id, status, code, rule_id, reason, recorded_at, details FROM audit_refusals ORDER BY position`);
  // Stored as the RefusalRecorder stores them: one stream per actor (libs/transfers/src/cases/refusals.ts).
  const refusal = (userId: string, data: Row, recordedAt: string) => ({
    type: 'CommandRefused.v1',
    data,
    metadata: { actor: { userId, role: 'PENGUSUL', agencyId: 'kota-bandar-lestari' }, recordedAt, commandId: `${userId}-${recordedAt}`, caseId: data.caseId ?? null },
  });
  const r21 = {
    command: 'ProposeCandidate',
    caseId: 'ref-1',
    status: 422,
    code: 'RULE_R21_TEN_YEAR_LOCK',
    ruleId: 'R-21',
    reason: 'ten-year lock until 2029-02-01',
    legalBasis: 'PP 11/2017 Pasal 190',
    bodyExcerpt: '{"employeeNip":"199201052019022001"}',
    ruleOutcomes: [{ ruleId: 'R-21', outcome: 'REFUSE' }],
  };
  const forbidden = {
    command: 'IssueDecree',
    caseId: null,
    status: 403,
    code: 'FORBIDDEN',
    ruleId: null,
    reason: 'the PPK of another agency may not sign',
    legalBasis: null,
    bodyExcerpt: '{}',
  };

  beforeAll(async () => {
    f = await projectionFixture(() => new RefusalsProjection());
    const story = caseStories(f.world, 'ref').appointed; // case events: not refusals, skipped
    await f.appendCase(story.caseId, story.events);
    await f.appendRaw('refusals-pengusul.kota-bandar-lestari', [
      refusal('pengusul.kota-bandar-lestari', r21, '2026-06-01T03:00:00.000Z'),
      refusal('pengusul.kota-bandar-lestari', forbidden, '2026-06-01T04:00:00.000Z'),
    ]);
    await f.project();
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  it('M-04 records each refused command with its actor, rule, reason and legal basis; nothing else', async () => {
    expect(await refusals()).toEqual([
      {
        actor_id: 'pengusul.kota-bandar-lestari',
        actor_role: 'PENGUSUL',
        actor_agency: 'kota-bandar-lestari',
        command: 'ProposeCandidate',
        case_id: 'ref-1',
        status: 422,
        code: 'RULE_R21_TEN_YEAR_LOCK',
        rule_id: 'R-21',
        reason: r21.reason,
        recorded_at: new Date('2026-06-01T03:00:00.000Z'),
        details: { legalBasis: r21.legalBasis, bodyExcerpt: r21.bodyExcerpt, ruleOutcomes: r21.ruleOutcomes },
      },
      {
        actor_id: 'pengusul.kota-bandar-lestari',
        actor_role: 'PENGUSUL',
        actor_agency: 'kota-bandar-lestari',
        command: 'IssueDecree',
        case_id: null,
        status: 403,
        code: 'FORBIDDEN',
        rule_id: null,
        reason: forbidden.reason,
        recorded_at: new Date('2026-06-01T04:00:00.000Z'),
        details: { legalBasis: null, bodyExcerpt: '{}', ruleOutcomes: [] },
      },
    ]);
  });

  it('a projection never stops for one event: a refusal without status or time is quarantined, the next one recorded', async () => {
    const before = await refusals();
    await f.appendRaw('refusals-hostile', [
      { type: 'CommandRefused.v1', data: { command: 'x', status: 'not a number' }, metadata: { actor: { userId: 'hostile' } } },
      refusal('pengusul.kota-bandar-lestari', { ...r21, caseId: 'ref-2' }, '2026-06-02T03:00:00.000Z'),
    ]);
    await f.project();
    expect(await f.quarantined()).toEqual([{ projection: 'audit-refusals', streamId: 'refusals-hostile', revision: 0, type: 'CommandRefused.v1' }]);
    expect((await refusals()).map((r) => r.case_id)).toEqual([...before.map((r) => r.case_id), 'ref-2']);
  });

  itIsIdempotentAndRebuildable(
    () => f,
    async () => ({ audit_refusals: await refusals() }),
  );
});
