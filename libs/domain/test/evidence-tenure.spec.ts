import { m03RepeatMove, POLICY_2024_1, POLICY_2026_12, r03TenureInPost, r21TenYearLock, r44JptLock } from '@mutasi/domain';
import { anEmployee, on } from './support/employee-snapshot';

// The outcome a rule records is what an inspector reads later: each test pins the whole of it (verdict, reason,
// legal basis, recorded inputs, code), at the boundary the rule draws and one day either side.
const TODAY = on('2026-06-01');
const PP11 = 'PP 11/2017 jo. PP 17/2020 Pasal 190(3)';

describe('R-03 minimum and maximum tenure in post: the recorded evidence', () => {
  const r03 = (positionSince: string, grounds: { ruleId: string; ground: string }[] = []) => r03TenureInPost(anEmployee({ positionSince }), TODAY, POLICY_2024_1, grounds);
  const inputs = (positionSince: string, monthsInPost: number) => ({ positionSince, monthsInPost, minYears: 2, maxYears: 5, policyVersion: 'mutasi-policy/2024.1' });

  it('R-03 refuses one day short of 24 months, with the months, the minimum and the article', () => {
    expect(r03('2024-06-02')).toEqual({
      ruleId: 'R-03',
      outcome: 'BLOCK',
      reason: '23 bulan pada jabatan sekarang, kurang dari batas minimal 2 tahun, dan tidak ada alasan yang dicatat',
      legalBasis: PP11,
      inputs: inputs('2024-06-02', 23),
      code: 'RULE_R03_MINIMUM_TENURE',
    });
  });

  it('R-03 passes at exactly 24 months and one day after', () => {
    expect(r03('2024-06-01')).toEqual({
      ruleId: 'R-03',
      outcome: 'PASS',
      reason: '24 bulan pada jabatan sekarang, dalam rentang 2–5 tahun',
      legalBasis: PP11,
      inputs: inputs('2024-06-01', 24),
    });
    expect(r03('2024-05-31')).toEqual({
      ruleId: 'R-03',
      outcome: 'PASS',
      reason: '24 bulan pada jabatan sekarang, dalam rentang 2–5 tahun',
      legalBasis: PP11,
      inputs: inputs('2024-05-31', 24),
    });
  });

  it('R-03 under the minimum on a recorded ground is flagged, the ground recorded in the reason and the inputs', () => {
    const ground = 'organisational restructuring (Perda 4/2026)';
    expect(
      r03('2025-01-06', [
        { ruleId: 'R-44', ground: 'not this rule' },
        { ruleId: 'R-03', ground },
      ]),
    ).toEqual({
      ruleId: 'R-03',
      outcome: 'FLAG',
      reason: `dimutasi setelah 16 bulan, kurang dari batas minimal 2 tahun, atas dasar alasan yang dicatat: ${ground}`,
      legalBasis: PP11,
      inputs: { ...inputs('2025-01-06', 16), ground },
    });
  });

  it('R-03 a blank ground or a ground for another rule is no ground: refused', () => {
    expect(r03('2025-01-06', [{ ruleId: 'R-03', ground: '   ' }]).outcome).toBe('BLOCK');
    expect(r03('2025-01-06', [{ ruleId: 'R-44', ground: 'a JPT ground' }]).outcome).toBe('BLOCK');
  });

  it('R-03 passes at exactly five years to the day, flags from the day after', () => {
    expect(r03('2021-06-01')).toEqual({
      ruleId: 'R-03',
      outcome: 'PASS',
      reason: '60 bulan pada jabatan sekarang, dalam rentang 2–5 tahun',
      legalBasis: PP11,
      inputs: inputs('2021-06-01', 60),
    });
    expect(r03('2021-06-02').inputs['monthsInPost']).toBe(59);
    // Five years and a day: over the maximum, although only 60 months are complete.
    expect(r03('2021-05-31')).toEqual({
      ruleId: 'R-03',
      outcome: 'FLAG',
      reason: '60 bulan pada jabatan sekarang, melebihi batas maksimal 5 tahun',
      legalBasis: PP11,
      inputs: inputs('2021-05-31', 60),
    });
    expect(r03('2021-05-01')).toEqual({
      ruleId: 'R-03',
      outcome: 'FLAG',
      reason: '61 bulan pada jabatan sekarang, melebihi batas maksimal 5 tahun',
      legalBasis: PP11,
      inputs: inputs('2021-05-01', 61),
    });
  });

  it('R-03 records the policy version it ran under', () => {
    const outcome = r03TenureInPost(anEmployee({ positionSince: '2024-06-01' }), on('2026-12-07'), POLICY_2026_12, []);
    expect(outcome.inputs['policyVersion']).toBe('mutasi-policy/2026.12');
    expect(outcome.legalBasis).toBe(`${PP11} (berlaku, diperiksa 2026-12-01)`);
  });
});

describe('R-21 ten-year lock from TMT PNS: the recorded evidence', () => {
  const r21 = (tmtPns: string | null, initiative: 'DINAS' | 'PERMINTAAN_SENDIRI', crossAgency = true, policy = POLICY_2024_1) =>
    r21TenYearLock(anEmployee({ tmtPns }), crossAgency, initiative, TODAY, policy);
  const basis = 'PermenPAN-RB 6/2024 Pasal 59';
  const inputs = (tmtPns: string | null, initiative: string, crossAgency = true) => ({ tmtPns, initiative, crossAgency, lockYears: 10, policyVersion: 'mutasi-policy/2024.1' });

  it('R-21 refuses a self-requested move on the day before the lock ends, naming the end and TMT PNS', () => {
    expect(r21('2016-06-02', 'PERMINTAAN_SENDIRI')).toEqual({
      ruleId: 'R-21',
      outcome: 'BLOCK',
      reason: 'pindah ke instansi lain atas permintaan sendiri tidak diperbolehkan sebelum 2026-06-02, 10 tahun setelah TMT PNS 2016-06-02',
      legalBasis: basis,
      inputs: { ...inputs('2016-06-02', 'PERMINTAAN_SENDIRI'), lockEnds: '2026-06-02' },
      code: 'RULE_R21_TEN_YEAR_LOCK',
    });
  });

  it('R-21 allows it on the day the lock ends', () => {
    expect(r21('2016-06-01', 'PERMINTAAN_SENDIRI')).toEqual({
      ruleId: 'R-21',
      outcome: 'PASS',
      reason: 'larangan pindah 10 tahun sejak TMT PNS berakhir pada 2026-06-01',
      legalBasis: basis,
      inputs: { ...inputs('2016-06-01', 'PERMINTAAN_SENDIRI'), lockEnds: '2026-06-01' },
    });
  });

  it('R-21 under the policy of 2026-12 the refusal says that insisting counts as resigning', () => {
    const outcome = r21TenYearLock(anEmployee({ tmtPns: '2016-12-08' }), true, 'PERMINTAAN_SENDIRI', on('2026-12-07'), POLICY_2026_12);
    expect(outcome.reason).toBe(
      'pindah ke instansi lain atas permintaan sendiri tidak diperbolehkan sebelum 2026-12-08, 10 tahun setelah TMT PNS 2016-12-08; Pasal 59 ayat (4): pegawai yang tetap mengajukan pindah dianggap mengundurkan diri',
    );
    expect(outcome.legalBasis).toBe('PermenPAN-RB 6/2024 Pasal 59 ayat (2), dihitung sejak TMT PNS (berlaku, diperiksa 2026-12-01)');
    expect(r21TenYearLock(anEmployee({ tmtPns: '2016-12-07' }), true, 'PERMINTAAN_SENDIRI', on('2026-12-07'), POLICY_2026_12).outcome).toBe('PASS');
  });

  it('R-21 a dinas-initiated move within the lock is allowed and flagged with the end of the lock', () => {
    expect(r21('2016-06-02', 'DINAS')).toEqual({
      ruleId: 'R-21',
      outcome: 'FLAG',
      reason: 'pindah ke instansi lain karena kepentingan dinas dalam 10 tahun sejak TMT PNS (larangan berakhir 2026-06-02)',
      legalBasis: basis,
      inputs: { ...inputs('2016-06-02', 'DINAS'), lockEnds: '2026-06-02' },
    });
  });

  it('R-21 does not apply inside one agency or to a PPPK, and says why', () => {
    expect(r21('2020-01-01', 'PERMINTAAN_SENDIRI', false)).toEqual({
      ruleId: 'R-21',
      outcome: 'PASS',
      reason: 'bukan perpindahan ke instansi lain',
      legalBasis: basis,
      inputs: inputs('2020-01-01', 'PERMINTAAN_SENDIRI', false),
    });
    expect(r21(null, 'PERMINTAAN_SENDIRI')).toEqual({
      ruleId: 'R-21',
      outcome: 'PASS',
      reason: 'tidak ada TMT PNS (PPPK): berlaku R-60/R-61',
      legalBasis: basis,
      inputs: inputs(null, 'PERMINTAAN_SENDIRI'),
    });
  });

  it('R-21 a TMT PNS on 29 February locks until 28 February ten years on', () => {
    const before = r21TenYearLock(anEmployee({ tmtPns: '2016-02-29' }), true, 'PERMINTAAN_SENDIRI', on('2026-02-27'), POLICY_2024_1);
    expect(before).toMatchObject({ outcome: 'BLOCK', inputs: { lockEnds: '2026-02-28' } });
    expect(r21TenYearLock(anEmployee({ tmtPns: '2016-02-29' }), true, 'PERMINTAAN_SENDIRI', on('2026-02-28'), POLICY_2024_1).outcome).toBe('PASS');
  });
});

describe('R-44 JPT lock: the recorded evidence', () => {
  const basis = 'UU 5/2014 Pasal 116 ayat (1)';
  const jpt = (jptInaugurationDate: string | null) => anEmployee({ jptInaugurationDate });
  const inputs = (jptInaugurationDate: string | null) => ({ jptInaugurationDate, lockYears: 2, enabled: true, policyVersion: 'mutasi-policy/2024.1' });

  it('R-44 refuses the day before the lock ends without a ground, and passes on the day it ends', () => {
    expect(r44JptLock(jpt('2024-06-02'), TODAY, POLICY_2024_1, [])).toEqual({
      ruleId: 'R-44',
      outcome: 'BLOCK',
      reason: 'pejabat JPT yang dilantik pada 2024-06-02 tidak boleh diganti sebelum 2026-06-02 kecuali atas dasar hukum yang dicatat',
      legalBasis: basis,
      inputs: { ...inputs('2024-06-02'), lockEnds: '2026-06-02' },
      code: 'RULE_R44_JPT_LOCK',
    });
    expect(r44JptLock(jpt('2024-06-01'), TODAY, POLICY_2024_1, [])).toEqual({
      ruleId: 'R-44',
      outcome: 'PASS',
      reason: 'larangan penggantian JPT berakhir pada 2026-06-01',
      legalBasis: basis,
      inputs: { ...inputs('2024-06-01'), lockEnds: '2026-06-01' },
    });
  });

  it('R-44 within the lock on a recorded ground is flagged with the ground', () => {
    const ground = 'UU 5/2014 Pasal 116(2): breach of the performance agreement';
    expect(
      r44JptLock(jpt('2025-06-01'), TODAY, POLICY_2024_1, [
        { ruleId: 'R-03', ground: 'other' },
        { ruleId: 'R-44', ground },
      ]),
    ).toEqual({
      ruleId: 'R-44',
      outcome: 'FLAG',
      reason: `pejabat JPT diganti sebelum 2027-06-01 atas dasar alasan yang dicatat: ${ground}`,
      legalBasis: basis,
      inputs: { ...inputs('2025-06-01'), lockEnds: '2027-06-01', ground },
    });
  });

  it('R-44 passes a non-JPT, and passes when the policy switches the lock off, saying so', () => {
    expect(r44JptLock(jpt(null), TODAY, POLICY_2024_1, [])).toEqual({
      ruleId: 'R-44',
      outcome: 'PASS',
      reason: 'pegawai tidak menduduki JPT',
      legalBasis: basis,
      inputs: inputs(null),
    });
    const off = { ...POLICY_2024_1, jptLockEnabled: { value: false, legalBasis: 'switched off by the agency' } };
    expect(r44JptLock(jpt('2025-06-01'), TODAY, off, [])).toEqual({
      ruleId: 'R-44',
      outcome: 'PASS',
      reason: 'larangan penggantian JPT dinonaktifkan dalam versi kebijakan ini (ketentuan ini kebijakan instansi, bukan undang-undang)',
      legalBasis: 'switched off by the agency',
      inputs: { ...inputs('2025-06-01'), enabled: false },
    });
  });
});

describe('M-03 repeated moves: the recorded evidence', () => {
  const basis = 'pola antiintervensi (M-03)';
  const m03 = (lastTransferDate: string | null) => m03RepeatMove(anEmployee({ lastTransferDate }), TODAY, POLICY_2024_1);

  it('M-03 flags a move the day before two years have passed, and passes on the anniversary', () => {
    expect(m03('2024-06-02')).toEqual({
      ruleId: 'M-03',
      outcome: 'FLAG',
      reason: 'dimutasi lagi dalam 2 tahun sejak mutasi sebelumnya pada 2024-06-02',
      legalBasis: basis,
      inputs: { lastTransferDate: '2024-06-02', windowYears: 2 },
    });
    expect(m03('2024-06-01')).toEqual({
      ruleId: 'M-03',
      outcome: 'PASS',
      reason: 'mutasi sebelumnya pada 2024-06-01, lebih dari 2 tahun yang lalu',
      legalBasis: basis,
      inputs: { lastTransferDate: '2024-06-01', windowYears: 2 },
    });
  });

  it('M-03 passes an employee never transferred before', () => {
    expect(m03(null)).toEqual({
      ruleId: 'M-03',
      outcome: 'PASS',
      reason: 'tidak ada catatan mutasi sebelumnya',
      legalBasis: basis,
      inputs: { lastTransferDate: null, windowYears: 2 },
    });
  });
});
