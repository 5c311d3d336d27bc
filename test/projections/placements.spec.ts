import { PlacementsProjection } from '@mutasi/transfers';
import { caseStories, CaseStories, eventOf } from './support/case-stories';
import { itIsIdempotentAndRebuildable, projectionFixture, ProjectionFixture } from './support/projection-fixture';

type Row = Record<string, unknown>;

/** The record follows the person: placements (appointments and their revocations), places and persons held, case parties. */
describe('projection placements', () => {
  let f: ProjectionFixture;
  let s: CaseStories;
  const placements = (): Promise<Row[]> =>
    f.rows(`SELECT case_id, kind, nip, from_agency_id, from_position_id, to_agency_id, to_position_id, position_since::text, jpt_inauguration_date::text,
    decree_number, decree_date::text, effective_on::text, event_id FROM placements ORDER BY case_id, kind`);
  const claims = async (): Promise<Row> => ({
    positions: await f.rows('SELECT case_id, position_id FROM position_claims ORDER BY case_id'),
    employees: await f.rows('SELECT nip, case_id FROM employee_claims ORDER BY nip'),
  });
  const parties = (): Promise<Row[]> => f.rows('SELECT case_id, candidate_nip, agencies FROM case_parties ORDER BY case_id');

  beforeAll(async () => {
    f = await projectionFixture((store) => new PlacementsProjection(store));
    s = caseStories(f.world, 'place');
    for (const story of Object.values(s)) await f.appendCase(story.caseId, story.events);
    await f.project();
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  it('an appointment moves the employee into the target post and fills the held place; a revoked decree writes the move back', async () => {
    const placed = (story: typeof s.appointed) => {
      const proposal = eventOf(story.events, 'CandidateProposed.v1').data;
      const decree = eventOf(story.events, 'DecreeIssued.v1').data;
      const appointment = story.events.find((e) => e.type === 'AppointmentRecorded.v1');
      return { proposal, decree, appointment };
    };
    const a = placed(s.appointed);
    const r = placed(s.revoked);
    const revocation = eventOf(s.revoked.events, 'DecreeRevoked.v1');
    const decreeColumns = (d: typeof a.decree) => ({ decree_number: d.decreeNumber, decree_date: d.decreeDate });
    expect(await placements()).toEqual([
      {
        case_id: s.appointed.caseId,
        kind: 'APPOINTMENT',
        nip: s.appointed.nip,
        from_agency_id: a.proposal.originAgencyId,
        from_position_id: a.proposal.originPositionId,
        to_agency_id: a.proposal.targetAgencyId,
        to_position_id: s.appointed.targetPositionId,
        position_since: a.decree.effectiveDate,
        jpt_inauguration_date: null,
        ...decreeColumns(a.decree),
        effective_on: a.decree.effectiveDate,
        event_id: expect.any(String),
      },
      {
        case_id: s.revoked.caseId,
        kind: 'APPOINTMENT',
        nip: s.revoked.nip,
        from_agency_id: r.proposal.originAgencyId,
        from_position_id: r.proposal.originPositionId,
        to_agency_id: r.proposal.targetAgencyId,
        to_position_id: s.revoked.targetPositionId,
        position_since: r.decree.effectiveDate,
        jpt_inauguration_date: null,
        ...decreeColumns(r.decree),
        effective_on: r.decree.effectiveDate,
        event_id: expect.any(String),
      },
      {
        case_id: s.revoked.caseId,
        kind: 'REVOCATION',
        nip: s.revoked.nip,
        from_agency_id: r.proposal.targetAgencyId,
        from_position_id: s.revoked.targetPositionId,
        to_agency_id: r.proposal.originAgencyId,
        to_position_id: r.proposal.originPositionId,
        position_since: r.proposal.candidate.positionSince,
        jpt_inauguration_date: null,
        ...decreeColumns(r.decree),
        effective_on: revocation.metadata.recordedAt.slice(0, 10),
        event_id: expect.any(String),
      },
    ]);
    expect(a.appointment).toBeDefined();
  });

  it('holds the place and the person only for cases still open: released when withdrawn, rejected or revoked, the place filled when appointed', async () => {
    expect(await claims()).toEqual({
      positions: [{ case_id: s.returned.caseId, position_id: s.returned.targetPositionId }],
      employees: [
        { nip: s.appointed.nip, case_id: s.appointed.caseId },
        { nip: s.returned.nip, case_id: s.returned.caseId },
      ].sort((x, y) => x.nip.localeCompare(y.nip)),
    });
  });

  it('records who each case involves: its candidate and every agency of its chain', async () => {
    const agenciesOf = (story: typeof s.appointed): string[] => {
      const opened = eventOf(story.events, 'TransferCaseOpened.v1').data;
      const proposal = eventOf(story.events, 'CandidateProposed.v1').data;
      const chain = story.events.find((e) => e.type === 'ApprovalChainStarted.v1');
      const chainAgencies = chain?.type === 'ApprovalChainStarted.v1' ? [...chain.data.steps.map((st) => st.agencyId), chain.data.decreeSigner.agencyId] : [];
      return [...new Set([opened.targetAgencyId, proposal.originAgencyId, ...chainAgencies])].sort();
    };
    const all = [s.appointed, s.rejected, s.returned, s.revoked, s.withdrawn];
    expect(await parties()).toEqual(all.map((story) => ({ case_id: story.caseId, candidate_nip: story.nip, agencies: agenciesOf(story) })));
    expect((await parties()).find((p) => p.case_id === s.returned.caseId)?.agencies).toContain('bkn');
  });

  it('a projection never stops for one event: a proposal without a candidate is quarantined, an unknown type ignored, later cases still projected', async () => {
    const opened = s.withdrawn.events[0];
    const meta = { ...(opened?.metadata as unknown as Record<string, unknown>), caseId: 'place-damaged' };
    await f.appendRaw('transfer-place-damaged', [
      { type: 'TransferCaseOpened.v1', data: { ...(opened?.data as unknown as Record<string, unknown>), caseId: 'place-damaged' }, metadata: meta },
      { type: 'CandidateProposed.v1', data: { originAgencyId: 'x' }, metadata: meta },
    ]);
    await f.appendRaw(`transfer-${s.returned.caseId}`, [{ type: 'Hostile.v9', data: { candidate: { nip: 'stolen' } }, metadata: meta }]);
    const before = await claims();
    const later = caseStories(f.world, 'place-later').withdrawn;
    await f.appendCase(later.caseId, later.events);
    await f.project();
    expect(await f.quarantined()).toEqual([{ projection: 'placements', streamId: 'transfer-place-damaged', revision: 1, type: 'CandidateProposed.v1' }]);
    expect((await parties()).filter((p) => ['place-damaged', later.caseId].includes(p.case_id as string))).toEqual([
      { case_id: 'place-damaged', candidate_nip: null, agencies: [eventOf(s.withdrawn.events, 'TransferCaseOpened.v1').data.targetAgencyId] },
      { case_id: later.caseId, candidate_nip: later.nip, agencies: expect.arrayContaining([eventOf(later.events, 'CandidateProposed.v1').data.originAgencyId]) },
    ]);
    // The damaged case holds its place (its opening was sound); the hostile event took nothing.
    expect(await claims()).toEqual({
      ...before,
      positions: [...(before.positions as Row[]), { case_id: 'place-damaged', position_id: s.withdrawn.targetPositionId }].sort((x, y) =>
        String(x.case_id).localeCompare(String(y.case_id)),
      ),
    });
  });

  itIsIdempotentAndRebuildable(
    () => f,
    async () => ({ placements: await placements(), parties: await parties(), ...((await claims()) as Record<string, Row[]>) }),
  );
});
