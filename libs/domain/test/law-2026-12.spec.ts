import {
  activeStep,
  Agency,
  ApprovalChainStarted,
  buildApprovalChain,
  chainAuthorities,
  DEFAULT_POLICIES,
  innerCase,
  Policy,
  POLICY_2024_1,
  POLICY_2026_12,
  policyAt,
  Position,
  RuleOutcome,
  TransferCommand,
  TransferEvent,
} from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { CaseJourney, fakeSha256, given, World } from '@mutasi/testing';

/**
 * The law as it stands on 2026-12-01 (policy mutasi-policy/2026.12, docs/rules.md): each correction with the refusal
 * or the outcome it brings, and the case it allows. Decisions before that day keep policy 2024.1.
 */
const LATE = '2026-12-07T02:00:00.000Z';
const world = new World(LATE);
const BL = AGENCY.bandarLestari;
let n = 0;
const id = (prefix: string): string => `${prefix}-${(n += 1)}`;
const outcomeOf = (events: readonly TransferEvent[], ruleId: string): RuleOutcome | undefined => events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === ruleId);
const withPosition = (p: Position): Position => {
  (world.data.positions as Position[]).push(p);
  return p;
};
const jpt = (agencyId: string, slug: string, positionClass: Position['positionClass'], functionalLevel: string | null = null): Position =>
  withPosition({
    id: `${agencyId}.${slug}`,
    agencyId,
    unit: 'Sekretariat Daerah',
    title: `Jabatan ${slug}`,
    positionClass,
    functionalLevel,
    requiredCompetencies: [],
    requiredEducationFields: [],
    kebutuhan: 1,
    bezetting: 0,
    pilkadaScope: false,
  });

describe('the policy version of 2026-12-01', () => {
  it('is in force from 2026-12-01; decisions before keep 2024.1', () => {
    expect(policyAt(DEFAULT_POLICIES, '2026-11-30').version).toBe(POLICY_2024_1.version);
    expect(policyAt(DEFAULT_POLICIES, '2026-12-01').version).toBe(POLICY_2026_12.version);
  });

  it('M-01 says the ranking is agency policy applying the merit system, not UU 20/2023 Pasal 9(2)', () => {
    expect(POLICY_2026_12.meritWeights.legalBasis).toMatch(/^kebijakan instansi \(M-01\)/);
    expect(POLICY_2026_12.meritWeights.legalBasis).not.toContain('Pasal 9');
  });
});

describe('R-44 JPT lock: agency policy, configurable, the revoked article only as background', () => {
  it('refuses within two years of inauguration, saying it is agency policy; a version that switches it off lets the move through', () => {
    const j = new CaseJourney(world, id('r44'), positionId(AGENCY.provNb, 'analis-sdm'), SAMPLE_NIP.jptLock).needsApproved();
    const error = given(j.events).when(world.propose(j.state, SAMPLE_NIP.jptLock)).thenRefused({ ruleId: 'R-44' });
    expect(error.details.legalBasis).toMatch(/^kebijakan instansi \(R-44\).*dicabut oleh UU 20\/2023/);
    const off: Policy = { ...POLICY_2026_12, jptLockEnabled: { ...POLICY_2026_12.jptLockEnabled, value: false } };
    const command = world.propose(j.state, SAMPLE_NIP.jptLock, {
      exceptionGrounds: [{ ruleId: 'R-03', groundCode: 'R03_PENATAAN_ORGANISASI', ground: 'restructuring of the provincial health office' }],
      meritDeviationJustification: 'the restructuring moves its head here',
    });
    given(j.events)
      .when({ ...command, metadata: { ...command.metadata, policy: off } } as TransferCommand)
      .then((events) => expect(outcomeOf(events, 'R-44')?.outcome).toBe('PASS'));
  });
});

describe('R-02 the President’s positions and R-05 the JPT competency test', () => {
  it('R-02 refuses moving into a JPT Madya or a JF Ahli Utama, naming the article; a JPT Pratama is the PPK’s', () => {
    for (const target of [jpt(BL, 'sekda', 'JPT_MADYA'), jpt(BL, 'widyaiswara-utama', 'FUNGSIONAL', 'AHLI_UTAMA')]) {
      const j = new CaseJourney(world, id('r02'), target.id, DEMO_NIP.internal).needsApproved();
      const error = given(j.events)
        .when(world.propose(j.state, DEMO_NIP.internal, { meritDeviationJustification: 'x' }))
        .thenRefused({ ruleId: 'R-02', code: 'RULE_R02_PRESIDENTIAL' });
      expect(error.details.legalBasis).toContain('PP 11/2017 Pasal 3 ayat (3); UU 20/2023 Pasal 29 ayat (1)');
    }
    const pratama = jpt(BL, 'kadis', 'JPT_PRATAMA');
    const k = new CaseJourney(world, id('r02-ok'), pratama.id, DEMO_NIP.internal).needsApproved();
    given(k.events)
      .when(world.propose(k.state, DEMO_NIP.internal, { meritDeviationJustification: 'x' }))
      .then((events) => expect(outcomeOf(events, 'R-02')?.outcome).toBe('PASS'));
  });

  it('R-05 asks a JPT → JPT move for a verified competency test before approval, and starts it once verified', () => {
    const target = jpt(AGENCY.provNb, 'kadis-pendidikan', 'JPT_PRATAMA');
    const grounds = [
      { ruleId: 'R-44', groundCode: 'R44_PENATAAN_ORGANISASI', ground: 'restructuring of the provincial health office (Perda 3/2026)' },
      { ruleId: 'R-03', groundCode: 'R03_PENATAAN_ORGANISASI', ground: 'the same restructuring' },
    ];
    const j = new CaseJourney(world, id('r05'), target.id, SAMPLE_NIP.jptLock, { exceptionGrounds: grounds, meritDeviationJustification: 'x' }).notified();
    j.scenario.run(world.simple('AcknowledgeTransfer', {}, world.actor(`pns.${SAMPLE_NIP.jptLock}`)));
    expect(innerCase(j.state)?.proposal?.askedDocuments).toEqual(['COMPETENCY_TEST_RESULT']);
    given(j.events).when(world.submit(j.state)).thenRefused({ ruleId: 'R-05', code: 'RULE_R05_COMPETENCY_TEST' });
    j.scenario.run(
      world.simple(
        'AttachDocument',
        { kind: 'COMPETENCY_TEST_RESULT', title: 'Hasil uji kompetensi', sha256: fakeSha256(j.caseId, 'ukom'), statement: null },
        world.actor('PENGUSUL', AGENCY.provNb),
      ),
    );
    j.scenario.run(
      world.simple(
        'VerifyDocument',
        { documentId: innerCase(j.state)?.documents.at(-1)?.documentId as string, status: 'APPROVED', notes: 'lulus' },
        world.person('VERIFIKATOR', AGENCY.provNb, j.state, 'DOCUMENT_VERIFICATION'),
      ),
    );
    given(j.events)
      .when(world.submit(j.state))
      .then((events) => expect(events[0]?.type).toBe('ApprovalChainStarted.v1'));
  });
});

describe('R-60 and R-62 PPPK', () => {
  const pppkTarget = jpt(BL, 'pranata-komputer-pelayanan', 'FUNGSIONAL', 'AHLI_PERTAMA').id;

  it('R-62 lets a PPPK move inside the agency with a verified MenPAN-RB recommendation; R-60 still refuses another agency', () => {
    const j = new CaseJourney(world, id('r62'), pppkTarget, SAMPLE_NIP.pppk, { meritDeviationJustification: 'x' }).notified();
    expect(
      outcomeOf(
        j.events.filter((e) => e.type === 'CandidateProposed.v1'),
        'R-60',
      )?.outcome,
    ).toBe('PASS');
    j.scenario.run(world.simple('AcknowledgeTransfer', {}, world.actor(`pns.${SAMPLE_NIP.pppk}`)));
    given(j.events).when(world.submit(j.state)).thenRefused({ ruleId: 'R-62', code: 'RULE_R62_RECOMMENDATION' });
    j.scenario.run(
      world.simple(
        'AttachDocument',
        { kind: 'MENPANRB_RECOMMENDATION', title: 'Rekomendasi MenPAN-RB', sha256: fakeSha256(j.caseId, 'menpan'), statement: null },
        world.actor('PENGUSUL', BL),
      ),
    );
    j.scenario.run(
      world.simple(
        'VerifyDocument',
        { documentId: innerCase(j.state)?.documents.at(-1)?.documentId as string, status: 'APPROVED', notes: 'ada' },
        world.person('VERIFIKATOR', BL, j.state, 'DOCUMENT_VERIFICATION'),
      ),
    );
    given(j.events)
      .when(world.submit(j.state))
      .then((events) => expect(events[0]?.type).toBe('ApprovalChainStarted.v1'));
    const k = new CaseJourney(world, id('r60'), positionId(AGENCY.provNb, 'pranata-komputer'), SAMPLE_NIP.pppk).needsApproved();
    given(k.events).when(world.propose(k.state, SAMPLE_NIP.pppk)).thenRefused({ ruleId: 'R-60' });
  });

  it('under 2024.1 a PPPK could not move inside the agency either', () => {
    const old = new World('2026-06-01T02:00:00.000Z');
    (old.data.positions as Position[]).push(world.position(pppkTarget));
    const j = new CaseJourney(old, id('r60-old'), pppkTarget, SAMPLE_NIP.pppk).needsApproved();
    given(j.events).when(old.propose(j.state, SAMPLE_NIP.pppk)).thenRefused({ ruleId: 'R-60' });
  });
});

describe('deadlines in the right days (R-30, R-31, R-32)', () => {
  it('R-32: the PPK decides an objection within 21 working days; a deadline running into a year without a calendar says so (S-01)', () => {
    const j = new CaseJourney(world, id('r32'), positionId(BL, 'auditor'), DEMO_NIP.internal).notified();
    given(j.events)
      .when(world.simple('RaiseObjection', { reason: 'keluarga' }, world.actor(`pns.${DEMO_NIP.internal}`)))
      .then((events) => {
        const raised = events[0] as Extract<TransferEvent, { type: 'ObjectionRaised.v1' }>;
        // 21 working days from 7 December 2026, skipping the cuti bersama and Christmas of 2026; 1 January 2027 counts as a
        // working day because no 2027 calendar is on record yet, which is what S-01 says.
        expect(raised.data.decisionDeadline).toBe('2027-01-07');
        expect(raised.metadata.ruleOutcomes.find((o) => o.ruleId === 'R-32')?.legalBasis).toMatch(/pernyataan resmi \(R-32\): PPK memutus keberatan dalam 21 hari kerja/);
        expect(raised.metadata.ruleOutcomes.find((o) => o.ruleId === 'S-01')?.reason).toContain('2027');
      });
  });

  it('R-30 and R-31 say they rest on BKN statements, other step deadlines that they are agency policy', () => {
    expect(POLICY_2026_12.pertekDays.legalBasis).toMatch(/^pernyataan resmi \(R-30\).*15 hari kalender.*bukan pasal peraturan/);
    expect(POLICY_2026_12.appointmentWorkingDays.legalBasis).toMatch(/^pernyataan resmi \(R-31\).*30 hari kerja/);
    expect(POLICY_2026_12.stepDeadlineDays.legalBasis).toMatch(/^kebijakan instansi/);
  });
});

describe('the two corrected chains', () => {
  const agency = (id: string): Agency => world.agency(id);
  const chain = (policy: Policy, origin: string, target: string, targetPosition: string) =>
    buildApprovalChain({
      route: 'INTER_PROVINCE',
      origin: { side: 'ORIGIN', agency: agency(origin), position: world.position(positionId(origin, 'analis-kebijakan')) },
      target: { side: 'TARGET', agency: agency(target), position: world.position(targetPosition) },
      authorities: chainAuthorities(world.data.agencies),
      now: LATE,
      policy,
    });

  it('INTER_PROVINCE into a kabupaten/kota goes to Mendagri through the receiving side’s governor; under 2024.1 it did not', () => {
    const now = chain(POLICY_2026_12, BL, AGENCY.lembahHijau, positionId(AGENCY.lembahHijau, 'analis-kebijakan'));
    expect(now.steps.map((s) => `${s.kind}:${s.role}@${s.agencyId}`)).toEqual([
      'PROPOSAL:PPK@kab-lembah-hijau',
      'CONSENT:PPK@kota-bandar-lestari',
      'FORWARDING:GUBERNUR@prov-st',
      'COORDINATION:MENDAGRI@kemendagri',
      'PERTEK:KEPALA_BKN@bkn',
      'DECREE:MENDAGRI@kemendagri',
    ]);
    expect(chain(POLICY_2024_1, BL, AGENCY.lembahHijau, positionId(AGENCY.lembahHijau, 'analis-kebijakan')).steps.map((s) => s.kind)).toEqual([
      'PROPOSAL',
      'CONSENT',
      'COORDINATION',
      'PERTEK',
      'DECREE',
    ]);
  });

  it('KABKOTA_TO_PROVINSI: the governor is the receiving PPK, so the forwarding step is gone; a recorded chain keeps its steps', () => {
    const j = new CaseJourney(world, id('kp'), positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).inApproval();
    const started = j.events.find((e): e is ApprovalChainStarted => e.type === 'ApprovalChainStarted.v1');
    expect(started?.data.steps.map((s) => s.kind)).toEqual(['PROPOSAL', 'CONSENT', 'PERTEK', 'DECREE']);
    const old = new World('2026-06-01T02:00:00.000Z');
    const k = new CaseJourney(old, id('kp-old'), positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).inApproval();
    expect(k.events.find((e): e is ApprovalChainStarted => e.type === 'ApprovalChainStarted.v1')?.data.steps.map((s) => s.kind)).toEqual([
      'PROPOSAL',
      'CONSENT',
      'FORWARDING',
      'PERTEK',
      'DECREE',
    ]);
  });
});

describe('R-11 the releasing PPK’s consent names the position', () => {
  it('refuses a consent naming another position, asks for one that names none, and accepts the right one', () => {
    const j = new CaseJourney(world, id('r11'), positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).inApproval();
    j.scenario.run(world.simple('ApproveStep', { stepId: '1-proposal', notes: 'ok' }, world.stepActor(j.state)));
    const consent = (positionIdStated: string | null) =>
      world.simple(
        'ApproveStep',
        { stepId: activeStep(innerCase(j.state)?.approval ?? null)?.stepId as string, notes: 'setuju', consentToPositionId: positionIdStated },
        world.stepActor(j.state),
      );
    given(j.events)
      .when(consent(positionId(AGENCY.provNb, 'pranata-komputer')))
      .thenRefused({ ruleId: 'R-11', code: 'RULE_R11_CONSENT_POSITION' });
    given(j.events).when(consent(null)).thenRefused({ kind: 'VALIDATION', code: 'FIELD_REQUIRED' });
    given(j.events)
      .when(consent(positionId(AGENCY.provNb, 'analis-sdm')))
      .then((events) => expect(outcomeOf(events, 'R-11')).toMatchObject({ outcome: 'PASS', legalBasis: expect.stringContaining('Pasal 192 ayat (2)') }));
  });
});

describe('R-33 a regional head reports every replacement to Mendagri within 7 working days', () => {
  it('sets the deadline at the decree, passes a report on time, flags a late one and an overdue one; a central agency reports nothing', () => {
    const j = new CaseJourney(world, id('r33'), positionId(BL, 'auditor'), DEMO_NIP.internal).decreed();
    const deadline = innerCase(j.state)?.decree?.replacementReport?.deadline;
    expect(deadline).toBe('2026-12-16');
    const report = (on: string) => world.simple('ReportReplacement', { reference: 'B/100/2026', reportedOn: on }, world.person('PPK', BL, j.state), `${on}T05:00:00.000Z`);
    given(j.events)
      .when(report('2026-12-15'))
      .then((events) => expect(outcomeOf(events, 'R-33')?.outcome).toBe('PASS'));
    given(j.events)
      .when(report('2026-12-18'))
      .then((events) => expect(outcomeOf(events, 'R-33')?.outcome).toBe('FLAG'));
    const SYSTEM = { userId: 'system:scheduler', name: 'scheduler', role: 'SYSTEM' as const, agencyId: 'system' };
    given(j.events)
      .when(world.simple('FlagReplacementReportOverdue', {}, SYSTEM, '2026-12-16T05:00:00.000Z'))
      .thenRefused({ code: 'NOT_DUE' });
    given(j.events)
      .when(world.simple('FlagReplacementReportOverdue', {}, SYSTEM, '2026-12-17T05:00:00.000Z'))
      .then((events) => expect(outcomeOf(events, 'R-33')?.outcome).toBe('FLAG'));
    const central = new CaseJourney(world, id('r33-pusat'), positionId(AGENCY.kementerian, 'analis-sdm'), DEMO_NIP.centralToRegional).needsApproved();
    expect(innerCase(central.state)?.decree ?? null).toBeNull();
  });
});

describe('R-45 and R-46 cover a Plt, with their corrected sources', () => {
  const sides = (status: Agency['ppkStatus']) => {
    const bl = { ...world.agency(BL), ppkStatus: status };
    const position = world.position(positionId(BL, 'auditor'));
    return buildApprovalChain({
      route: 'INTERNAL',
      origin: { side: 'ORIGIN', agency: bl, position },
      target: { side: 'TARGET', agency: bl, position },
      authorities: chainAuthorities(world.data.agencies),
      now: LATE,
      policy: POLICY_2026_12,
    });
  };

  it('adds Mendagri’s approval and a BKN pertek for a Plt, citing Permendagri 4/2023 Pasal 15 and the Head of BKN’s letter', () => {
    const plan = sides('PLT');
    expect(plan.overlays.find((o) => o.ruleId === 'R-45')).toMatchObject({ outcome: 'REQUIRES_STEP', legalBasis: expect.stringContaining('Permendagri 4/2023 Pasal 15') });
    expect(plan.overlays.find((o) => o.ruleId === 'R-46')).toMatchObject({ outcome: 'REQUIRES_STEP', legalBasis: expect.stringContaining('surat Kepala BKN') });
    expect(sides('DEFINITIF').overlays.find((o) => o.ruleId === 'R-45')?.outcome).toBe('PASS');
  });
});

describe('R-21 and R-01 say what the law says', () => {
  it('R-21 records that insisting on the move means being deemed to have resigned; R-01 asks for a plan', () => {
    const j = new CaseJourney(world, id('r21'), positionId(BL, 'analis-sdm'), SAMPLE_NIP.tenYearLock).needsApproved();
    const error = given(j.events)
      .when(world.propose(j.state, SAMPLE_NIP.tenYearLock, { initiative: 'PERMINTAAN_SENDIRI' }))
      .thenRefused({ ruleId: 'R-21' });
    expect(error.message).toContain('dianggap mengundurkan diri');
    expect(error.details.legalBasis).toContain('Pasal 59 ayat (2)');
    given([])
      .when(world.open(id('r01'), positionId(BL, 'auditor'), undefined, undefined, { planReference: null, exceptionReason: null }))
      .thenRefused({ ruleId: 'R-01' });
    given([])
      .when(world.open(id('r01-ok'), positionId(BL, 'auditor')))
      .then((events) => expect(outcomeOf(events, 'R-01')?.reason).toMatch(/^termasuk dalam rencana mutasi/));
  });
});
