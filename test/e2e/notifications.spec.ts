import { AGENCY, CaseDriver, DEMO_NIP, holdersOf, MutasiHttp, positionId } from '@mutasi/demo-data';
import { NotificationWorkers, retryDelayMs } from '@mutasi/notifications';
import { rebuildProjection } from '@mutasi/standalone';
import { Scheduler, SchedulerWorkers } from '@mutasi/transfers';
import { TEST_NOW } from '@mutasi/testing';
import { SmtpSink, startTestApp, TestApp } from '@mutasi/testing/app';

const DAY = 86_400_000;
const TARGET = positionId(AGENCY.bandarLestari, 'auditor');
const EMPLOYEE = `pns.${DEMO_NIP.internal}`;

interface Item {
  id: string;
  caseId: string;
  kind: string;
  topic: string;
  title: string;
  body: string;
  link: string;
  deadline: string | null;
  read: boolean;
}
interface Bell {
  unread: number;
  items: Item[];
}

/** The derived demo address of a user (docs/notifications.md): `<userId>@<agencyId>.mutasi.local`. */
const addressOf = (userId: string, agencyId: string): string => `${userId}@${agencyId}.mutasi.local`;

/**
 * Notifications over HTTP and SMTP: a real server per file with a real SMTP server (smtp-server on 127.0.0.1); the
 * workers are off, so the test drives the projection (`runner.catchUpTo`) and the outbox (`mailer.drainOnce`).
 * One internal case at Kota Bandar Lestari runs through the file, in order.
 */
describe('notifications: the bell and e-mail from an outbox', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let sink: SmtpSink;
  let d: CaseDriver;
  const workers = (): NotificationWorkers => t.app.get(NotificationWorkers);
  const project = (): Promise<void> => workers().runner.catchUpTo();
  /** Drains the outbox pass by pass until a pass sends nothing; returns how many went out. */
  const drainAll = async (): Promise<number> => {
    let total = 0;
    for (let pass = await workers().mailer.drainOnce(); pass.sent > 0; pass = await workers().mailer.drainOnce()) total += pass.sent;
    return total;
  };
  const bell = async (user: string, query = '?limit=200'): Promise<Bell> => (await http.as(user, 'GET', `/api/notifications${query}`)).body as Bell;
  const ofCase = async (user: string, topic: string): Promise<Item[]> => (await bell(user)).items.filter((n) => n.caseId === d.caseId && n.topic === topic);
  const outbox = async (
    where = 'true',
  ): Promise<{ recipient: string; subject: string; status: string; attempts: number; last_error: string | null; skipped_because: string | null }[]> =>
    (await t.db.query(`SELECT recipient, subject, status, attempts, last_error, skipped_because FROM notification_outbox WHERE ${where} ORDER BY recipient, subject`)).rows;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ env: { SMTP_URL: sink.url } });
    http = new MutasiHttp(t.url);
    d = new CaseDriver(http, TARGET, DEMO_NIP.internal);
    await d.open();
    await d.approveNeeds();
    await d.propose();
    await d.notify();
    await d.acknowledge();
    await d.submit();
    await project();
  });
  afterAll(async () => {
    await d.end();
    await t.close();
    await sink.stop();
  });

  it('a step activated notifies every holder of its office at its agency, and nobody else', async () => {
    const step = d.activeStep();
    expect(step).toMatchObject({ kind: 'VERIFICATION', role: 'VERIFIKATOR', agencyId: AGENCY.bandarLestari });
    for (const user of holdersOf('VERIFIKATOR', AGENCY.bandarLestari)) {
      expect(await ofCase(user, 'STEP')).toEqual([
        expect.objectContaining({
          kind: 'TASK',
          title: 'Tugas baru: verifikasi berkas usulan',
          link: `/app/kasus/${d.caseId}`,
          deadline: '2026-06-15',
          read: false,
        }),
      ]);
    }
    for (const other of ['verifikator.prov-nb', 'ppk.kota-bandar-lestari', 'tim-penilai-kinerja.kota-bandar-lestari', 'inspektur.bkn'])
      expect(await ofCase(other, 'STEP')).toEqual([]);
  });

  it('the employee is told "Anda diusulkan…", and nobody hears of their own act', async () => {
    const [proposed] = await ofCase(EMPLOYEE, 'PROPOSED');
    expect(proposed?.body).toMatch(/^Anda diusulkan untuk mutasi ke jabatan /);
    expect(await ofCase(EMPLOYEE, 'ACKNOWLEDGEMENT')).toHaveLength(1);
    // pengusul.kota-bandar-lestari proposed: the other holders of the office get the task of notifying the employee.
    expect(await ofCase('pengusul.kota-bandar-lestari', 'NOTIFY_EMPLOYEE')).toEqual([]);
    expect(await ofCase('pengusul-2.kota-bandar-lestari', 'NOTIFY_EMPLOYEE')).toHaveLength(1);
  });

  it('e-mails each notification to a real SMTP server, with the recipient and the subject', async () => {
    expect(await drainAll()).toBeGreaterThanOrEqual(3);
    const verifier = sink.to(addressOf('verifikator.kota-bandar-lestari', AGENCY.bandarLestari));
    expect(verifier.map((m) => m.subject)).toContain('Tugas baru: verifikasi berkas usulan');
    expect(verifier[0]?.raw).toContain(`/app/kasus/${d.caseId}`);
    expect(sink.to(addressOf(EMPLOYEE, AGENCY.bandarLestari)).map((m) => m.subject)).toEqual(
      expect.arrayContaining(['Anda diusulkan untuk mutasi', 'Tanggapi usulan mutasi Anda']),
    );
    expect(await outbox(`status <> 'SENT'`)).toEqual([]);
    expect(await workers().mailer.drainOnce()).toEqual({ sent: 0, failed: 0 });
  });

  it('the bell: unread count, newest first, unreadOnly, mark some read, then all; only the caller’s own', async () => {
    const user = 'pengusul-2.kota-bandar-lestari';
    const before = await bell(user);
    expect(before.items.map((n) => n.topic)).toEqual(['SUBMISSION', 'NOTIFY_EMPLOYEE', 'PROPOSAL']);
    expect(before.unread).toBe(3);
    const [first, ...rest] = before.items;
    const other = await http.as('pengusul-3.kota-bandar-lestari', 'POST', '/api/notifications/read', { ids: [first?.id] });
    expect(other.body).toEqual({ marked: 0, unread: 3 });
    const some = await http.as(user, 'POST', '/api/notifications/read', { ids: [first?.id] });
    expect(some).toMatchObject({ status: 200, body: { marked: 1, unread: before.unread - 1 } });
    const unreadOnly = await bell(user, '?unreadOnly=true');
    expect(unreadOnly.items.map((n) => n.id)).toEqual(rest.map((n) => n.id));
    expect((await bell(user)).items.find((n) => n.id === first?.id)?.read).toBe(true);
    expect((await http.as(user, 'POST', '/api/notifications/read', {})).body).toEqual({ marked: rest.length, unread: 0 });
    expect((await bell(user)).unread).toBe(0);
  });

  it('refuses bad input with problem details, and a caller without a token', async () => {
    const user = 'verifikator.kota-bandar-lestari';
    const bad: [method: string, path: string, body?: unknown][] = [
      ['POST', '/api/notifications/read', { ids: ['not-an-id'] }],
      ['POST', '/api/notifications/read', { ids: 'all' }],
      ['POST', '/api/notifications/read', { everything: true }],
      ['GET', '/api/notifications?unreadOnly=yes'],
      ['GET', '/api/notifications?limit=0'],
    ];
    for (const [method, path, body] of bad) {
      const answer = await http.as(user, method, path, body);
      expect({ path, body, status: answer.status, type: answer.headers.get('content-type') }).toEqual({
        path,
        body,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    expect((await http.raw('GET', '/api/notifications')).status).toBe(401);
  });

  it('R-30: an escalation notifies the holders of the step and the PPK of that agency', async () => {
    await t.app.get(SchedulerWorkers).runner.catchUpTo();
    t.clock.set(new Date(Date.parse(TEST_NOW) + 15 * DAY));
    expect(await t.app.get(Scheduler).runDue()).toBe(1);
    await project();
    for (const user of [...holdersOf('VERIFIKATOR', AGENCY.bandarLestari), ...holdersOf('PPK', AGENCY.bandarLestari)]) {
      const [escalation] = await ofCase(user, 'ESCALATION');
      expect({ user, kind: escalation?.kind, title: escalation?.title }).toEqual({ user, kind: 'DEADLINE', title: 'Tenggat terlewati: verifikasi berkas usulan' });
      expect(escalation?.body).toContain('R-30');
    }
    for (const other of ['tim-penilai-kinerja.kota-bandar-lestari', 'pengusul.kota-bandar-lestari', 'ppk.prov-nb', EMPLOYEE]) expect(await ofCase(other, 'ESCALATION')).toEqual([]);
    await drainAll();
    expect(sink.to(addressOf('ppk.kota-bandar-lestari', AGENCY.bandarLestari)).map((m) => m.subject)).toContain('Tenggat terlewati: verifikasi berkas usulan');
  });

  it('SMTP server down: the mail stays in the outbox, retried with back-off, and goes out once the server is back', async () => {
    await sink.stop();
    const earlier = sink.received.length;
    await d.approveChain(1); // the consideration step becomes active: a task for the performance-assessment team
    await project();
    const queued = await outbox(`status = 'PENDING'`);
    expect(queued.map((m) => m.recipient).sort()).toEqual(
      holdersOf('TIM_PENILAI_KINERJA', AGENCY.bandarLestari)
        .map((u) => addressOf(u, AGENCY.bandarLestari))
        .sort(),
    );
    expect(await workers().mailer.drainOnce()).toEqual({ sent: 0, failed: 1 }); // refused: the rest of the pass waits
    const [failed] = await outbox(`status = 'PENDING' AND attempts = 1`);
    expect(failed?.last_error).toMatch(/ECONNREFUSED|connect/i);
    await sink.listen();
    await drainAll(); // the two not yet tried go out; the failed one waits for its back-off
    expect(await outbox(`status = 'PENDING'`)).toEqual([expect.objectContaining({ attempts: 1 })]);
    t.clock.set(new Date(t.clock.now().getTime() + retryDelayMs(1)));
    expect(await drainAll()).toBe(1);
    expect(await outbox(`status = 'PENDING'`)).toEqual([]);
    const afterRestart = sink.received.slice(earlier);
    expect(afterRestart.map((m) => [m.to, m.subject]).sort()).toEqual(queued.map((m) => [[m.recipient], 'Tugas baru: pertimbangan Tim Penilai Kinerja']).sort());
  });

  it('replay: a rebuild from zero, or a replay over the rows, gives the same notifications, keeps read marks and mails nothing twice', async () => {
    const rows = async (): Promise<unknown[]> =>
      (await t.db.query('SELECT id, user_id, case_id, topic, title, body, deadline::text, global_position FROM notifications ORDER BY id')).rows;
    const reader = 'pengusul-2.kota-bandar-lestari'; // read everything in the bell test
    const before = { rows: await rows(), outbox: await outbox(), bell: await bell(reader) };
    expect(before.bell.items.every((n) => n.read)).toBe(true);
    expect(before.rows.length).toBeGreaterThan(10);
    const mails = sink.received.length;
    await workers().runner.reset();
    await project();
    // Replayed over the rows already there (checkpoint and per-stream revisions forgotten): the unique keys hold.
    await t.db.query(`DELETE FROM projection_checkpoints WHERE name = 'notifications'`);
    await t.db.query(`DELETE FROM projection_stream_versions WHERE projection = 'notifications'`);
    await project();
    expect(await rows()).toEqual(before.rows);
    await rebuildProjection('notifications', t.databaseUrl, () => undefined);
    expect(await rows()).toEqual(before.rows);
    expect({ outbox: await outbox(), bell: await bell(reader) }).toEqual({ outbox: before.outbox, bell: before.bell });
    expect(await drainAll()).toBe(0);
    expect(sink.received.length).toBe(mails);
  });
});

describe('notifications without SMTP_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('still fills the bell; the outbox rows are written SKIPPED and nothing is sent', async () => {
    const http = new MutasiHttp(t.url);
    const d = new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
    await d.open();
    const workers = t.app.get(NotificationWorkers);
    await workers.runner.catchUpTo();
    expect((await http.as('tim-penilai-kinerja.prov-nb', 'GET', '/api/notifications')).body).toMatchObject({ unread: 1, items: [{ caseId: d.caseId, topic: 'NEEDS_APPROVAL' }] });
    const outbox = (await t.db.query('SELECT DISTINCT status, skipped_because FROM notification_outbox')).rows;
    expect(outbox).toEqual([{ status: 'SKIPPED', skipped_because: 'SMTP_URL is not set' }]);
    expect(workers.mailer.enabled).toBe(false);
    expect(await workers.mailer.drainOnce()).toEqual({ sent: 0, failed: 0 });
    await d.end();
  });
});
