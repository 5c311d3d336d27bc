import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { HumanRole, ROLES } from '@mutasi/domain';
import { endCasesAfterEach, startTestApp, TestApp } from '@mutasi/testing/app';

type Scope = 'TARGET' | 'EITHER' | 'CANDIDATE' | 'ANY';

/** docs/api.md's "who" column, written out here on its own so the test does not restate the code it checks. */
const WHO: Readonly<Record<string, { roles: readonly HumanRole[]; scope: Scope; body: Record<string, unknown> }>> = {
  'approve-needs-analysis': { roles: ['PPK', 'TIM_PENILAI_KINERJA'], scope: 'TARGET', body: { notes: 'x' } },
  'propose-candidate': {
    roles: ['PENGUSUL'],
    scope: 'TARGET',
    body: { employeeNip: DEMO_NIP.sameProvince, originPositionId: 'kota-bandar-lestari.analis-sdm', initiative: 'DINAS', justification: 'x' },
  },
  'revise-proposal': {
    roles: ['PENGUSUL'],
    scope: 'TARGET',
    body: { employeeNip: DEMO_NIP.sameProvince, originPositionId: 'kota-bandar-lestari.analis-sdm', initiative: 'DINAS', justification: 'x' },
  },
  'notify-employee': { roles: ['PENGUSUL'], scope: 'EITHER', body: { message: 'x' } },
  acknowledge: { roles: ['PNS'], scope: 'CANDIDATE', body: {} },
  'raise-objection': { roles: ['PNS'], scope: 'CANDIDATE', body: { reason: 'x' } },
  'resolve-objection': { roles: ['PPK'], scope: 'TARGET', body: { outcome: 'DISMISSED', reasoning: 'x' } },
  'attach-document': { roles: ['PENGUSUL'], scope: 'EITHER', body: { kind: 'OTHER', title: 'x', sha256: 'c'.repeat(64) } },
  'verify-document': { roles: ['VERIFIKATOR'], scope: 'TARGET', body: { documentId: 'doc-1', status: 'APPROVED', notes: 'x' } },
  'submit-for-approval': { roles: ['PENGUSUL'], scope: 'TARGET', body: {} },
  'record-appointment': { roles: ['PPK'], scope: 'TARGET', body: { appointedOn: '2026-06-01', reference: 'x' } },
  'record-evaluation': { roles: ['PENGUSUL', 'PPK', 'TIM_PENILAI_KINERJA'], scope: 'TARGET', body: { periodMonths: 6, competencyFit: 3 } },
  close: { roles: ['PPK'], scope: 'TARGET', body: {} },
  withdraw: { roles: ['PENGUSUL', 'PPK'], scope: 'TARGET', body: { reason: 'x' } },
  freeze: { roles: ['KEPALA_BKN'], scope: 'ANY', body: { reason: 'x', reference: 'y' } },
  unfreeze: { roles: ['KEPALA_BKN'], scope: 'ANY', body: { reason: 'x', reference: 'y' } },
  revoke: { roles: ['KEPALA_BKN'], scope: 'ANY', body: { reason: 'x', reference: 'y' } },
};

const TARGET = AGENCY.provNb;
const ORIGIN = AGENCY.bandarLestari;
const OTHER = AGENCY.lembahHijau;

describe('authorization matrix: every command × every role × own and other agency', () => {
  let t: TestApp;
  let http: MutasiHttp;
  const tokens = new Map<string, string>();
  const token = async (role: HumanRole, agencyId: string, nip?: string): Promise<string> => {
    const key = `${role}@${agencyId}#${nip ?? ''}`;
    const cached = tokens.get(key);
    if (cached) return cached;
    const minted = await t.tokenFor({
      userId: `matrix.${role.toLowerCase()}.${agencyId}${nip ? `.${nip}` : ''}`,
      name: `Matrix ${role}`,
      agencyId,
      roles: [role],
      ...(nip ? { nip } : {}),
    });
    tokens.set(key, minted);
    return minted;
  };
  const post = async (caseId: string, command: string, body: unknown, role: HumanRole, agencyId: string, nip?: string) =>
    http.raw('POST', `/api/transfers/${caseId}/${command}`, body, { authorization: `Bearer ${await token(role, agencyId, nip)}` });

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(() => t.close());
  const track = endCasesAfterEach();

  /** A case from Bandar Lestari to Provinsi NB (same province), taken to a given point. */
  async function crossAgencyCase(until: 'ended' | 'decree'): Promise<CaseDriver> {
    const d = track(new CaseDriver(http, positionId(TARGET, 'analis-sdm'), DEMO_NIP.sameProvince));
    if (until === 'ended') {
      await d.open();
      await d.approveNeeds();
      await d.propose();
      await d.command('ppk.prov-nb', 'withdraw', { reason: 'matrix' });
      return d;
    }
    await d.throughApproval();
    return d;
  }

  it('commands scoped to an agency or the employee: refused (403) exactly where docs/api.md says, for every role', async () => {
    const d = await crossAgencyCase('ended');
    const mismatches: string[] = [];
    for (const [command, who] of Object.entries(WHO)) {
      for (const role of ROLES) {
        for (const side of ['own', 'other'] as const) {
          const agencyId = side === 'own' ? TARGET : OTHER;
          const nip = role === 'PNS' ? (side === 'own' ? DEMO_NIP.sameProvince : DEMO_NIP.internal) : undefined;
          const allowed = who.roles.includes(role) && (who.scope === 'ANY' || side === 'own');
          const result = await post(d.caseId, command, who.body, role, agencyId, nip);
          const refused = result.status === 403;
          if (refused === allowed)
            mismatches.push(`${command} by ${role} of the ${side} agency: expected ${allowed ? 'allowed' : '403'}, got ${result.status} ${String(result.body.code)}`);
          if (!refused && result.status !== 409) mismatches.push(`${command} by ${role} (${side}): an ended case must answer 409, got ${result.status}`);
        }
      }
      if (who.scope === 'EITHER') {
        const fromOrigin = await post(d.caseId, command, who.body, 'PENGUSUL', ORIGIN);
        if (fromOrigin.status === 403) mismatches.push(`${command} by PENGUSUL of the origin agency must be allowed`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('approval steps: only the step’s role in the step’s agency may act; every other role and agency gets 403', async () => {
    for (const command of ['reject-step', 'return-for-revision', 'approve-step']) {
      const d = track(new CaseDriver(http, positionId(TARGET, 'analis-sdm'), DEMO_NIP.sameProvince));
      await d.open();
      await d.approveNeeds();
      await d.propose();
      await d.notify();
      await d.acknowledge();
      await d.completeDocuments();
      await d.submit();
      const step = d.activeStep();
      expect(step).toMatchObject({ stepId: '1-proposal', role: 'PPK', agencyId: TARGET });
      const body = command === 'approve-step' ? { stepId: '1-proposal', notes: 'x' } : { stepId: '1-proposal', reason: 'x' };
      for (const role of ROLES) {
        for (const agencyId of [TARGET, OTHER, ORIGIN]) {
          if (role === 'PPK' && agencyId === TARGET) continue;
          const result = await post(d.caseId, command, body, role, agencyId, role === 'PNS' ? DEMO_NIP.sameProvince : undefined);
          expect({ command, role, agencyId, status: result.status }).toEqual({ command, role, agencyId, status: 403 });
        }
      }
      expect((await post(d.caseId, command, body, 'PPK', TARGET)).status).toBe(200);
      await d.end();
    }
  });

  it('the decree: only the route’s signer (GUBERNUR of the province) may issue it', async () => {
    const d = await crossAgencyCase('decree');
    expect(d.activeStep()).toMatchObject({ kind: 'DECREE', role: 'GUBERNUR', agencyId: TARGET });
    const today = await d.today();
    const body = {
      decreeNumber: 'SK-1',
      decreeDate: today,
      effectiveDate: today,
      documentSha256: 'd'.repeat(64),
      employeeNip: DEMO_NIP.sameProvince,
      targetPositionId: positionId(TARGET, 'analis-sdm'),
    };
    for (const role of ROLES) {
      for (const agencyId of [TARGET, OTHER]) {
        if (role === 'GUBERNUR' && agencyId === TARGET) continue;
        const result = await post(d.caseId, 'issue-decree', body, role, agencyId, role === 'PNS' ? DEMO_NIP.sameProvince : undefined);
        expect({ role, agencyId, status: result.status }).toEqual({ role, agencyId, status: 403 });
      }
    }
    expect((await post(d.caseId, 'issue-decree', body, 'GUBERNUR', TARGET)).status).toBe(200);
  });

  it('reads: the national oversight and BKN see every case, agencies the cases that involve them, an employee their own (docs/access.md)', async () => {
    const d = await crossAgencyCase('ended');
    const read = async (role: HumanRole, agencyId: string, nip?: string) =>
      (await http.raw('GET', `/api/transfers/${d.caseId}`, undefined, { authorization: `Bearer ${await token(role, agencyId, nip)}` })).status;
    expect(await read('INSPEKTUR', AGENCY.bkn)).toBe(200);
    expect(await read('INSPEKTUR', OTHER)).toBe(403);
    expect(await read('KEPALA_BKN', AGENCY.bkn)).toBe(200);
    expect(await read('PENGUSUL', TARGET)).toBe(200);
    expect(await read('PENGUSUL', ORIGIN)).toBe(200);
    expect(await read('PENGUSUL', OTHER)).toBe(403);
    expect(await read('PPK', OTHER)).toBe(403);
    expect(await read('PNS', ORIGIN, DEMO_NIP.sameProvince)).toBe(200);
    expect(await read('PNS', ORIGIN, DEMO_NIP.internal)).toBe(403);
    expect((await http.raw('GET', `/api/transfers/${d.caseId}`)).status).toBe(401);
  });
});
