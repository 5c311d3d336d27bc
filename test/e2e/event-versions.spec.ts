import { createHash, randomUUID } from 'node:crypto';
import { AuditWorkers } from '@mutasi/audit';
import { DashboardWorkers } from '@mutasi/dashboard';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId, userIdFor } from '@mutasi/demo-data';
import { caseStreamId, readTransferEvent } from '@mutasi/domain';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { eventLeafData, leafHash } from '@mutasi/integrity';
import { IntegrationMapper } from '@mutasi/messaging';
import { NotificationWorkers } from '@mutasi/notifications';
import { startTestApp, TestApp } from '@mutasi/testing/app';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Schema evolution on a real PostgreSQL: a case stream holds a `DocumentAttached.v1` appended raw, in the shape it
 * had before v2 (`sha256`, no `statement`). Every reader reads it as `DocumentAttached.v2` through the domain's one
 * reader, and nothing stored is rewritten: the record and the ledger keep the v1 bytes.
 */
describe('an old event version is read as the current one everywhere (DocumentAttached v1 → v2)', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let c: CaseDriver;
  let v1: RecordedEvent;
  const v1Hash = sha('surat permohonan, attached before v2');

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
    c = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await c.open();
    await c.approveNeeds();
    await c.propose();
    const store = t.app.get(EventStore);
    const stream = caseStreamId(c.caseId);
    const last = (await store.readStream(stream)).at(-1) as RecordedEvent;
    const { prevHash: _prev, hash: _hash, ...metadata } = last.metadata;
    const commandId = randomUUID();
    const appended = await store.append(
      stream,
      [
        {
          eventId: randomUUID(),
          type: 'DocumentAttached.v1',
          data: { documentId: 'doc-1', kind: 'EMPLOYEE_APPLICATION', title: 'Surat permohonan (v1)', sha256: v1Hash, agencyId: AGENCY.bandarLestari },
          metadata: { ...metadata, commandId, correlationId: commandId, causationId: commandId, ruleOutcomes: [] },
        },
      ],
      last.revision,
    );
    v1 = appended.events[0] as RecordedEvent;
  });
  afterAll(() => t.close());

  it('is read by the domain reader as v2: documentSha256, statement explicit', () => {
    expect(readTransferEvent(v1)).toMatchObject({ type: 'DocumentAttached.v2', data: { documentId: 'doc-1', documentSha256: v1Hash, statement: null } });
    expect(readTransferEvent(v1)?.data).not.toHaveProperty('sha256');
  });

  it('the in-process dashboard feed: the v1 document opens its verification task', async () => {
    await t.app.get(DashboardWorkers).runner?.catchUpTo();
    const cases = (await t.db.query('SELECT last_sequence FROM dashboard_cases WHERE case_id = $1', [c.caseId])).rows as { last_sequence: number }[];
    expect(cases[0]?.last_sequence).toBe(v1.revision);
    const tasks = (await t.db.query(`SELECT task_key, role FROM dashboard_tasks WHERE case_id = $1 AND kind = 'DOCUMENT_VERIFICATION'`, [c.caseId])).rows as {
      task_key: string;
      role: string;
    }[];
    expect(tasks).toEqual([{ task_key: 'document:doc-1', role: 'VERIFIKATOR' }]);
  });

  it('a read-model projection: the notifications projection asks the verifier to check the v1 document', async () => {
    await t.app.get(NotificationWorkers).runner.catchUpTo();
    const rows = (await t.db.query('SELECT kind, topic, body FROM notifications WHERE event_id = $1', [v1.eventId])).rows as { kind: string; topic: string; body: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.kind === 'TASK' && r.topic === 'DOCUMENT_VERIFICATION' && r.body.includes('Surat permohonan (v1)'))).toBe(true);
  });

  it('the audit lib: the case trail describes the v1 event with its hash, under the type as stored', async () => {
    await t.app.get(AuditWorkers).catchUp();
    const trail = (await http.as('inspektur.bkn', 'GET', `/api/audit/cases/${c.caseId}/trail`)).body as { events: { eventId: string; type: string; what: string; hash: string }[] };
    expect(trail.events.find((e) => e.eventId === v1.eventId)).toMatchObject({
      type: 'DocumentAttached.v1',
      what: `melampirkan EMPLOYEE_APPLICATION doc-1 (sha256 ${v1Hash.slice(0, 12)}…)`,
      hash: v1.metadata.hash,
    });
  });

  it('the ledger hashes the bytes as stored, never the upcast form, and the record verifies', async () => {
    await t.app.get(AuditWorkers).catchUp();
    const [row] = (await t.db.query('SELECT stream_id, revision, event_id::text, type, data, metadata FROM event_store.events WHERE event_id = $1', [v1.eventId])).rows as {
      stream_id: string;
      revision: number;
      event_id: string;
      type: string;
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }[];
    const stored = {
      streamId: String(row?.stream_id),
      revision: Number(row?.revision),
      eventId: String(row?.event_id),
      type: String(row?.type),
      data: row?.data,
      metadata: row?.metadata ?? {},
    };
    const upcast = readTransferEvent(v1);
    const [leaf] = (await t.db.query('SELECT leaf_hash FROM ledger_leaves WHERE event_id = $1', [v1.eventId])).rows as { leaf_hash: Buffer }[];
    expect(leaf?.leaf_hash.equals(leafHash(eventLeafData(stored)))).toBe(true);
    expect(leaf?.leaf_hash.equals(leafHash(eventLeafData({ ...stored, type: String(upcast?.type), data: upcast?.data })))).toBe(false);
    await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {});
    expect((await http.as('inspektur.bkn', 'POST', '/api/audit/verify', {})).body).toMatchObject({ ok: true, failures: [] });
  });

  it('the relay’s integration mapper: the same DocumentAttached.v1 integration event as a v2 gives', async () => {
    const mapped = await new IntegrationMapper(t.app.get(EventStore)).map([v1]);
    expect(mapped).toEqual([
      expect.objectContaining({ type: 'mutasi.transfer.DocumentAttached.v1', eventId: v1.eventId, data: { documentId: 'doc-1', kind: 'EMPLOYEE_APPLICATION', sha256: v1Hash } }),
    ]);
  });

  it('the command path: the case holds the v1 document (a duplicate is refused, its verification allowed)', async () => {
    const view = (await http.as('inspektur.bkn', 'GET', `/api/transfers/${c.caseId}`)).body as {
      documents: { documentId: string; sha256: string; statement: unknown; status: string }[];
    };
    expect(view.documents).toEqual([expect.objectContaining({ documentId: 'doc-1', sha256: v1Hash, statement: null, status: 'PENDING' })]);
    const duplicate = await c.command(userIdFor('PENGUSUL', AGENCY.bandarLestari), 'attach-document', { kind: 'EMPLOYEE_APPLICATION', title: 'again', sha256: v1Hash }, 409);
    expect(duplicate.body.code).toBe('DUPLICATE_DOCUMENT');
    await c.command(c.person('VERIFIKATOR', AGENCY.bandarLestari, 'DOCUMENT_VERIFICATION'), 'verify-document', { documentId: 'doc-1', status: 'APPROVED', notes: 'sesuai' });
    expect(c.view.documents).toEqual([expect.objectContaining({ documentId: 'doc-1', sha256: v1Hash, status: 'APPROVED' })]);
  });

  it('new documents are written as v2; the v1 event stays as it was stored', async () => {
    await c.command(userIdFor('PENGUSUL', AGENCY.bandarLestari), 'attach-document', { kind: 'COMPETENCY_TEST_RESULT', title: 'Hasil uji kompetensi', sha256: sha('ukom') });
    const rows = (await t.db.query(`SELECT type, data FROM event_store.events WHERE stream_id = $1 AND type LIKE 'DocumentAttached.%' ORDER BY revision`, [caseStreamId(c.caseId)]))
      .rows as { type: string; data: Record<string, unknown> }[];
    expect(rows.map((r) => r.type)).toEqual(['DocumentAttached.v1', 'DocumentAttached.v2']);
    expect(rows[0]?.data).toEqual({ documentId: 'doc-1', kind: 'EMPLOYEE_APPLICATION', title: 'Surat permohonan (v1)', sha256: v1Hash, agencyId: AGENCY.bandarLestari });
    expect(rows[1]?.data).toMatchObject({ documentId: 'doc-2', documentSha256: sha('ukom'), statement: null });
    expect(rows[1]?.data).not.toHaveProperty('sha256');
  });
});
