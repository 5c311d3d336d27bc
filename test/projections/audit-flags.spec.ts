import { FlagsProjection } from '@mutasi/audit';
import { caseStreamId, DEFAULT_POLICIES, policyAt, RuleOutcome } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId } from '@mutasi/demo-data';
import { RecordedEvent } from '@mutasi/event-store';
import { CaseJourney } from '@mutasi/testing';
import { caseStories, CaseStories, CaseStory, eventOf } from './support/case-stories';
import { itIsIdempotentAndRebuildable, projectionFixture, ProjectionFixture } from './support/projection-fixture';

type Row = Record<string, unknown>;

/** What each recorded FLAG outcome of the stories means to an inspector. */
const PATTERN_OF_FLAG: Readonly<Record<string, string>> = { 'R-48': 'AUDIT_FREEZE' };

/** Interference flags (kind F rules, M-03 and M-04 patterns), the case contexts they are placed with, and the decrees M-03 compares. */
describe('projection audit-flags', () => {
  let f: ProjectionFixture;
  let s: CaseStories;
  let again: CaseStory;
  const flags = (where = 'TRUE', params: unknown[] = []): Promise<Row[]> =>
    f.rows(
      `SELECT flag_id, rule_id, pattern, case_id, agency_id, actor_id, raised_at, position, reason, event_ids, details FROM audit_flags WHERE ${where} ORDER BY position, flag_id`,
      params,
    );
  const dump = async (): Promise<Record<string, Row[]>> => ({
    audit_flags: await flags(),
    audit_flag_cases: await f.rows('SELECT * FROM audit_flag_cases ORDER BY case_id'),
    audit_decrees: await f.rows('SELECT case_id, employee_nip, signer_id, decree_date::text, event_id, position FROM audit_decrees ORDER BY case_id'),
  });
  const stored = (caseId: string): Promise<RecordedEvent[]> => f.store.readStream(caseStreamId(caseId));
  /** The stored decree of a case (its event id and position are the store's). */
  const storedDecree = async (caseId: string): Promise<RecordedEvent> => {
    const decree = (await stored(caseId)).find((e) => e.type === 'DecreeIssued.v1');
    if (!decree) throw new Error(`${caseId} has no stored decree`);
    return decree;
  };
  const actorOf = (e: RecordedEvent): string => String((e.metadata.actor as { userId?: string }).userId);
  const outcomesOf = (e: RecordedEvent): RuleOutcome[] => (e.metadata.ruleOutcomes ?? []) as RuleOutcome[];
  const windowFlag = (e: RecordedEvent, caseId: string, agencyId: string): Row => ({
    flag_id: `${e.eventId}:R-40-window`,
    rule_id: 'R-40',
    pattern: 'ACTION_IN_WINDOW',
    case_id: caseId,
    agency_id: agencyId,
    actor_id: actorOf(e),
    raised_at: new Date(String(e.metadata.recordedAt)),
    position: e.globalPosition,
    reason: `${e.type} oleh ${actorOf(e)} selama kasus berada dalam masa larangan mutasi Pilkada`,
    event_ids: [e.eventId],
    details: { type: e.type },
  });
  /** The events of a case from the one whose rules found it inside the R-40 window, to its last. */
  const fromWindow = (events: readonly RecordedEvent[]): RecordedEvent[] =>
    events.slice(events.findIndex((e) => outcomesOf(e).some((o) => o.ruleId === 'R-40' && o.outcome === 'REQUIRES_STEP')));

  beforeAll(async () => {
    f = await projectionFixture((store) => new FlagsProjection(store));
    s = caseStories(f.world, 'flags');
    // The appointed story's employee moved again into the same post, decreed the same day: an M-03 repeat move.
    const journey = new CaseJourney(f.world, 'flags-again', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).appointed();
    again = { caseId: journey.caseId, nip: journey.nip, targetPositionId: journey.targetPositionId, events: [...journey.events] };
    for (const story of [...Object.values(s), again]) await f.appendCase(story.caseId, story.events);
    await f.project();
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  it('flags each FLAG outcome the rules recorded, under the case’s target agency, linked to its event', async () => {
    const expected: Row[] = [];
    for (const story of [...Object.values(s), again]) {
      const target = eventOf(story.events, 'TransferCaseOpened.v1').data.targetAgencyId;
      for (const e of await stored(story.caseId)) {
        outcomesOf(e).forEach((o, i) => {
          if (o.outcome !== 'FLAG') return;
          expected.push({
            flag_id: `${e.eventId}:${i}`,
            rule_id: o.ruleId,
            pattern: PATTERN_OF_FLAG[o.ruleId],
            case_id: story.caseId,
            agency_id: target,
            actor_id: actorOf(e),
            raised_at: new Date(String(e.metadata.recordedAt)),
            position: e.globalPosition,
            reason: o.reason,
            event_ids: [e.eventId],
            details: { legalBasis: o.legalBasis, inputs: o.inputs ?? {} },
          });
        });
      }
    }
    expect(expected.map((x) => x.rule_id)).toEqual(['R-48']); // the revoked decree's audit freeze
    expect(await flags(`pattern NOT IN ('ACTION_IN_WINDOW', 'REPEAT_MOVE')`)).toEqual(expected);
  });

  it('R-40 flags every act on a case from the moment its rules found it inside the Pilkada freeze', async () => {
    const events = await stored(s.rejected.caseId);
    const target = eventOf(s.rejected.events, 'TransferCaseOpened.v1').data.targetAgencyId;
    const expected = fromWindow(events).map((e) => windowFlag(e, s.rejected.caseId, target));
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.length).toBeLessThan(events.length); // the case was opened and analysed before the rules ran
    expect(await flags(`pattern = 'ACTION_IN_WINDOW'`)).toEqual(expected);
  });

  it('M-03 flags an employee decreed again within the repeat window, linking both decrees; the decrees are remembered', async () => {
    const first = await storedDecree(s.appointed.caseId);
    const second = await storedDecree(again.caseId);
    const firstDate = eventOf(s.appointed.events, 'DecreeIssued.v1').data.decreeDate;
    const years = policyAt(DEFAULT_POLICIES, firstDate).repeatMoveYears.value;
    expect(await flags(`pattern = 'REPEAT_MOVE'`)).toEqual([
      {
        flag_id: `${second.eventId}:repeat-move`,
        rule_id: 'M-03',
        pattern: 'REPEAT_MOVE',
        case_id: again.caseId,
        agency_id: null,
        actor_id: actorOf(second),
        raised_at: new Date(String(second.metadata.recordedAt)),
        position: second.globalPosition,
        reason: `NIP ${again.nip} kembali di-SK-kan dalam ${years} tahun (sebelumnya: ${firstDate})`,
        event_ids: [first.eventId, second.eventId],
        details: { employeeNip: again.nip, earlierCases: [s.appointed.caseId] },
      },
    ]);
    const decreed = [s.appointed, again, s.revoked].sort((a, b) => a.caseId.localeCompare(b.caseId));
    const decrees: Row[] = [];
    for (const story of decreed) {
      const e = await storedDecree(story.caseId);
      const data = eventOf(story.events, 'DecreeIssued.v1').data;
      decrees.push({ case_id: story.caseId, employee_nip: data.employeeNip, signer_id: actorOf(e), decree_date: data.decreeDate, event_id: e.eventId, position: e.globalPosition });
    }
    expect((await dump()).audit_decrees).toEqual(decrees);
  });

  it('keeps each case’s context at its last event: agencies, employee, route, windows in force and the revision', async () => {
    const stories = [...Object.values(s), again].sort((a, b) => a.caseId.localeCompare(b.caseId));
    expect((await dump()).audit_flag_cases).toEqual(
      stories.map((story) => {
        const proposal = story.events.filter((e) => e.type === 'CandidateProposed.v1' || e.type === 'ProposalRevised.v1').at(-1);
        const proposed = proposal?.type === 'CandidateProposed.v1' || proposal?.type === 'ProposalRevised.v1' ? proposal.data : null;
        const inWindow = story.events.some((e) => (e.metadata.ruleOutcomes ?? []).some((o) => o.ruleId === 'R-40' && o.outcome === 'REQUIRES_STEP'));
        return {
          case_id: story.caseId,
          target_agency: eventOf(story.events, 'TransferCaseOpened.v1').data.targetAgencyId,
          origin_agency: proposed?.originAgencyId ?? null,
          employee_nip: proposed?.candidate.nip ?? null,
          route: proposed?.route ?? null,
          penjabat_agencies: [],
          window_rules: inWindow ? ['R-40'] : [],
          revision: story.events.length - 1,
        };
      }),
    );
  });

  it('M-04 flags a refused command with the rule that refused it', async () => {
    const refused = {
      command: 'ProposeCandidate',
      caseId: 'flags-refused',
      status: 422,
      code: 'RULE_R21_TEN_YEAR_LOCK',
      ruleId: 'R-21',
      reason: 'ten-year lock',
      ruleOutcomes: [],
    };
    const actor = { userId: 'pengusul.kota-bandar-lestari', role: 'PENGUSUL', agencyId: AGENCY.bandarLestari };
    await f.appendRaw('refusals-pengusul.kota-bandar-lestari', [
      { type: 'CommandRefused.v1', data: refused, metadata: { actor, recordedAt: '2026-06-02T03:00:00.000Z', commandId: 'refused-1', caseId: refused.caseId } },
    ]);
    await f.project();
    const [e] = await f.store.readStream('refusals-pengusul.kota-bandar-lestari');
    expect(await flags(`pattern = 'REFUSED_COMMAND'`)).toEqual([
      {
        flag_id: `${e?.eventId}:refused`,
        rule_id: 'M-04',
        pattern: 'REFUSED_COMMAND',
        case_id: refused.caseId,
        agency_id: actor.agencyId,
        actor_id: actor.userId,
        raised_at: new Date('2026-06-02T03:00:00.000Z'),
        position: e?.globalPosition,
        reason: `${actor.userId} ditolak saat menjalankan ${refused.command}: ${refused.code} (${refused.ruleId})`,
        event_ids: [e?.eventId],
        details: { status: refused.status, code: refused.code, ruleId: refused.ruleId },
      },
    ]);
  });

  it('a projection never stops for one event: a proposal without a candidate and a decree without an employee are quarantined, the events after them flagged', async () => {
    const opened = eventOf(s.withdrawn.events, 'TransferCaseOpened.v1');
    const inWindow = eventOf(s.rejected.events, 'CandidateProposed.v1');
    const decree = eventOf(s.appointed.events, 'DecreeIssued.v1');
    const meta = (e: { metadata: object }): Row => ({ ...e.metadata, caseId: 'flags-damaged' });
    await f.appendRaw('transfer-flags-damaged', [
      { type: opened.type, data: { ...opened.data, caseId: 'flags-damaged' }, metadata: meta(opened) },
      { type: 'CandidateProposed.v1', data: { candidate: null, originAgencyId: 'x' }, metadata: meta(opened) },
      { type: 'DecreeIssued.v1', data: { ...decree.data, employeeNip: null }, metadata: meta(decree) },
      { type: inWindow.type, data: inWindow.data as unknown as Row, metadata: meta(inWindow) },
    ]);
    const later = caseStories(f.world, 'flags-later').rejected;
    await f.appendCase(later.caseId, later.events);
    await f.project();
    expect(await f.quarantined()).toEqual([
      { projection: 'audit-flags', streamId: 'transfer-flags-damaged', revision: 1, type: 'CandidateProposed.v1' },
      { projection: 'audit-flags', streamId: 'transfer-flags-damaged', revision: 2, type: 'DecreeIssued.v1' },
    ]);
    const damaged = await stored('flags-damaged');
    expect(await flags('case_id = $1', ['flags-damaged'])).toEqual(damaged.slice(3).map((e) => windowFlag(e, 'flags-damaged', opened.data.targetAgencyId)));
    const laterTarget = eventOf(later.events, 'TransferCaseOpened.v1').data.targetAgencyId;
    expect(await flags('case_id = $1', [later.caseId])).toEqual(fromWindow(await stored(later.caseId)).map((e) => windowFlag(e, later.caseId, laterTarget)));
  });

  it('an event applied again after a quarantined one of its case is placed with the context the live run had', async () => {
    const before = await dump();
    // The runner forgets having applied the damaged case's last event (and the checkpoint): it is applied alone, again.
    await f.db.query(`UPDATE projection_stream_versions SET revision = 2 WHERE projection = 'audit-flags' AND stream_id = 'transfer-flags-damaged'`);
    await f.db.query(`DELETE FROM projection_checkpoints WHERE name = 'audit-flags'`);
    await f.project();
    expect(await dump()).toEqual(before);
    expect((await f.quarantined()).length).toBe(2);
  });

  itIsIdempotentAndRebuildable(() => f, dump);
});
