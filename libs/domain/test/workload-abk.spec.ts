import { abkNeed, Policy, POLICY_2026_12, Position, TransferCommand, TransferEvent, workloadBalance } from '@mutasi/domain';
import { AGENCY, DEMO_ABK, DEMO_NIP, planIdFor, positionId, TEMPLATES } from '@mutasi/demo-data';
import { given, World } from '@mutasi/testing';

/** The workload analysis (ABK) and the annual mutation plan (docs/workload.md, issue 10 part 1), under policy 2026.12. */
const world = new World('2026-12-07T02:00:00.000Z');
const AUDITOR = positionId(AGENCY.bandarLestari, 'auditor');
let n = 0;
const id = (prefix: string): string => `${prefix}-${(n += 1)}`;
const outcome = (events: readonly TransferEvent[], ruleId: string) => events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === ruleId);
const under = (command: TransferCommand, policy: Policy): TransferCommand => ({ ...command, metadata: { ...command.metadata, policy } }) as TransferCommand;

describe('the ABK computation (docs/workload.md, worked examples)', () => {
  it('example 1, Auditor Ahli Muda: 6,000 + 2,400 + 1,600 = 10,000 hours ÷ 1,250 = 8.0 → kebutuhan 8', () => {
    const abk = abkNeed(DEMO_ABK.auditor, POLICY_2026_12);
    expect(abk).toEqual({ workloadHours: 10_000, effectiveHoursPerYear: 1250, exactNeed: 8, kebutuhan: 8 });
  });

  it('example 2, Pranata Komputer: 3,000 + 3,600 + 800 = 7,400 hours ÷ 1,250 = 5.92 → kebutuhan 6 (rounded half up)', () => {
    expect(abkNeed(DEMO_ABK['pranata-komputer'], POLICY_2026_12)).toEqual({ workloadHours: 7400, effectiveHoursPerYear: 1250, exactNeed: 5.92, kebutuhan: 6 });
  });

  it('example 3, one task of 100 units at 375 minutes: 625 hours ÷ 1,250 = 0.5 → kebutuhan 1; at 374 minutes 623.33 hours → 0', () => {
    expect(abkNeed([{ task: 'x', volumePerYear: 100, minutesPerUnit: 375 }], POLICY_2026_12).kebutuhan).toBe(1);
    expect(abkNeed([{ task: 'x', volumePerYear: 100, minutesPerUnit: 374 }], POLICY_2026_12)).toMatchObject({ workloadHours: 623.33, kebutuhan: 0 });
  });

  it('the divisor is the policy value: at 1,200 effective hours the auditor needs 8.333 → 8', () => {
    const older: Policy = { ...POLICY_2026_12, abkEffectiveHoursPerYear: { value: 1200, legalBasis: 'older guidance' } };
    expect(abkNeed(DEMO_ABK.auditor, older)).toMatchObject({ exactNeed: 8.333, kebutuhan: 8 });
  });

  it('every demo template’s ABK gives the kebutuhan the template states', () => {
    for (const [template, tasks] of Object.entries(DEMO_ABK))
      expect([template, abkNeed(tasks, POLICY_2026_12).kebutuhan]).toEqual([template, TEMPLATES[template as keyof typeof TEMPLATES].kebutuhan]);
  });
});

describe('R-04 figures: the needs analysis states what the ABK on record gives', () => {
  it('R-04 refuses a workload that differs from the ABK on record, showing both, and accepts the recorded one', () => {
    const error = given([])
      .when(world.open(id('hours'), AUDITOR, undefined, undefined, { workloadHours: 12_500 }))
      .thenRefused({ ruleId: 'R-04', code: 'RULE_R04_FIGURES_DIFFER' });
    expect(error.message).toContain('beban kerja 12500 jam (ABK tercatat: 10000)');
    given([])
      .when(world.open(id('hours'), AUDITOR, undefined, undefined, { workloadHours: 10_000 }))
      .then((events) => expect(outcome(events, 'R-04')?.outcome).toBe('PASS'));
  });

  it('R-04 under a policy that flags instead of refusing: the different figures go through, flagged with both', () => {
    const flagging: Policy = { ...POLICY_2026_12, needsFiguresMismatch: { value: 'FLAG', legalBasis: 'test policy' } };
    given([])
      .when(under(world.open(id('flag'), AUDITOR, undefined, undefined, { kebutuhan: 9 }), flagging))
      .then((events) => {
        const r04 = events[0]?.metadata.ruleOutcomes.filter((o) => o.ruleId === 'R-04').find((o) => o.outcome === 'FLAG');
        expect(r04?.reason).toContain('kebutuhan 9 (tercatat: 8)');
        expect(r04?.inputs).toMatchObject({ submitted: { kebutuhan: 9 }, recorded: { kebutuhan: 8 } });
      });
  });
});

describe('R-01 the mutation plan on record, by id', () => {
  const plan2026 = planIdFor(AGENCY.bandarLestari, 2026);

  it('R-01 passes a case whose target the plan of this year plans', () => {
    given([])
      .when(world.open(id('plan'), AUDITOR, undefined, undefined, { planReference: plan2026 }))
      .then((events) => {
        expect(outcome(events, 'R-01')).toMatchObject({ outcome: 'PASS', inputs: { planId: plan2026, planYear: 2026 } });
      });
  });

  it('R-01 refuses a plan reference that is no plan on record, the plan of another year, or a plan without this position', () => {
    const unknown = given([])
      .when(world.open(id('plan'), AUDITOR, undefined, undefined, { planReference: 'RENCANA-MUTASI-2026' }))
      .thenRefused({ ruleId: 'R-01', code: 'RULE_R01_PLAN_NOT_ON_RECORD' });
    expect(unknown.message).toContain('rencana mutasi RENCANA-MUTASI-2026 tidak tercatat');
    const full: Position = world.position(positionId(AGENCY.bandarLestari, 'kasubbag-kepegawaian'));
    const notPlanned = world.open(id('plan'), AUDITOR, undefined, undefined, { planReference: plan2026 });
    const withoutAuditor = {
      ...notPlanned,
      context: { ...notPlanned.context, plan: { ...world.plans('2026-12-07').find((p) => p.id === plan2026)!, moves: [{ targetPositionId: full.id, count: 1, note: null }] } },
    } as TransferCommand;
    expect(given([]).when(withoutAuditor).thenRefused({ ruleId: 'R-01' }).message).toContain(`tidak merencanakan mutasi ke ${AUDITOR}`);
    const lastYear = {
      ...notPlanned,
      context: { ...notPlanned.context, plan: { ...world.plans('2025-12-07').find((p) => p.agencyId === AGENCY.bandarLestari)!, id: plan2026 } },
    } as TransferCommand;
    expect(given([]).when(lastYear).thenRefused({ ruleId: 'R-01' }).message).toContain('adalah rencana tahun 2025, bukan tahun 2026');
  });

  it('R-01 lets a move outside the plan through on an exception reason, flagged with why the plan did not cover it', () => {
    given([])
      .when(world.open(id('plan'), AUDITOR, undefined, undefined, { planReference: 'RENCANA-MUTASI-2026', exceptionReason: 'an audit finding needs an auditor now' }))
      .then((events) => {
        const r01 = outcome(events, 'R-01');
        expect(r01?.outcome).toBe('FLAG');
        expect(r01?.reason).toContain('rencana mutasi RENCANA-MUTASI-2026 tidak tercatat');
      });
  });
});

describe('the workload balance', () => {
  const positionsOf = (agencies: readonly string[]) => world.data.positions.filter((p) => agencies.includes(p.agencyId));
  const input = (overrides: Partial<Parameters<typeof workloadBalance>[0]> = {}) => ({
    agencyIds: [AGENCY.provNb],
    agencies: world.data.agencies,
    positions: positionsOf([AGENCY.provNb, AGENCY.sukamaju, AGENCY.bandarLestari]),
    employees: world.data.employees.filter((e) => ([AGENCY.provNb, AGENCY.sukamaju, AGENCY.bandarLestari] as string[]).includes(e.agencyId)),
    incomingUnderWay: new Map<string, number>(),
    openCaseOf: () => null,
    movingOut: () => false,
    plans: world.plans('2026-12-07'),
    now: '2026-12-07T02:00:00.000Z',
    policy: POLICY_2026_12,
    suggestionsPerPosition: 5,
    ...overrides,
  });
  const TARGET = positionId(AGENCY.provNb, 'analis-keuangan');

  it('gives each position its gap: kebutuhan − bezetting − places held moving in + holders moving out, surplus as well as deficit', () => {
    const plain = workloadBalance(input());
    const row = (b: ReturnType<typeof workloadBalance>, id: string) => b.units.flatMap((u) => u.positions).find((p) => p.positionId === id);
    expect(row(plain, TARGET)).toMatchObject({ kebutuhan: 4, bezetting: 2, gap: 2, status: 'DEFICIT', plannedIn: { planId: planIdFor(AGENCY.provNb, 2026), count: 2 } });
    expect(row(plain, positionId(AGENCY.provNb, 'pengadministrasi'))).toMatchObject({ status: 'SURPLUS' });
    const held = workloadBalance(input({ incomingUnderWay: new Map([[TARGET, 2]]) }));
    expect(row(held, TARGET)).toMatchObject({ gap: 0, status: 'BALANCED' });
    const leaver = world.data.employees.find((e) => e.positionId === TARGET)?.nip;
    const leaving = workloadBalance(input({ movingOut: (nip) => nip === leaver }));
    expect(row(leaving, TARGET)).toMatchObject({ outgoingUnderWay: 1, gap: 3 });
  });

  it('suggests eligible surplus holders for a deficit, ranked by merit, with the requests that open and propose the case', () => {
    const suggestions = workloadBalance(input()).suggestions.filter((s) => s.target.positionId === TARGET);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.rank)).toEqual(suggestions.map((_, i) => i + 1));
    expect(suggestions.every((s) => s.from.surplus > 0 && s.employee.standing !== 'NOT_ELIGIBLE')).toBe(true);
    expect(suggestions[0]?.employee.nip).toBe(DEMO_NIP.surplusFinance);
    expect(suggestions[0]?.opensWith.body).toMatchObject({
      targetPositionId: TARGET,
      needsAnalysis: { kebutuhan: 4, bezetting: 2, workloadHours: 5000, planReference: planIdFor(AGENCY.provNb, 2026) },
    });
    expect(suggestions[0]?.notes).toEqual(['kesenjangan kompetensi PERENCANAAN_ANGGARAN: rencana pelatihan dibuat saat pengusulan (R-09)']);
    const inCase = workloadBalance(input({ openCaseOf: (nip) => (nip === DEMO_NIP.surplusFinance ? 'other-case' : null) })).suggestions;
    expect(inCase.some((s) => s.employee.nip === DEMO_NIP.surplusFinance)).toBe(false);
  });
});
