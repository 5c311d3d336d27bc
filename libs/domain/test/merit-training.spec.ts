import fc from 'fast-check';
import { candidatePool, EmployeeSnapshot, innerCase, MeritRanking, Policy, POLICY_2026_12, poolMembers, scheduledWork, TransferCommand, TransferEvent } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, DemoUser, positionId } from '@mutasi/demo-data';
import { CaseJourney, fakeSha256, given, World } from '@mutasi/testing';

/** Selection on merit (M-01 pool, R-08, exception grounds) and training under policy 2026.12 (issue 10, parts 2–3). */
const LATE = '2026-12-07T02:00:00.000Z';
const BL = AGENCY.bandarLestari;
const AUDITOR = positionId(BL, 'auditor');
let n = 0;
const id = (prefix: string): string => `${prefix}-${(n += 1)}`;
const outcome = (events: readonly TransferEvent[], ruleId: string) => events.flatMap((e) => e.metadata.ruleOutcomes).find((o) => o.ruleId === ruleId);
const under = (command: TransferCommand, policy: Policy): TransferCommand => ({ ...command, metadata: { ...command.metadata, policy } }) as TransferCommand;

/** A finance officer of Bandar Lestari who lacks AUDIT: the auditor post is a 50 % fit, so a training plan follows. */
function withGapCandidate(world: World, nip = '198707142011042099'): EmployeeSnapshot {
  const base = world.employee(DEMO_NIP.internal);
  const candidate: EmployeeSnapshot = { ...base, nip, name: 'Lestari Wibowo', competencies: ['KEUANGAN_DAERAH'] };
  (world.data.employees as EmployeeSnapshot[]).push(candidate);
  (world.data.users as DemoUser[]).push({ userId: `pns.${nip}`, name: candidate.name, agencyId: BL, roles: ['PNS'], nip, title: 'Pengelola Keuangan' });
  return candidate;
}

const justified = { meritDeviationJustification: 'closest fit among the finance officers in surplus' };

describe('M-01 pool: candidatePool is the pool the proposal ranks against', () => {
  const world = new World(LATE);

  it('assesses every member on every eligibility rule and ranks only the eligible; the proposal records that ranking', () => {
    const j = new CaseJourney(world, id('pool'), AUDITOR, DEMO_NIP.internal).proposed();
    const c = innerCase(j.state);
    const target = world.position(AUDITOR);
    const source = {
      employees: world.data.employees,
      positionTitle: (p: string) => world.data.positions.find((x) => x.id === p)?.title,
      agencies: world.data.agencies,
      openCaseOf: () => null,
    };
    const pool = candidatePool(poolMembers(source, target, world.agency(BL), BL, POLICY_2026_12), target, LATE, POLICY_2026_12, j.caseId);
    expect(pool.size).toBeGreaterThan(5);
    for (const m of pool.candidates) expect(m.outcomes.map((o) => o.ruleId)).toEqual(expect.arrayContaining(['R-04', 'R-08', 'R-22', 'R-23', 'R-24', 'M-09', 'R-03']));
    expect(pool.candidates.filter((m) => m.rank !== null).every((m) => m.standing !== 'NOT_ELIGIBLE')).toBe(true);
    expect(c?.proposal?.meritRanking.entries.map((e) => [e.nip, e.rank, e.score])).toEqual(pool.ranking.entries.map((e) => [e.nip, e.rank, e.score]));
    expect(c?.proposal?.meritRanking.poolSize).toBe(pool.size);
  });

  it('a pool is never silently empty: it says why', () => {
    const target = { ...world.position(AUDITOR), id: 'x.none', title: 'Penera Ahli Muda', requiredCompetencies: ['METROLOGI'] };
    const source = {
      employees: world.data.employees,
      positionTitle: (p: string) => world.data.positions.find((x) => x.id === p)?.title,
      agencies: world.data.agencies,
      openCaseOf: () => null,
    };
    const pool = candidatePool(poolMembers(source, target, world.agency(BL), BL, POLICY_2026_12), target, LATE, POLICY_2026_12, null);
    expect(pool.size).toBe(0);
    expect(pool.emptyBecause).toContain('METROLOGI');
  });

  it('property: for random pools the proposal’s M-01 ranking is the candidatePool ranking, and the chosen rank is the pool rank', () => {
    const rating = fc.constantFrom('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN') as fc.Arbitrary<EmployeeSnapshot['skp'][number]['rating']>;
    const member = fc.record({
      competencies: fc.subarray(['AUDIT', 'KEUANGAN_DAERAH', 'STATISTIK'], { minLength: 1 }),
      education: fc.constantFrom('AKUNTANSI', 'HUKUM', 'SOSIOLOGI'),
      ratings: fc.tuple(rating, rating),
      monthsInPost: fc.integer({ min: 3, max: 120 }),
      sanction: fc.boolean(),
      assessed: fc.option(fc.integer({ min: 1, max: 5 })),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 12 }), fc.nat(), (specs, pick) => {
        const w = new World(LATE);
        const base = w.employee(DEMO_NIP.internal);
        const synthetic = specs.map((s, i): EmployeeSnapshot => ({
          ...base,
          nip: `19870714201104${String(2100 + i).padStart(4, '0')}`,
          name: `Calon ${i}`,
          competencies: s.competencies,
          educationField: s.education,
          skp: [
            { year: 2024, rating: s.ratings[0] },
            { year: 2025, rating: s.ratings[1] },
          ],
          positionSince: `20${String(26 - Math.ceil(s.monthsInPost / 12)).padStart(2, '0')}-01-01`,
          discipline: { activeSanction: s.sanction, courtCase: false },
          assessments: s.assessed === null ? [] : [{ competency: 'AUDIT', level: s.assessed, date: '2026-03-01', assessor: 'UPT' }],
        }));
        (w.data.employees as EmployeeSnapshot[]).push(...synthetic);
        const target = w.position(AUDITOR);
        const source = { employees: synthetic, positionTitle: (p: string) => w.data.positions.find((x) => x.id === p)?.title, agencies: w.data.agencies, openCaseOf: () => null };
        const members = poolMembers(source, target, w.agency(BL), BL, POLICY_2026_12);
        const j = new CaseJourney(w, 'prop', AUDITOR, DEMO_NIP.internal).needsApproved();
        const pool = candidatePool(members, target, LATE, POLICY_2026_12, j.caseId);
        const eligible = pool.candidates.filter((m) => m.rank !== null && m.standing === 'ELIGIBLE');
        fc.pre(eligible.length > 0);
        const chosen = eligible[pick % eligible.length]!;
        const command = w.propose(j.state, chosen.nip, justified, undefined, undefined, false, { meritPool: members });
        const events = given(j.events).when(command).thenEvents();
        const recorded = (events[0]?.data as unknown as { meritRanking: MeritRanking }).meritRanking;
        expect(recorded.entries.map((e) => [e.nip, e.rank, e.score])).toEqual(pool.ranking.entries.map((e) => [e.nip, e.rank, e.score]));
        expect(recorded.entries.find((e) => e.nip === chosen.nip)?.rank).toBe(chosen.rank);
      }),
      { numRuns: 25 },
    );
  });

  it('merit-score/v2 counts competency assessments: a valid level-5 AUDIT assessment raises the score, an expired one does not', () => {
    const target = world.position(AUDITOR);
    const base = { ...world.employee(DEMO_NIP.internal), assessments: [] as EmployeeSnapshot['assessments'] };
    const score = (e: EmployeeSnapshot) =>
      candidatePool([{ employee: e, positionTitle: 'Pengelola Keuangan', route: 'INTERNAL', openCaseId: null }], target, LATE, POLICY_2026_12, null).candidates[0]!;
    const fresh = score({ ...base, assessments: [{ competency: 'AUDIT', level: 5, date: '2026-05-01', assessor: 'UPT' }] });
    const expired = score({ ...base, assessments: [{ competency: 'AUDIT', level: 5, date: '2021-05-01', assessor: 'UPT' }] });
    expect(fresh.parts.assessment).toBe(0.5);
    expect(expired.parts.assessment).toBe(0);
    expect(fresh.score).toBeGreaterThan(expired.score);
  });
});

describe('R-08 education fit is a rule of the policy', () => {
  const world = new World(LATE);
  const misfit = (): string => {
    const e = { ...world.employee(DEMO_NIP.internal), nip: '198707142011042098', educationField: 'SOSIOLOGI' };
    (world.data.employees as EmployeeSnapshot[]).push(e);
    return e.nip;
  };
  const nip = misfit();

  it('R-08 flags an education field the position does not list under 2026.12, and passes a fitting one', () => {
    const j = new CaseJourney(world, id('r08'), AUDITOR, nip).needsApproved();
    given(j.events)
      .when(world.propose(j.state, nip, justified))
      .then((events) => expect(outcome(events, 'R-08')?.outcome).toBe('FLAG'));
    const k = new CaseJourney(world, id('r08'), AUDITOR, DEMO_NIP.internal).needsApproved();
    given(k.events)
      .when(world.propose(k.state, DEMO_NIP.internal, justified))
      .then((events) => expect(outcome(events, 'R-08')?.outcome).toBe('PASS'));
  });

  it('R-08 refuses it under a policy that blocks, naming the fields the position requires', () => {
    const blocking: Policy = { ...POLICY_2026_12, educationFit: { value: 'BLOCK', legalBasis: 'test policy' } };
    const j = new CaseJourney(world, id('r08'), AUDITOR, nip).needsApproved();
    const error = given(j.events)
      .when(under(world.propose(j.state, nip, justified), blocking))
      .thenRefused({ ruleId: 'R-08', code: 'RULE_R08_EDUCATION' });
    expect(error.message).toContain('AKUNTANSI, HUKUM');
  });
});

describe('exception grounds come from the policy’s list (R-03, R-44)', () => {
  const world = new World(LATE);
  const short = '199512202020081001';
  const target = positionId(AGENCY.bandarLestari, 'analis-sdm');

  it('R-03 refuses a free-text ground without a listed code, naming the codes to choose from', () => {
    const j = new CaseJourney(world, id('ground'), target, short).needsApproved();
    const error = given(j.events)
      .when(world.propose(j.state, short, { exceptionGrounds: [{ ruleId: 'R-03', ground: 'the mayor wants him' }], ...justified }))
      .thenRefused({ code: 'EXCEPTION_GROUND_NOT_LISTED' });
    expect(error.message).toContain('R03_PENATAAN_ORGANISASI');
  });

  it('R-03 accepts a listed ground, flagged with its code, label and legal basis; the free text only explains', () => {
    const j = new CaseJourney(world, id('ground'), target, short).needsApproved();
    const grounds = [{ ruleId: 'R-03', groundCode: 'R03_PENATAAN_ORGANISASI', ground: 'Perda 4/2026 merges two offices' }];
    given(j.events)
      .when(world.propose(j.state, short, { exceptionGrounds: grounds, ...justified }))
      .then((events) => {
        const r03 = outcome(events, 'R-03');
        expect(r03?.outcome).toBe('FLAG');
        expect(r03?.reason).toMatch(/R03_PENATAAN_ORGANISASI — penataan organisasi .*Perda 4\/2026 merges two offices/);
      });
  });
});

describe('R-09 training: derived at proposal, done before the TMT, closing the gap', () => {
  const world = new World(LATE);
  const candidate = withGapCandidate(world);
  const journey = () => new CaseJourney(world, id('train'), AUDITOR, candidate.nip, justified);
  const ppk = (j: CaseJourney) => world.person('PPK', BL, j.state);
  const analyst = world.actor('VERIFIKATOR', BL);
  const complete = (j: CaseJourney, hours = 24, sha = fakeSha256(j.caseId, 'cert'), on = '2026-12-10') =>
    world.simple(
      'CompleteTrainingItem',
      { itemId: 'T1', certificateSha256: sha, hours, provider: 'BPSDM Provinsi Nusantara Barat', completedOn: on },
      analyst,
      '2026-12-11T02:00:00.000Z',
    );

  it('R-09 derives one mandatory before-TMT item per missing competency when the candidate is proposed', () => {
    const j = journey().proposed();
    const plan = innerCase(j.state)?.training;
    expect(plan?.gaps).toEqual(['AUDIT']);
    expect(plan?.items).toEqual([
      expect.objectContaining({ itemId: 'T1', competency: 'AUDIT', kind: 'PELATIHAN', hours: 20, due: 'BEFORE_TMT', mandatory: true, dueBy: '2027-02-05', status: 'PLANNED' }),
    ]);
    expect(j.events.at(-1)?.type).toBe('TrainingPlanDerived.v1');
  });

  it('R-09 refuses the decree while the mandatory before-TMT item is open, and lets it through once completed', () => {
    const j = journey().approved();
    const signer = world.stepActor(j.state);
    const error = given(j.events).when(world.decree(j.state, signer)).thenRefused({ ruleId: 'R-09', code: 'RULE_R09_TRAINING_BEFORE_TMT' });
    expect(error.message).toContain('T1 AUDIT (20 jam)');
    j.scenario.run(complete(j));
    given(j.events)
      .when(world.decree(j.state, signer, {}, '2026-12-11T03:00:00.000Z'))
      .then((events) => expect(outcome(events, 'R-09')?.outcome).toBe('PASS'));
  });

  it('R-09 refuses a certificate with fewer hours than planned, a certificate used twice, a date outside the plan, and the employee recording their own', () => {
    const j = journey().proposed();
    expect(given(j.events).when(complete(j, 8)).thenRefused({ ruleId: 'R-09', code: 'RULE_R09_HOURS_SHORT' }).message).toContain('8 jam; butir T1 (AUDIT) merencanakan 20 jam');
    const adjusted = world.simple(
      'AdjustTrainingPlan',
      {
        items: [
          { itemId: 'T1', competency: 'AUDIT', kind: 'PELATIHAN', hours: 20, due: 'BEFORE_TMT', mandatory: true },
          { competency: 'KEUANGAN_DAERAH', kind: 'E_LEARNING', hours: 10, due: 'AFTER_TMT', mandatory: false },
        ],
        reason: 'refresh on regional finance',
      },
      ppk(j),
    );
    j.scenario.run(adjusted);
    j.scenario.run(complete(j));
    const reuse = world.simple(
      'CompleteTrainingItem',
      { itemId: 'T2', certificateSha256: fakeSha256(j.caseId, 'cert'), hours: 10, provider: 'x', completedOn: '2026-12-10' },
      analyst,
      '2026-12-11T02:00:00.000Z',
    );
    expect(given(j.events).when(reuse).thenRefused({ code: 'CERTIFICATE_ALREADY_USED' }).message).toContain('butir T1');
    const future = world.simple(
      'CompleteTrainingItem',
      { itemId: 'T2', certificateSha256: fakeSha256(j.caseId, 'c2'), hours: 10, provider: 'x', completedOn: '2027-01-01' },
      analyst,
      '2026-12-11T02:00:00.000Z',
    );
    given(j.events).when(future).thenRefused({ code: 'INVALID_DATE' });
    const self = world.simple(
      'CompleteTrainingItem',
      { itemId: 'T2', certificateSha256: fakeSha256(j.caseId, 'c3'), hours: 10, provider: 'x', completedOn: '2026-12-10' },
      { ...analyst, nip: candidate.nip },
      '2026-12-11T02:00:00.000Z',
    );
    given(j.events).when(self).thenRefused({ ruleId: 'R-06' });
  });

  it('R-09 flags waiving or relaxing a mandatory before-TMT item, and passes an optional one', () => {
    const j = journey().proposed();
    given(j.events)
      .when(world.simple('WaiveTrainingItem', { itemId: 'T1', reason: 'urgent audit season' }, ppk(j)))
      .then((events) => expect(outcome(events, 'R-09')?.outcome).toBe('FLAG'));
    const relax = world.simple(
      'AdjustTrainingPlan',
      { items: [{ itemId: 'T1', competency: 'AUDIT', kind: 'PELATIHAN', hours: 20, due: 'AFTER_TMT', mandatory: false }], reason: 'after TMT is enough' },
      ppk(j),
    );
    given(j.events)
      .when(relax)
      .then((events) => expect(outcome(events, 'R-09')?.reason).toContain('butir wajib sebelum TMT T1 (AUDIT) diubah menjadi jatuh tempo setelah TMT'));
    j.scenario.run(relax);
    given(j.events)
      .when(world.simple('WaiveTrainingItem', { itemId: 'T1', reason: 'covered by experience' }, ppk(j)))
      .then((events) => expect(outcome(events, 'R-09')?.outcome).toBe('PASS'));
    given(j.events)
      .when(world.simple('WaiveTrainingItem', { itemId: 'T1', reason: 'x' }, world.actor('PENGUSUL', BL)))
      .thenRefused({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('R-09 raises an overdue flag through the scheduler after the due date, once', () => {
    const j = journey().proposed();
    const work = scheduledWork(j.state).find((w) => w.kind === 'FlagTrainingItemOverdue');
    expect(work).toEqual({ kind: 'FlagTrainingItemOverdue', dueOn: '2027-02-06', itemId: 'T1' });
    const SYSTEM = { userId: 'system:scheduler', name: 'scheduler', role: 'SYSTEM' as const, agencyId: 'system' };
    given(j.events)
      .when(world.simple('FlagTrainingItemOverdue', { itemId: 'T1' }, SYSTEM, '2027-01-05T02:00:00.000Z'))
      .thenRefused({ code: 'NOT_DUE' });
    j.scenario.run(world.simple('FlagTrainingItemOverdue', { itemId: 'T1' }, SYSTEM, '2027-02-06T02:00:00.000Z'));
    expect(innerCase(j.state)?.flags.at(-1)?.reason).toContain('tidak diselesaikan sampai 2027-02-05');
    expect(scheduledWork(j.state).some((w) => w.kind === 'FlagTrainingItemOverdue')).toBe(false);
  });

  it('the evaluation reports per competency gap whether training closed it', () => {
    const j = journey().approved();
    j.scenario.run(complete(j));
    j.scenario.run(world.decree(j.state, world.stepActor(j.state), {}, '2026-12-11T03:00:00.000Z'));
    const tmt = innerCase(j.state)?.decree?.effectiveDate as string;
    j.scenario.run(world.simple('RecordAppointment', { appointedOn: tmt, reference: 'BA-1' }, world.person('PPK', BL, j.state, 'APPOINTMENT'), `${tmt}T03:00:00.000Z`));
    const slot = innerCase(j.state)?.evaluations[0];
    const evaluation = world.evaluate(j.state, slot!.periodMonths, world.person('PPK', BL, j.state, 'EVALUATION'), `${slot!.dueOn}T03:00:00.000Z`);
    given(j.events)
      .when(evaluation)
      .then((events) => {
        expect((events[0]?.data as { training?: unknown }).training).toEqual([{ competency: 'AUDIT', status: 'CLOSED', itemIds: ['T1'], hours: 24 }]);
      });
  });
});
