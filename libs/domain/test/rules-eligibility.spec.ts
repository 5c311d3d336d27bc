import { EmployeeSnapshot, ProposeCandidate, TransferCommand } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { CaseJourney, given, World } from '@mutasi/testing';

const world = new World();
const AUDITOR = positionId(AGENCY.bandarLestari, 'auditor');
const PROV_SDM = positionId(AGENCY.provNb, 'analis-sdm');

/** A case awaiting a proposal for `target`, and the proposal command for `nip` with the employee patched. */
function proposal(target: string, nip: string, patch: Partial<EmployeeSnapshot> = {}, input: Partial<ProposeCandidate['data']> = {}) {
  const journey = new CaseJourney(world, `case-${nip}-${Object.keys(patch).join('-')}`, target, nip).needsApproved();
  const command = world.propose(journey.state, nip, input) as ProposeCandidate;
  const patched: TransferCommand = { ...command, context: { ...command.context, employee: { ...command.context.employee, ...patch } } };
  return given(journey.events).when(patched);
}

const outcomeOf = (ruleId: string) => (events: readonly { metadata: { ruleOutcomes: readonly { ruleId: string; outcome: string }[] } }[]) =>
  events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === ruleId)?.outcome;

describe('R-03 minimum and maximum tenure in post', () => {
  it('refuses a move after less than two years in the current post without a justification', () => {
    proposal(AUDITOR, DEMO_NIP.internal, { positionSince: '2025-01-06' }).thenRefused({ kind: 'RULE', ruleId: 'R-03', code: 'RULE_R03_MINIMUM_TENURE' });
  });

  it('allows it with a recorded ground, and flags it for inspectors', () => {
    proposal(AUDITOR, DEMO_NIP.internal, { positionSince: '2025-01-06' }, { exceptionGrounds: [{ ruleId: 'R-03', ground: 'organisational restructuring (Perda 4/2026)' }] }).then(
      (events) => expect(outcomeOf('R-03')(events)).toBe('FLAG'),
    );
  });

  it('passes between two and five years, and flags a post held over five years', () => {
    proposal(AUDITOR, DEMO_NIP.internal).then((events) => expect(outcomeOf('R-03')(events)).toBe('PASS'));
    proposal(AUDITOR, DEMO_NIP.internal, { positionSince: '2019-01-02' }).then((events) => expect(outcomeOf('R-03')(events)).toBe('FLAG'));
  });
});

describe('R-04 vacancy and competency fit', () => {
  it('refuses a needs analysis whose figures differ from the record, showing both, and accepts the recorded figures', () => {
    const error = given([])
      .when(world.open('invented', AUDITOR, undefined, undefined, { kebutuhan: 100_000, bezetting: 0 }))
      .thenRefused({ ruleId: 'R-04', code: 'RULE_R04_FIGURES_DIFFER' });
    expect(error.message).toContain('kebutuhan 100000 (tercatat: 8)');
    expect(error.message).toContain('bezetting 0 (tercatat: 7)');
    given([])
      .when(world.open('recorded', AUDITOR, undefined, undefined, { kebutuhan: 8, bezetting: 7 }))
      .then((events) => expect(outcomeOf('R-04')(events)).toBe('PASS'));
  });

  it('refuses when the record shows no vacancy', () => {
    const full = positionId(AGENCY.provNb, 'kadis-kesehatan');
    given([]).when(world.open('full', full)).thenRefused({ ruleId: 'R-04', code: 'RULE_R04_NO_VACANCY' });
  });

  it('refuses when every vacancy is held by cases under way, naming them; opens when a place is free', () => {
    const error = given([])
      .when(world.open('held', AUDITOR, undefined, undefined, {}, ['case-under-way']))
      .thenRefused({ ruleId: 'R-04', code: 'RULE_R04_PLACES_HELD' });
    expect(error.message).toContain('case-under-way');
    given([])
      .when(world.open('free', AUDITOR, undefined, undefined, {}, []))
      .then((events) => {
        expect(events[0]?.metadata.ruleOutcomes.find((o) => o.code === undefined && o.ruleId === 'R-04' && 'openGap' in o.inputs)?.inputs).toMatchObject({
          openGap: 1,
          placesHeld: 0,
        });
      });
  });

  it('opens a case for a position with a vacancy', () => {
    given([])
      .when(world.open('gap', AUDITOR))
      .then((events) => expect(outcomeOf('R-04')(events)).toBe('PASS'));
  });

  it('refuses a candidate whose competencies do not fit the target position, and accepts one who fits', () => {
    proposal(AUDITOR, DEMO_NIP.internal, { competencies: ['PELAYANAN_PUBLIK'] }).thenRefused({ ruleId: 'R-04', code: 'RULE_R04_COMPETENCY' });
    proposal(AUDITOR, DEMO_NIP.internal).then((events) =>
      expect(events[0]?.metadata.ruleOutcomes.filter((o) => o.ruleId === 'R-04').every((o) => o.outcome === 'PASS')).toBe(true),
    );
  });
});

describe('R-01 annual mutation plan', () => {
  it('refuses a needs analysis with neither a plan reference nor an exception reason', () => {
    given([])
      .when(world.open('np', AUDITOR, undefined, undefined, { planReference: null, exceptionReason: null }))
      .thenRefused({ ruleId: 'R-01' });
  });

  it('flags a needs analysis outside the plan that gives an exception reason, and passes one in the plan', () => {
    given([])
      .when(world.open('ex', AUDITOR, undefined, undefined, { planReference: null, exceptionReason: 'new regional hospital opened' }))
      .then((events) => expect(outcomeOf('R-01')(events)).toBe('FLAG'));
    given([])
      .when(world.open('in', AUDITOR))
      .then((events) => expect(outcomeOf('R-01')(events)).toBe('PASS'));
  });
});

describe('R-21 ten-year lock from TMT PNS', () => {
  it('refuses a self-requested move to another agency before ten years', () => {
    proposal(positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock, {}, { initiative: 'PERMINTAAN_SENDIRI' }).thenRefused({
      ruleId: 'R-21',
      code: 'RULE_R21_TEN_YEAR_LOCK',
    });
  });

  it('allows a dinas-initiated move to another agency within ten years, flagged', () => {
    proposal(positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock).then((events) => expect(outcomeOf('R-21')(events)).toBe('FLAG'));
  });

  it('allows a self-requested move after ten years', () => {
    proposal(PROV_SDM, DEMO_NIP.sameProvince, {}, { initiative: 'PERMINTAAN_SENDIRI' }).then((events) => expect(outcomeOf('R-21')(events)).toBe('PASS'));
  });
});

describe('R-22 discipline, R-23 study assignment, R-24 SKP', () => {
  it('R-22 refuses an employee under an active discipline sanction or in a court case', () => {
    proposal(AUDITOR, DEMO_NIP.internal, { discipline: { activeSanction: true, courtCase: false } }).thenRefused({ ruleId: 'R-22' });
    proposal(AUDITOR, DEMO_NIP.internal, { discipline: { activeSanction: false, courtCase: true } }).thenRefused({ ruleId: 'R-22' });
    proposal(AUDITOR, DEMO_NIP.internal).then((events) => expect(outcomeOf('R-22')(events)).toBe('PASS'));
  });

  it('R-23 refuses an employee on study assignment or under a service bond', () => {
    proposal(AUDITOR, DEMO_NIP.internal, { study: { onStudyAssignment: true, serviceBondUntil: null } }).thenRefused({ ruleId: 'R-23' });
    proposal(AUDITOR, DEMO_NIP.internal, { study: { onStudyAssignment: false, serviceBondUntil: '2027-01-31' } }).thenRefused({ ruleId: 'R-23' });
    proposal(AUDITOR, DEMO_NIP.internal, { study: { onStudyAssignment: false, serviceBondUntil: '2025-12-31' } }).then((events) => expect(outcomeOf('R-23')(events)).toBe('PASS'));
  });

  it('R-24 refuses SKP below BAIK or missing in the last two years', () => {
    proposal(AUDITOR, DEMO_NIP.internal, {
      skp: [
        { year: 2024, rating: 'BAIK' },
        { year: 2025, rating: 'BUTUH_PERBAIKAN' },
      ],
    }).thenRefused({ ruleId: 'R-24' });
    proposal(AUDITOR, DEMO_NIP.internal, { skp: [{ year: 2025, rating: 'SANGAT_BAIK' }] }).thenRefused({ ruleId: 'R-24', code: 'RULE_R24_SKP' });
    proposal(AUDITOR, DEMO_NIP.internal, {
      skp: [
        { year: 2024, rating: 'BAIK' },
        { year: 2025, rating: 'BAIK' },
      ],
    }).then((events) => expect(outcomeOf('R-24')(events)).toBe('PASS'));
  });
});

describe('R-44 JPT two-year lock', () => {
  it('refuses to replace a JPT within two years of inauguration without a legal ground', () => {
    proposal(PROV_SDM, SAMPLE_NIP.jptLock, { competencies: ['MANAJEMEN_SDM'] }).thenRefused({ ruleId: 'R-44', code: 'RULE_R44_JPT_LOCK' });
  });

  it('allows it on a recorded legal ground, flagged as an override', () => {
    proposal(
      PROV_SDM,
      SAMPLE_NIP.jptLock,
      { competencies: ['MANAJEMEN_SDM'] },
      {
        exceptionGrounds: [
          { ruleId: 'R-44', ground: 'UU 5/2014 Pasal 116(2): breach of the performance agreement' },
          { ruleId: 'R-03', ground: 'same ground as R-44' },
        ],
      },
    ).then((events) => expect(outcomeOf('R-44')(events)).toBe('FLAG'));
  });
});

describe('R-60 and R-61 PPPK', () => {
  const pppkTarget = positionId(AGENCY.provNb, 'pranata-komputer');

  it('R-60 refuses a PPPK on a standard route', () => {
    const journey = new CaseJourney(world, 'pppk-1', positionId(AGENCY.bandarLestari, 'auditor'), SAMPLE_NIP.pppk).needsApproved();
    given(journey.events).when(world.propose(journey.state, SAMPLE_NIP.pppk)).thenRefused({ ruleId: 'R-60', code: 'RULE_R60_PPPK' });
  });

  it('R-61 lets a PPPK move under organisational downsizing with the keputusan perampingan referenced', () => {
    const journey = new CaseJourney(world, 'pppk-2', pppkTarget, SAMPLE_NIP.pppk).needsApproved();
    given(journey.events)
      .when(world.propose(journey.state, SAMPLE_NIP.pppk, { downsizingDecreeReference: 'Perwali Bandar Lestari 12/2026' }))
      .then((events) => {
        expect(events[0]?.type).toBe('CandidateProposed.v1');
        expect((events[0]?.data as { route: string }).route).toBe('PPPK_PERAMPINGAN');
      });
  });
});

describe('R-07 initiative', () => {
  it('refuses an initiative other than DINAS or PERMINTAAN_SENDIRI as bad input', () => {
    proposal(AUDITOR, DEMO_NIP.internal, {}, { initiative: 'POLITIK' as never }).thenRefused({ kind: 'VALIDATION', code: 'INVALID_INITIATIVE' });
  });
});

describe('M-01 merit ranking', () => {
  const target = positionId(AGENCY.lembahHijau, 'analis-kebijakan');

  it('records the ranking of the eligible candidates in the proposal', () => {
    proposal(target, DEMO_NIP.interProvince).then((events) => {
      const ranking = (events[0]?.data as unknown as { meritRanking: { entries: { nip: string; rank: number }[]; scoreVersion: string } }).meritRanking;
      expect(ranking.scoreVersion).toBe('merit-score/v1');
      expect(ranking.entries.length).toBeGreaterThan(1);
      expect(outcomeOf('M-01')(events)).toBe('PASS');
    });
  });

  it('refuses a lower-ranked candidate without a written justification', () => {
    const weak = {
      skp: [
        { year: 2024, rating: 'BAIK' as const },
        { year: 2025, rating: 'BAIK' as const },
      ],
      educationField: 'SOSIOLOGI',
    };
    proposal(target, DEMO_NIP.interProvince, weak).thenRefused({ ruleId: 'M-01', code: 'RULE_M01_MERIT_JUSTIFICATION' });
  });

  it('allows a lower-ranked candidate with a written justification, flagged', () => {
    const weak = {
      skp: [
        { year: 2024, rating: 'BAIK' as const },
        { year: 2025, rating: 'BAIK' as const },
      ],
      educationField: 'SOSIOLOGI',
    };
    proposal(target, DEMO_NIP.interProvince, weak, { meritDeviationJustification: 'only candidate fluent in the regional language' }).then((events) =>
      expect(outcomeOf('M-01')(events)).toBe('FLAG'),
    );
  });
});

describe('M-03 repeated moves', () => {
  it('flags the same employee moved again within two years, and passes after', () => {
    proposal(AUDITOR, DEMO_NIP.internal, { lastTransferDate: '2025-03-01' }).then((events) => expect(outcomeOf('M-03')(events)).toBe('FLAG'));
    proposal(AUDITOR, DEMO_NIP.internal, { lastTransferDate: '2023-03-01' }).then((events) => expect(outcomeOf('M-03')(events)).toBe('PASS'));
  });
});
