import { AuditTrailProjection } from '@mutasi/audit';
import { caseStories, CaseStories } from './support/case-stories';
import { itIsIdempotentAndRebuildable, projectionFixture, ProjectionFixture } from './support/projection-fixture';

type Row = Record<string, unknown>;

/** The audit trail: one row per event of every stream, who did what in which role and agency, and the agencies it concerns. */
describe('projection audit-trail', () => {
  let f: ProjectionFixture;
  let s: CaseStories;
  const trail = (caseId: string): Promise<Row[]> =>
    f.rows(`SELECT stream_id, revision, type, case_id, actor_id, actor_role, actor_agency, recorded_at FROM audit_events WHERE case_id = $1 ORDER BY position`, [caseId]);
  const dump = async (): Promise<Record<string, Row[]>> => ({
    audit_events: await f.rows(
      `SELECT position, stream_id, revision, event_id::text, type, case_id, actor_id, actor_name, actor_role, actor_agency, recorded_at, what, justification, rule_outcomes, hash, prev_hash FROM audit_events ORDER BY position`,
    ),
    audit_event_agencies: await f.rows('SELECT agency_id, position FROM audit_event_agencies ORDER BY agency_id, position'),
    audit_cases: await f.rows('SELECT * FROM audit_cases ORDER BY case_id'),
  });

  beforeAll(async () => {
    f = await projectionFixture((store) => new AuditTrailProjection(store));
    s = caseStories(f.world, 'trail');
    for (const story of Object.values(s)) await f.appendCase(story.caseId, story.events);
    await f.project();
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  it('writes one row per event of a case, in its order, with who acted in which role and agency', async () => {
    for (const story of [s.appointed, s.withdrawn, s.revoked]) {
      expect(await trail(story.caseId)).toEqual(
        story.events.map((e, revision) => ({
          stream_id: `transfer-${story.caseId}`,
          revision,
          type: e.type,
          case_id: story.caseId,
          actor_id: e.metadata.actor.userId,
          actor_role: e.metadata.actor.role,
          actor_agency: e.metadata.actor.agencyId,
          recorded_at: new Date(e.metadata.recordedAt),
        })),
      );
    }
  });

  it('files each event of a case under the agencies it concerns: the actor’s, the target and the origin agency', async () => {
    const agencies = await f.rows<{ agency_id: string }>(
      `SELECT DISTINCT a.agency_id FROM audit_event_agencies a JOIN audit_events e USING (position) WHERE e.case_id = $1 ORDER BY 1`,
      [s.withdrawn.caseId],
    );
    const expected = new Set(s.withdrawn.events.map((e) => e.metadata.actor.agencyId));
    const opened = s.withdrawn.events.find((e) => e.type === 'TransferCaseOpened.v1');
    const proposed = s.withdrawn.events.find((e) => e.type === 'CandidateProposed.v1');
    if (opened?.type === 'TransferCaseOpened.v1') expected.add(opened.data.targetAgencyId);
    if (proposed?.type === 'CandidateProposed.v1') expected.add(proposed.data.originAgencyId);
    expect(agencies.map((a) => a.agency_id)).toEqual([...expected].filter((a) => a !== 'system').sort());
  });

  it('a projection never stops for one event: events with a damaged envelope or payload are quarantined, the cases after them written', async () => {
    await f.appendRaw('transfer-trail-damaged', [
      { type: 'Hostile.v9', data: { what: 42 }, metadata: { actor: 'not an object', recordedAt: 'yesterday', ruleOutcomes: 'many' } },
      { type: 'CandidateProposed.v1', data: { candidate: null }, metadata: { caseId: 'trail-damaged' } },
    ]);
    const later = caseStories(f.world, 'trail-later').rejected;
    await f.appendCase(later.caseId, later.events);
    await f.project();
    const damaged = await f.rows(`SELECT revision, type, actor_id, recorded_at FROM audit_events WHERE stream_id = 'transfer-trail-damaged' ORDER BY revision`);
    const quarantined = await f.quarantined();
    expect(damaged).toEqual([]);
    expect(quarantined).toEqual([
      { projection: 'audit-trail', streamId: 'transfer-trail-damaged', revision: 0, type: 'Hostile.v9' },
      { projection: 'audit-trail', streamId: 'transfer-trail-damaged', revision: 1, type: 'CandidateProposed.v1' },
    ]);
    expect((await trail(later.caseId)).length).toBe(later.events.length);
  });

  // Replayed over its own rows, each event is filed with the case's context at that event (the context is saved with its
  // revision and rebuilt from the stream for an event at or below it), never with what the case learned later.
  itIsIdempotentAndRebuildable(() => f, dump);
});
