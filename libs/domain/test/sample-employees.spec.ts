import { AGENCY, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { addYears, completedMonths } from '@mutasi/domain';
import { CaseJourney, given, TEST_NOW, World } from '@mutasi/testing';

/**
 * docs/domain.md §8: the five sample employees behave as the spec describes, at the test clock and at a clock years ahead
 * (the demo data is built relative to the day: no date in it is typed in).
 */
describe.each([
  ['the test clock', TEST_NOW],
  ['five years later', addYears(TEST_NOW, 5).concat('T02:00:00.000Z')],
])('sample employees of docs/domain.md §8, at %s', (_label, now) => {
  const world = new World(now);
  const proposeFor = (nip: string, target: string, input = {}) => {
    const j = new CaseJourney(world, `sample-${nip}-${target}`, target, nip).needsApproved();
    return given(j.events).when(world.propose(j.state, nip, input));
  };

  it('198804122015031004 (III/c, TMT PNS over ten years ago, in post almost six years) can be moved; over five years in post is flagged', () => {
    const justification = 'regional-language skills needed in Lembah Hijau';
    proposeFor(SAMPLE_NIP.clean, positionId(AGENCY.lembahHijau, 'analis-kebijakan'), { meritDeviationJustification: justification }).then((events) => {
      const outcomes = events[0]?.metadata.ruleOutcomes ?? [];
      expect(outcomes.find((o) => o.ruleId === 'R-21')?.outcome).toBe('PASS');
      expect(outcomes.find((o) => o.ruleId === 'R-03')?.outcome).toBe('FLAG');
      const ranking = (events[0]?.data as { meritRanking?: { entries: { nip: string; rank: number }[] } }).meritRanking;
      const rank = ranking?.entries.find((e) => e.nip === SAMPLE_NIP.clean)?.rank;
      expect(outcomes.find((o) => o.ruleId === 'M-01')?.outcome).toBe(rank === 1 ? 'PASS' : 'FLAG');
    });
  });

  it('199201052019022001 (TMT PNS under seven years ago): a self-requested move to another agency is blocked by R-21', () => {
    proposeFor(SAMPLE_NIP.tenYearLock, positionId(AGENCY.bandarLestari, 'analis-sdm'), { initiative: 'PERMINTAAN_SENDIRI' }).thenRefused({ ruleId: 'R-21' });
  });

  it('197511302000121002 (JPT Pratama inaugurated a year ago) is protected by R-44', () => {
    proposeFor(SAMPLE_NIP.jptLock, positionId(AGENCY.provNb, 'analis-sdm')).thenRefused({ ruleId: 'R-44' });
  });

  it('199512202020081001 (a year in post) is stopped by R-03', () => {
    proposeFor(SAMPLE_NIP.shortTenure, positionId(AGENCY.provSt, 'analis-sdm')).thenRefused({ ruleId: 'R-03' });
  });

  it('198506302021212002 (PPPK) is stopped by R-60', () => {
    proposeFor(SAMPLE_NIP.pppk, positionId(AGENCY.provNb, 'pranata-komputer')).thenRefused({ ruleId: 'R-60' });
  });

  it('the sample agencies: Sukamaju has a PENJABAT PPK, Bandar Lestari’s head took office 22 months ago, Lembah Hijau is in province ST', () => {
    expect(world.agency(AGENCY.sukamaju).ppkStatus).toBe('PENJABAT');
    expect(completedMonths(world.agency(AGENCY.bandarLestari).headInaugurationDate as string, now)).toBe(21);
    expect(world.agency(AGENCY.lembahHijau).provinceCode).toBe('ST');
    expect(world.agency(AGENCY.kementerian).kind).toBe('PUSAT');
  });
});
