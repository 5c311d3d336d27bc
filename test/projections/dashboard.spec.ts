import { DashboardStoreFeed } from '@mutasi/dashboard';
import { caseStreamId, evolve, initialState, innerCase, stageOf, TransferEvent } from '@mutasi/domain';
import { caseStories, CaseStories, CaseStory, eventOf } from './support/case-stories';
import { itIsIdempotentAndRebuildable, projectionFixture, ProjectionFixture } from './support/projection-fixture';

type Row = Record<string, unknown>;

const ENDED = new Set(['COMPLETED', 'REJECTED', 'WITHDRAWN', 'REVOKED']);
const DAY_MS = 86_400_000;

/** The case after each of its events, as the domain folds it: stage, status and when. */
function walk(story: CaseStory): { event: TransferEvent; stage: string; status: string; at: Date }[] {
  let state = initialState();
  return story.events.map((event) => {
    state = evolve(state, event);
    const c = innerCase(state);
    if (!c) throw new Error(`${story.caseId} has no case after ${event.type}`);
    return { event, stage: stageOf(c), status: state.status, at: new Date(event.metadata.recordedAt) };
  });
}

/** One row per stage a case entered while open: from the event that entered it to the one that left it or ended the case. */
function stageDurations(story: CaseStory): Row[] {
  const rows: Row[] = [];
  let current: Row | null = null;
  for (const { stage, status, at } of walk(story)) {
    const open = !ENDED.has(status);
    if (current && (current.stage !== stage || !open)) {
      current.left_at = at;
      current.days = (at.getTime() - (current.entered_at as Date).getTime()) / DAY_MS;
      current = null;
    }
    if (!current && open) {
      current = { case_id: story.caseId, stage, entered_at: at, left_at: null, days: null };
      rows.push(current);
    }
  }
  return rows;
}

/** The dashboard's read models fed in process from the event store (standalone mode's DashboardStoreFeed). */
describe('projection dashboard', () => {
  let f: ProjectionFixture;
  let s: CaseStories;
  const cases = (): Promise<Row[]> => f.rows('SELECT * FROM dashboard_cases ORDER BY case_id');
  const durations = async (): Promise<Row[]> =>
    (await f.rows<Row>('SELECT case_id, stage, entered_at, left_at, days FROM dashboard_stage_durations ORDER BY case_id, entered_at, stage')).map((r) => ({
      ...r,
      days: r.days === null ? null : Number(r.days),
    }));
  const steps = (caseId: string): Promise<Row[]> =>
    f.rows('SELECT step_id, kind, role, agency_id, title, status, deadline::text, escalations FROM dashboard_steps WHERE case_id = $1 ORDER BY ordinal', [caseId]);
  const dump = async (): Promise<Record<string, Row[]>> => ({
    dashboard_cases: await cases(),
    dashboard_stage_durations: await durations(),
    dashboard_positions: await f.rows('SELECT * FROM dashboard_positions ORDER BY position_id'),
    dashboard_steps: await f.rows('SELECT * FROM dashboard_steps ORDER BY case_id, ordinal'),
    dashboard_training: await f.rows('SELECT * FROM dashboard_training ORDER BY case_id'),
    dashboard_tasks: await f.rows('SELECT * FROM dashboard_tasks ORDER BY case_id, task_key, role'),
  });
  const all = (): CaseStory[] => Object.values(s).sort((a, b) => a.caseId.localeCompare(b.caseId));

  beforeAll(async () => {
    f = await projectionFixture((store) => new DashboardStoreFeed(store));
    s = caseStories(f.world, 'dash');
    for (const story of Object.values(s)) await f.appendCase(story.caseId, story.events);
    await f.project();
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  it('keeps one row per case: its agencies, post, route, candidate, stage and status after its last event, and when each began', async () => {
    const expected: Row[] = [];
    for (const story of all()) {
      const steps = walk(story);
      const last = steps.at(-1);
      const opened = eventOf(story.events, 'TransferCaseOpened.v1').data;
      const proposal = eventOf(story.events, 'CandidateProposed.v1').data;
      const stored = await f.store.readStream(caseStreamId(story.caseId));
      const sinceIndex = steps.length - [...steps].reverse().findIndex((st) => st.stage !== last?.stage); // the run of its last stage
      expected.push({
        case_id: story.caseId,
        target_agency: opened.targetAgencyId,
        origin_agency: proposal.originAgencyId,
        target_position: opened.targetPositionId,
        position_title: opened.targetPosition.title,
        route: proposal.route,
        stage: last?.stage,
        status: last?.status,
        open: !ENDED.has(String(last?.status)),
        candidate_nip: proposal.candidate.nip,
        candidate_name: proposal.candidate.name,
        opened_at: steps[0]?.at,
        stage_since: steps[sinceIndex]?.at,
        updated_at: last?.at,
        last_sequence: story.events.length - 1,
        last_event_id: stored.at(-1)?.eventId,
      });
    }
    expect(expected.map((c) => c.status)).toEqual(['APPOINTED', 'REJECTED', 'RETURNED_FOR_REVISION', 'REVOKED', 'WITHDRAWN']);
    expect(await cases()).toEqual(expected);
  });

  it('times every stage a case went through, the open one without an end', async () => {
    const expected = all()
      .flatMap(stageDurations)
      .sort(
        (a, b) =>
          String(a.case_id).localeCompare(String(b.case_id)) ||
          (a.entered_at as Date).getTime() - (b.entered_at as Date).getTime() ||
          String(a.stage).localeCompare(String(b.stage)),
      );
    expect(expected.filter((d) => d.left_at === null).map((d) => d.case_id)).toEqual([s.appointed.caseId, s.returned.caseId]);
    expect(await durations()).toEqual(expected);
  });

  it('shows the approval chain: granted steps approved, the decree done; a rejection ends the chain at its step, a return sends it back', async () => {
    const chain = (story: CaseStory, status: (stepId: string, i: number) => string): Row[] => {
      const started = eventOf(story.events, 'ApprovalChainStarted.v1').data;
      const granted = new Map(story.events.flatMap((e) => (e.type === 'ApprovalStepGranted.v1' ? [[e.data.stepId, e.data]] : [])));
      return started.steps.map((st, i) => ({
        step_id: st.stepId,
        kind: st.kind,
        role: st.role,
        agency_id: st.agencyId,
        title: st.title,
        status: status(st.stepId, i),
        deadline: i === 0 ? started.firstDeadline : ([...granted.values()].find((g) => g.nextStepId === st.stepId)?.nextDeadline ?? null),
        escalations: 0,
      }));
    };
    const rejectedAt = eventOf(s.rejected.events, 'ApprovalStepRejected.v1').data.stepId;
    const returnedAt = eventOf(s.returned.events, 'ProposalReturnedForRevision.v1').data.stepId;
    expect(await steps(s.appointed.caseId)).toEqual(chain(s.appointed, (_, i) => (i === 2 ? 'DONE' : 'APPROVED')));
    expect(await steps(s.rejected.caseId)).toEqual(chain(s.rejected, (id) => (id === rejectedAt ? 'REJECTED' : 'CANCELLED')));
    expect(await steps(s.returned.caseId)).toEqual(chain(s.returned, (id) => (id === returnedAt ? 'RETURNED' : 'CANCELLED')));
  });

  it('lists each target post with its needs figures, and the inbox holds only what open cases wait for', async () => {
    expect(await f.rows('SELECT * FROM dashboard_positions ORDER BY position_id')).toEqual(
      all()
        .map((story) => {
          const opened = eventOf(story.events, 'TransferCaseOpened.v1');
          const p = opened.data.targetPosition;
          return {
            position_id: opened.data.targetPositionId,
            agency_id: opened.data.targetAgencyId,
            title: p.title,
            kebutuhan: p.kebutuhan,
            bezetting: p.bezetting,
            updated_at: new Date(opened.metadata.recordedAt),
          };
        })
        .sort((a, b) => a.position_id.localeCompare(b.position_id)),
    );
    // The appointed case waits for its evaluations, which fall due later; the returned one for its revised proposal.
    expect(await f.rows('SELECT case_id, task_key, kind, role, agency_id, nip, deadline FROM dashboard_tasks ORDER BY case_id, task_key, role')).toEqual([
      {
        case_id: s.returned.caseId,
        task_key: 'status',
        kind: 'REVISION',
        role: 'PENGUSUL',
        agency_id: eventOf(s.returned.events, 'TransferCaseOpened.v1').data.targetAgencyId,
        nip: null,
        deadline: null,
      },
    ]);
  });

  it('a projection never stops for one event: a chain that is not a list is quarantined, an unknown type skipped, later cases still shown', async () => {
    const opened = eventOf(s.withdrawn.events, 'TransferCaseOpened.v1');
    const meta = { ...opened.metadata, caseId: 'dash-damaged' };
    await f.appendRaw('transfer-dash-damaged', [
      { type: opened.type, data: { ...opened.data, caseId: 'dash-damaged' }, metadata: meta },
      { type: 'ApprovalChainStarted.v1', data: { steps: 'not a list', firstDeadline: 'soon' }, metadata: meta },
    ]);
    const before = (await cases()).find((c) => c.case_id === s.returned.caseId);
    await f.appendRaw(caseStreamId(s.returned.caseId), [{ type: 'Hostile.v9', data: { stage: 'SK' }, metadata: meta }]);
    const later = caseStories(f.world, 'dash-later').withdrawn;
    await f.appendCase(later.caseId, later.events);
    await f.project();
    expect(await f.quarantined()).toEqual([{ projection: 'dashboard', streamId: 'transfer-dash-damaged', revision: 1, type: 'ApprovalChainStarted.v1' }]);
    const shown = await cases();
    expect(shown.find((c) => c.case_id === s.returned.caseId)).toEqual(before);
    expect(shown.find((c) => c.case_id === 'dash-damaged')).toEqual(expect.objectContaining({ status: 'NEEDS_ANALYSIS_SUBMITTED', last_sequence: 0 }));
    expect(shown.find((c) => c.case_id === later.caseId)).toEqual(expect.objectContaining({ status: 'WITHDRAWN', last_sequence: later.events.length - 1 }));
  });

  itIsIdempotentAndRebuildable(() => f, dump);
});
