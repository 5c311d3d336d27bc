import fc from 'fast-check';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { HumanRole } from '@mutasi/domain';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/** Every command endpoint, with a role that may send it (so bodies reach validation and the domain). */
const COMMANDS: readonly [string, HumanRole][] = [
  ['approve-needs-analysis', 'PPK'],
  ['propose-candidate', 'PENGUSUL'],
  ['revise-proposal', 'PENGUSUL'],
  ['notify-employee', 'PENGUSUL'],
  ['acknowledge', 'PNS'],
  ['raise-objection', 'PNS'],
  ['resolve-objection', 'PPK'],
  ['attach-document', 'PENGUSUL'],
  ['verify-document', 'VERIFIKATOR'],
  ['submit-for-approval', 'PENGUSUL'],
  ['approve-step', 'PPK'],
  ['reject-step', 'PPK'],
  ['return-for-revision', 'PPK'],
  ['issue-decree', 'GUBERNUR'],
  ['record-appointment', 'PPK'],
  ['record-evaluation', 'PPK'],
  ['close', 'PPK'],
  ['withdraw', 'PPK'],
  ['freeze', 'KEPALA_BKN'],
  ['unfreeze', 'KEPALA_BKN'],
  ['revoke', 'KEPALA_BKN'],
];

const FIELDS = [
  'stepId',
  'notes',
  'reason',
  'employeeNip',
  'originPositionId',
  'initiative',
  'justification',
  'documentId',
  'status',
  'kind',
  'title',
  'sha256',
  'decreeNumber',
  'decreeDate',
  'effectiveDate',
  'documentSha256',
  'targetPositionId',
  'delegationId',
  'appointedOn',
  'reference',
  'periodMonths',
  'skpBefore',
  'skpAfter',
  'competencyFit',
  'vacancyClosed',
  'serviceIndicators',
  'outcome',
  'reasoning',
  'message',
  'meritDeviationJustification',
  'exceptionGrounds',
  'targetAgencyId',
  'needsAnalysis',
];

const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '💥',
    '1-proposal',
    'doc-1',
    DEMO_NIP.sameProvince,
    '2026-02-30',
    '2026-06-01',
    'APPROVED',
    'DINAS',
    'R-03',
    'x'.repeat(5000),
    'a'.repeat(64),
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** Bodies built from the commands' field names with wrong, odd and sometimes right values, plus anything at all. */
const bodies = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), nasty, { maxKeys: 8 }),
  fc.anything({ maxDepth: 3 }),
  fc.record({ stepId: nasty, notes: nasty, extra: nasty }, { requiredKeys: [] }),
);

describe('fuzzing every command endpoint', () => {
  let t: TestApp;
  let http: MutasiHttp;
  const cases: { label: string; id: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
    const target = positionId(AGENCY.provNb, 'analis-sdm');
    const ended = new CaseDriver(http, target, DEMO_NIP.sameProvince);
    await ended.open();
    await ended.command('ppk.prov-nb', 'withdraw', { reason: 'fuzz' });
    const frozen = new CaseDriver(http, target, DEMO_NIP.sameProvince);
    await frozen.throughApproval();
    await frozen.command('kepala-bkn.bkn', 'freeze', { reason: 'fuzz', reference: 'F-1' });
    cases.push({ label: 'ended', id: ended.caseId }, { label: 'frozen', id: frozen.caseId });
  });
  afterAll(async () => {
    await t.close();
  });

  const caseEvents = async (): Promise<string> =>
    JSON.stringify(
      (await t.db.query(`SELECT stream_id, revision, metadata->>'hash' AS hash FROM event_store.events WHERE stream_id LIKE 'transfer-%' ORDER BY stream_id, revision`)).rows,
    );

  it('answers only 4xx, never appends to a case, for generated bodies on every command and case', async () => {
    const before = await caseEvents();
    const tokens = new Map<string, string>();
    for (const [command, role] of COMMANDS) {
      const token = tokens.get(role) ?? (await t.tokenFor({ userId: `fuzz.${role}`, name: 'Fuzz', agencyId: AGENCY.provNb, roles: [role], nip: DEMO_NIP.sameProvince }));
      tokens.set(role, token);
      for (const c of cases) {
        await fc.assert(
          fc.asyncProperty(bodies, async (body) => {
            const result = await http.raw('POST', `/api/transfers/${c.id}/${command}`, body, { authorization: `Bearer ${token}` });
            expect({ command, case: c.label, status: result.status >= 400 && result.status < 500 }).toEqual({ command, case: c.label, status: true });
            expect(result.headers.get('content-type')).toContain('application/problem+json');
          }),
          { numRuns: 12 },
        );
      }
    }
    expect(await caseEvents()).toBe(before);
  });

  it('refuses malformed JSON, wrong content and unknown routes with problem details', async () => {
    const token = await t.tokenFor({ userId: 'fuzz.raw', name: 'Fuzz', agencyId: AGENCY.provNb, roles: ['PPK'] });
    const id = cases[0]?.id as string;
    for (const raw of ['{', '[1,2', '{"notes": "\\u0000"}', 'null', '"text"', '{"stepId": 1e999}']) {
      const response = await fetch(`${t.url}/api/transfers/${id}/approve-step`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: raw,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    const unknown = await http.raw('POST', `/api/transfers/${id}/make-me-governor`, {}, { authorization: `Bearer ${token}` });
    expect(unknown.status).toBe(404);
    const badId = await http.raw('POST', '/api/transfers/not-a-uuid/approve-step', { stepId: '1-proposal' }, { authorization: `Bearer ${token}` });
    expect(badId.status).toBe(400);
    const open = await http.raw('POST', '/api/transfers', { targetAgencyId: '\u0000', needsAnalysis: 'x' }, { authorization: `Bearer ${token}` });
    expect(open.status).toBe(400);
    expect(open.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['targetAgencyId', 'targetPositionId']));
  });
});
