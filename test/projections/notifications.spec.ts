import { caseStreamId, CaseState, evolve, initialState, readTransferEvent } from '@mutasi/domain';
import { Audience, caseLink, noticesFor, NotificationsProjection } from '@mutasi/notifications';
import { caseStories, CaseStories, CaseStory, eventOf } from './support/case-stories';
import { itIsIdempotentAndRebuildable, projectionFixture, ProjectionFixture } from './support/projection-fixture';

type Row = Record<string, unknown>;
type Person = { user_id: string; agency_id: string };

/** The bell (one notification per event and person) and the e-mail outbox written with it, in the same transaction. */
describe('projection notifications', () => {
  let f: ProjectionFixture;
  let s: CaseStories;
  // Mail is on and "now" is the stories' first day: every mail is news, none is older than the news window.
  let now: Date;
  const notifications = (where = 'TRUE', params: unknown[] = []): Promise<Row[]> =>
    f.rows(
      `SELECT user_id, case_id, event_id::text, global_position, kind, topic, title, body, link, deadline::text, created_at FROM notifications WHERE ${where} ORDER BY global_position, user_id`,
      params,
    );
  const dump = async (): Promise<Record<string, Row[]>> => ({
    notifications: await f.rows('SELECT * FROM notifications ORDER BY global_position, user_id'),
    notification_outbox: await f.rows(
      'SELECT notification_id, recipient, subject, body, status, skipped_because, attempts, next_attempt_at, created_at FROM notification_outbox ORDER BY notification_id',
    ),
  });
  /** The holders of an audience in the user directory, as the directory itself answers. */
  const holders = async (audience: readonly Audience[]): Promise<Person[]> => {
    const found: Person[] = [];
    for (const a of audience) {
      const rows =
        a.kind === 'OFFICE'
          ? await f.rows<Person>('SELECT user_id, agency_id FROM dev_users WHERE agency_id = $1 AND roles ? $2', [a.agencyId, a.role])
          : await f.rows<Person>('SELECT user_id, agency_id FROM dev_users WHERE nip = $1', [a.nip]);
      found.push(...rows);
    }
    return found;
  };
  /** What a case's events tell whom: each notice of each event to each holder, but never to the actor, and once per person. */
  const expectedOf = async (story: CaseStory): Promise<Row[]> => {
    const rows: Row[] = [];
    let state: CaseState = initialState();
    for (const recorded of await f.store.readStream(caseStreamId(story.caseId))) {
      const event = readTransferEvent(recorded);
      if (event === null) continue;
      const before = state;
      state = evolve(state, event);
      const told = new Set([event.metadata.actor.userId]);
      const mine: Row[] = [];
      for (const n of noticesFor(event, before, state)) {
        for (const person of await holders(n.audience)) {
          if (told.has(person.user_id)) continue;
          told.add(person.user_id);
          mine.push({
            user_id: person.user_id,
            case_id: story.caseId,
            event_id: recorded.eventId,
            global_position: recorded.globalPosition,
            kind: n.kind,
            topic: n.topic,
            title: n.title,
            body: n.body,
            link: `/app/kasus/${story.caseId}`,
            deadline: n.deadline,
            created_at: new Date(event.metadata.recordedAt),
          });
        }
      }
      rows.push(...mine.sort((a, b) => String(a.user_id).localeCompare(String(b.user_id))));
    }
    return rows;
  };

  beforeAll(async () => {
    f = await projectionFixture((store) => new NotificationsProjection(store, { send: true, now: () => now, publicUrl: null }));
    s = caseStories(f.world, 'notif');
    now = new Date(eventOf(s.appointed.events, 'TransferCaseOpened.v1').metadata.recordedAt);
    for (const story of Object.values(s)) await f.appendCase(story.caseId, story.events);
    await f.project();
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  it('tells each holder of the office or the employee what each event means for them, once per event and person, never the actor', async () => {
    for (const story of Object.values(s)) {
      const expected = await expectedOf(story);
      expect(expected.length).toBeGreaterThan(3);
      expect({ caseId: story.caseId, rows: await notifications('case_id = $1', [story.caseId]) }).toEqual({ caseId: story.caseId, rows: expected });
    }
  });

  it('tells the proposing office of a returned proposal to revise it, and the employee that they are proposed', async () => {
    const returned = await f.store.readStream(caseStreamId(s.returned.caseId));
    const returnEvent = returned.find((e) => e.type === 'ProposalReturnedForRevision.v1');
    const opened = eventOf(s.returned.events, 'TransferCaseOpened.v1').data;
    const proposal = eventOf(s.returned.events, 'CandidateProposed.v1').data;
    const pengusul = await f.rows<{ user_id: string }>(`SELECT user_id FROM dev_users WHERE agency_id = $1 AND roles ? 'PENGUSUL' ORDER BY user_id`, [opened.targetAgencyId]);
    expect(pengusul.length).toBeGreaterThan(0);
    expect(await notifications(`event_id = $1`, [returnEvent?.eventId])).toEqual(
      pengusul.map((p) => ({
        user_id: p.user_id,
        case_id: s.returned.caseId,
        event_id: returnEvent?.eventId,
        global_position: returnEvent?.globalPosition,
        kind: 'TASK',
        topic: 'REVISION',
        title: 'Tugas baru: perbaiki usulan yang dikembalikan',
        body: `Usulan mutasi ${proposal.candidate.name} ke jabatan ${opened.targetPosition.title} dikembalikan untuk diperbaiki.`,
        link: caseLink(s.returned.caseId),
        deadline: null,
        created_at: new Date(String(returnEvent?.metadata.recordedAt)),
      })),
    );
    const employee = await f.rows<{ user_id: string }>('SELECT user_id FROM dev_users WHERE nip = $1', [s.returned.nip]);
    expect((await notifications(`user_id = $1 AND topic = 'PROPOSED'`, [employee[0]?.user_id])).map((n) => [n.case_id, n.kind])).toEqual([[s.returned.caseId, 'INFO']]);
  });

  it('queues one e-mail per notification, to the person’s address, with the notice and the link to the case', async () => {
    const outbox = await f.rows(
      `SELECT n.user_id, d.agency_id, n.title, n.body AS notice, n.link, o.recipient, o.subject, o.body, o.status, o.skipped_because, o.next_attempt_at, n.created_at
       FROM notifications n JOIN dev_users d USING (user_id) LEFT JOIN notification_outbox o ON o.notification_id = n.id ORDER BY n.global_position, n.user_id`,
    );
    expect(outbox.length).toBe((await notifications()).length);
    expect(
      outbox.map((o) => ({ recipient: o.recipient, subject: o.subject, body: o.body, status: o.status, skipped_because: o.skipped_because, next_attempt_at: o.next_attempt_at })),
    ).toEqual(
      outbox.map((o) => ({
        recipient: `${String(o.user_id)}@${String(o.agency_id)}.mutasi.local`.toLowerCase(),
        subject: o.title,
        body: `${String(o.notice)}\n\nBuka kasus: ${String(o.link)}\n\n--\nPesan otomatis dari Mutasi. Jangan membalas e-mail ini.\n`,
        status: 'PENDING',
        skipped_because: null,
        next_attempt_at: o.created_at,
      })),
    );
  });

  it('a projection never stops for one event: a proposal without a candidate is quarantined, an unknown type skipped, later cases still told', async () => {
    const opened = eventOf(s.withdrawn.events, 'TransferCaseOpened.v1');
    const approved = eventOf(s.withdrawn.events, 'NeedsAnalysisApproved.v1');
    const meta = (e: { metadata: object }): Row => ({ ...e.metadata, caseId: 'notif-damaged' });
    await f.appendRaw('transfer-notif-damaged', [
      { type: opened.type, data: { ...opened.data, caseId: 'notif-damaged' }, metadata: meta(opened) },
      { type: approved.type, data: approved.data, metadata: meta(approved) },
      { type: 'CandidateProposed.v1', data: { candidate: null, originAgencyId: 'x' }, metadata: meta(approved) },
    ]);
    const before = await notifications('case_id = $1', [s.returned.caseId]);
    await f.appendRaw(caseStreamId(s.returned.caseId), [{ type: 'Hostile.v9', data: { title: 'click here' }, metadata: meta(approved) }]);
    const later = caseStories(f.world, 'notif-later').withdrawn;
    await f.appendCase(later.caseId, later.events);
    await f.project();
    expect(await f.quarantined()).toEqual([{ projection: 'notifications', streamId: 'transfer-notif-damaged', revision: 2, type: 'CandidateProposed.v1' }]);
    // The damaged case's sound events were told: the analysis to approve, then the proposal to make.
    expect((await notifications('case_id = $1', ['notif-damaged'])).map((n) => n.topic)).toEqual(expect.arrayContaining(['NEEDS_APPROVAL', 'PROPOSAL']));
    expect(await notifications('case_id = $1', [s.returned.caseId])).toEqual(before);
    expect(await notifications('case_id = $1', [later.caseId])).toEqual(await expectedOf(later));
  });

  // The outbox is kept across a rebuild (a mail once queued must neither be lost nor sent again): both tables are held.
  itIsIdempotentAndRebuildable(() => f, dump);
});
