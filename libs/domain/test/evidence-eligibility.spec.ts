import {
  assessedSkpYears,
  POLICY_2024_1,
  POLICY_2026_12,
  Position,
  r02Presidential,
  r05JptCompetencyTest,
  r22Discipline,
  r23Study,
  r24Skp,
  r60Pppk,
  r61Downsizing,
  r62PppkRecommendation,
} from '@mutasi/domain';
import { anEmployee, on } from './support/employee-snapshot';

// Each test pins the whole recorded outcome (verdict, reason, legal basis, inputs, code) at the rule's boundary.
const TODAY = on('2026-06-01');
const PERBAN5 = 'Peraturan BKN 5/2019 Pasal 3';

describe('R-22 discipline: the recorded evidence', () => {
  const inputs = (activeSanction: boolean, courtCase: boolean) => ({ activeSanction, courtCase });

  it('R-22 refuses an active sanction and a court case, each with its own reason', () => {
    expect(r22Discipline(anEmployee({ discipline: { activeSanction: true, courtCase: true } }))).toEqual({
      ruleId: 'R-22',
      outcome: 'BLOCK',
      reason: 'pegawai sedang menjalani hukuman disiplin',
      legalBasis: PERBAN5,
      inputs: inputs(true, true),
      code: 'RULE_R22_DISCIPLINE',
    });
    expect(r22Discipline(anEmployee({ discipline: { activeSanction: false, courtCase: true } }))).toEqual({
      ruleId: 'R-22',
      outcome: 'BLOCK',
      reason: 'pegawai sedang menjalani proses hukum di pengadilan',
      legalBasis: PERBAN5,
      inputs: inputs(false, true),
      code: 'RULE_R22_DISCIPLINE',
    });
  });

  it('R-22 passes a clean record', () => {
    expect(r22Discipline(anEmployee())).toEqual({
      ruleId: 'R-22',
      outcome: 'PASS',
      reason: 'tidak sedang menjalani hukuman disiplin atau proses hukum di pengadilan',
      legalBasis: PERBAN5,
      inputs: inputs(false, false),
    });
  });
});

describe('R-23 study assignment and service bond: the recorded evidence', () => {
  const r23 = (onStudyAssignment: boolean, serviceBondUntil: string | null) => r23Study(anEmployee({ study: { onStudyAssignment, serviceBondUntil } }), TODAY);

  it('R-23 refuses an employee on study assignment', () => {
    expect(r23(true, null)).toEqual({
      ruleId: 'R-23',
      outcome: 'BLOCK',
      reason: 'pegawai sedang menjalani tugas belajar',
      legalBasis: PERBAN5,
      inputs: { onStudyAssignment: true, serviceBondUntil: null },
      code: 'RULE_R23_STUDY',
    });
  });

  it('R-23 refuses on the last day of a service bond', () => {
    expect(r23(false, '2026-06-01')).toEqual({
      ruleId: 'R-23',
      outcome: 'BLOCK',
      reason: 'pegawai terikat ikatan dinas sampai 2026-06-01',
      legalBasis: PERBAN5,
      inputs: { onStudyAssignment: false, serviceBondUntil: '2026-06-01' },
      code: 'RULE_R23_STUDY',
    });
  });

  it('R-23 passes the day after the bond ended, and with no bond', () => {
    expect(r23(false, '2026-05-31')).toEqual({
      ruleId: 'R-23',
      outcome: 'PASS',
      reason: 'tidak sedang tugas belajar atau terikat ikatan dinas',
      legalBasis: PERBAN5,
      inputs: { onStudyAssignment: false, serviceBondUntil: '2026-05-31' },
    });
    expect(r23(false, null)).toMatchObject({ outcome: 'PASS', inputs: { serviceBondUntil: null } });
  });

  it('R-23 reads the civil date in WIB: from 17:00 UTC on 31 May it is 1 June', () => {
    expect(r23Study(anEmployee({ study: { onStudyAssignment: false, serviceBondUntil: '2026-05-31' } }), '2026-05-31T16:59:59.999Z').outcome).toBe('BLOCK');
    expect(r23Study(anEmployee({ study: { onStudyAssignment: false, serviceBondUntil: '2026-05-31' } }), '2026-05-31T17:00:00.000Z').outcome).toBe('PASS');
  });
});

describe('R-24 SKP in the years whose rating is due: the recorded evidence', () => {
  const ratings = (...pairs: [number, 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG'][]) => pairs.map(([year, rating]) => ({ year, rating }));

  it('R-24 reads the previous year from the day its rating is due (1 April), not before', () => {
    expect(assessedSkpYears(on('2026-03-31'), POLICY_2024_1)).toEqual([2024, 2023]);
    expect(assessedSkpYears(on('2026-04-01'), POLICY_2024_1)).toEqual([2025, 2024]);
    expect(assessedSkpYears(on('2026-12-31'), POLICY_2024_1)).toEqual([2025, 2024]);
    expect(assessedSkpYears(on('2027-01-01'), { ...POLICY_2024_1, skpYearsRequired: { value: 3, legalBasis: 'three' } })).toEqual([2025, 2024, 2023]);
  });

  it('R-24 passes when the right years are BAIK, recording years, ratings, minimum and policy', () => {
    const employee = anEmployee({ skp: ratings([2023, 'KURANG'], [2024, 'BAIK'], [2025, 'SANGAT_BAIK']) });
    expect(r24Skp(employee, TODAY, POLICY_2024_1)).toEqual({
      ruleId: 'R-24',
      outcome: 'PASS',
      reason: 'SKP paling rendah BAIK pada 2025 dan 2024',
      legalBasis: PERBAN5,
      inputs: {
        years: [2025, 2024],
        ratings: [
          { year: 2025, rating: 'SANGAT_BAIK' },
          { year: 2024, rating: 'BAIK' },
        ],
        minimum: 'BAIK',
        policyVersion: 'mutasi-policy/2024.1',
      },
    });
  });

  it('R-24 refuses when the wrong year would have passed: before 1 April the low 2023 rating counts', () => {
    const employee = anEmployee({ skp: ratings([2023, 'KURANG'], [2024, 'BAIK'], [2025, 'SANGAT_BAIK']) });
    expect(r24Skp(employee, on('2026-03-31'), POLICY_2024_1)).toEqual({
      ruleId: 'R-24',
      outcome: 'BLOCK',
      reason: 'SKP 2023 bernilai KURANG, di bawah BAIK',
      legalBasis: PERBAN5,
      inputs: {
        years: [2024, 2023],
        ratings: [
          { year: 2024, rating: 'BAIK' },
          { year: 2023, rating: 'KURANG' },
        ],
        minimum: 'BAIK',
        policyVersion: 'mutasi-policy/2024.1',
      },
      code: 'RULE_R24_SKP',
    });
  });

  it('R-24 refuses a missing year, naming it, before checking any rating', () => {
    const employee = anEmployee({ skp: ratings([2024, 'SANGAT_KURANG']) });
    expect(r24Skp(employee, TODAY, POLICY_2024_1)).toEqual({
      ruleId: 'R-24',
      outcome: 'BLOCK',
      reason: 'tidak ada nilai SKP tercatat untuk tahun 2025',
      legalBasis: PERBAN5,
      inputs: {
        years: [2025, 2024],
        ratings: [
          { year: 2025, rating: null },
          { year: 2024, rating: 'SANGAT_KURANG' },
        ],
        minimum: 'BAIK',
        policyVersion: 'mutasi-policy/2024.1',
      },
      code: 'RULE_R24_SKP',
    });
  });

  it('R-24 refuses a rating one step below the minimum and accepts the minimum itself', () => {
    expect(r24Skp(anEmployee({ skp: ratings([2024, 'BAIK'], [2025, 'BUTUH_PERBAIKAN']) }), TODAY, POLICY_2024_1).reason).toBe('SKP 2025 bernilai BUTUH_PERBAIKAN, di bawah BAIK');
    expect(r24Skp(anEmployee({ skp: ratings([2024, 'BAIK'], [2025, 'BAIK']) }), TODAY, POLICY_2024_1).outcome).toBe('PASS');
  });
});

describe('R-60, R-61, R-62 PPPK: the recorded evidence', () => {
  const pppk = anEmployee({ kind: 'PPPK', tmtPns: null, golongan: 'IX' });
  const PP49 = 'PP 49/2018';
  const internalBasis = POLICY_2026_12.pppkInternalMove.legalBasis;

  it('R-60 refuses a PPPK on another route, saying which routes the policy leaves open', () => {
    expect(r60Pppk(pppk, 'KABKOTA_SAME_PROVINCE', POLICY_2024_1)).toEqual({
      ruleId: 'R-60',
      outcome: 'BLOCK',
      reason: 'tidak ada skema mutasi PPPK ke instansi lain: PPPK hanya dapat pindah dalam rangka perampingan organisasi (R-61)',
      legalBasis: PP49,
      inputs: { kind: 'PPPK', route: 'KABKOTA_SAME_PROVINCE', internalAllowed: false },
      code: 'RULE_R60_PPPK',
    });
    expect(r60Pppk(pppk, 'INTERNAL', POLICY_2024_1).outcome).toBe('BLOCK');
    expect(r60Pppk(pppk, 'KABKOTA_SAME_PROVINCE', POLICY_2026_12)).toMatchObject({
      outcome: 'BLOCK',
      reason: 'tidak ada skema mutasi PPPK ke instansi lain: PPPK hanya dapat pindah di dalam instansinya sendiri (R-62) atau dalam rangka perampingan organisasi (R-61)',
      inputs: { internalAllowed: true },
    });
  });

  it('R-60 passes a PNS, a downsizing move, and under 2026-12 a move inside one agency', () => {
    expect(r60Pppk(anEmployee(), 'KABKOTA_SAME_PROVINCE', POLICY_2024_1)).toEqual({
      ruleId: 'R-60',
      outcome: 'PASS',
      reason: 'pegawai berstatus PNS',
      legalBasis: PP49,
      inputs: { kind: 'PNS', route: 'KABKOTA_SAME_PROVINCE', internalAllowed: false },
    });
    expect(r60Pppk(pppk, 'PPPK_PERAMPINGAN', POLICY_2024_1)).toEqual({
      ruleId: 'R-60',
      outcome: 'PASS',
      reason: 'PPPK dipindahkan dalam rangka perampingan organisasi (R-61)',
      legalBasis: PP49,
      inputs: { kind: 'PPPK', route: 'PPPK_PERAMPINGAN', internalAllowed: false },
    });
    expect(r60Pppk(pppk, 'INTERNAL', POLICY_2026_12)).toEqual({
      ruleId: 'R-60',
      outcome: 'PASS',
      reason: 'perpindahan PPPK di dalam satu instansi (berlaku R-62)',
      legalBasis: internalBasis,
      inputs: { kind: 'PPPK', route: 'INTERNAL', internalAllowed: true },
    });
  });

  it('R-62 asks for the MenPAN-RB recommendation only for a PPPK inside one agency under 2026-12', () => {
    expect(r62PppkRecommendation(pppk, 'INTERNAL', POLICY_2026_12)).toEqual({
      ruleId: 'R-62',
      outcome: 'PASS',
      reason: 'PPPK pindah di dalam instansi: rekomendasi MenPAN-RB wajib dilampirkan dan diverifikasi sebelum persetujuan',
      legalBasis: internalBasis,
      inputs: { kind: 'PPPK', route: 'INTERNAL', requiredDocument: 'MENPANRB_RECOMMENDATION' },
    });
    const notApplied = { ruleId: 'R-62', outcome: 'PASS', reason: 'bukan perpindahan PPPK di dalam satu instansi', legalBasis: internalBasis };
    expect(r62PppkRecommendation(anEmployee(), 'INTERNAL', POLICY_2026_12)).toEqual({ ...notApplied, inputs: { kind: 'PNS', route: 'INTERNAL' } });
    expect(r62PppkRecommendation(pppk, 'PPPK_PERAMPINGAN', POLICY_2026_12)).toEqual({ ...notApplied, inputs: { kind: 'PPPK', route: 'PPPK_PERAMPINGAN' } });
    expect(r62PppkRecommendation(pppk, 'INTERNAL', POLICY_2024_1)).toEqual({
      ...notApplied,
      legalBasis: 'PP 49/2018: tidak ada skema mutasi bagi PPPK',
      inputs: { kind: 'PPPK', route: 'INTERNAL' },
    });
  });

  it('R-61 refuses a downsizing move without a decree reference (blank counts as none) and passes one with it', () => {
    const basis = 'PermenPAN-RB 6/2024 Pasal 59 ayat (5)';
    const refused = {
      ruleId: 'R-61',
      outcome: 'BLOCK',
      reason: 'perpindahan PPPK karena perampingan organisasi memerlukan nomor keputusan perampingan',
      legalBasis: basis,
      code: 'RULE_R61_DOWNSIZING',
    };
    expect(r61Downsizing('PPPK_PERAMPINGAN', null)).toEqual({ ...refused, inputs: { route: 'PPPK_PERAMPINGAN', downsizingDecreeReference: null } });
    expect(r61Downsizing('PPPK_PERAMPINGAN', '  ')).toEqual({ ...refused, inputs: { route: 'PPPK_PERAMPINGAN', downsizingDecreeReference: '  ' } });
    expect(r61Downsizing('PPPK_PERAMPINGAN', 'Perwali 12/2026')).toEqual({
      ruleId: 'R-61',
      outcome: 'PASS',
      reason: 'keputusan perampingan Perwali 12/2026',
      legalBasis: basis,
      inputs: { route: 'PPPK_PERAMPINGAN', downsizingDecreeReference: 'Perwali 12/2026' },
    });
    expect(r61Downsizing('INTERNAL', null)).toEqual({
      ruleId: 'R-61',
      outcome: 'PASS',
      reason: 'bukan perpindahan karena perampingan organisasi',
      legalBasis: basis,
      inputs: { route: 'INTERNAL', downsizingDecreeReference: null },
    });
  });
});

describe('R-02 the President’s positions and R-05 the JPT competency test: the recorded evidence', () => {
  const position = (id: string, positionClass: Position['positionClass'], functionalLevel: string | null = null): Position =>
    ({ id, title: `Title of ${id}`, positionClass, functionalLevel }) as Position;
  const madya = position('sekda', 'JPT_MADYA');
  const utamaJf = position('peneliti', 'FUNGSIONAL', 'AHLI_UTAMA');
  const pratama = position('kadis', 'JPT_PRATAMA');
  const auditor = position('auditor', 'FUNGSIONAL', 'AHLI_MUDA');
  const r02Basis = POLICY_2026_12.presidentialPositions.legalBasis;

  it('R-02 refuses under 2026-12 when either position is the President’s, naming each', () => {
    expect(r02Presidential(utamaJf, madya, POLICY_2026_12)).toEqual({
      ruleId: 'R-02',
      outcome: 'BLOCK',
      reason:
        'Title of peneliti (FUNGSIONAL, AHLI_UTAMA) dan Title of sekda (JPT_MADYA): mutasinya diputuskan oleh Presiden, bukan oleh PPK instansi; Mutasi tidak menjalankan prosedur tersebut',
      legalBasis: r02Basis,
      inputs: {
        mode: 'REFUSE',
        positions: [
          { id: 'peneliti', positionClass: 'FUNGSIONAL', functionalLevel: 'AHLI_UTAMA' },
          { id: 'sekda', positionClass: 'JPT_MADYA', functionalLevel: null },
        ],
      },
      code: 'RULE_R02_PRESIDENTIAL',
    });
  });

  it('R-02 passes ordinary positions, and every position under 2024.1 where it is not applied', () => {
    const pass = { ruleId: 'R-02', outcome: 'PASS', reason: 'tidak ada jabatan yang mutasinya diputuskan oleh Presiden' };
    expect(r02Presidential(auditor, pratama, POLICY_2026_12)).toEqual({ ...pass, legalBasis: r02Basis, inputs: { mode: 'REFUSE', positions: [] } });
    expect(r02Presidential(madya, madya, POLICY_2024_1)).toEqual({ ...pass, legalBasis: 'tidak diterapkan dalam versi ini', inputs: { mode: 'NOT_APPLIED', positions: [] } });
  });

  it('R-05 asks for the competency test on a move from one JPT to another under 2026-12 only', () => {
    const basis = POLICY_2026_12.jptCompetencyTest.legalBasis;
    expect(r05JptCompetencyTest(pratama, madya, POLICY_2026_12)).toEqual({
      ruleId: 'R-05',
      outcome: 'PASS',
      reason: 'perpindahan dari satu JPT ke JPT lain: hasil uji kompetensi wajib dilampirkan dan diverifikasi sebelum persetujuan',
      legalBasis: basis,
      inputs: { originClass: 'JPT_PRATAMA', targetClass: 'JPT_MADYA', requiredDocument: 'COMPETENCY_TEST_RESULT' },
    });
    const notApplied = { ruleId: 'R-05', outcome: 'PASS', reason: 'bukan perpindahan dari satu JPT ke JPT lain' };
    expect(r05JptCompetencyTest(auditor, madya, POLICY_2026_12)).toEqual({ ...notApplied, legalBasis: basis, inputs: { originClass: 'FUNGSIONAL', targetClass: 'JPT_MADYA' } });
    expect(r05JptCompetencyTest(pratama, auditor, POLICY_2026_12)).toEqual({ ...notApplied, legalBasis: basis, inputs: { originClass: 'JPT_PRATAMA', targetClass: 'FUNGSIONAL' } });
    expect(r05JptCompetencyTest(pratama, madya, POLICY_2024_1)).toEqual({
      ...notApplied,
      legalBasis: 'tidak diterapkan dalam versi ini',
      inputs: { originClass: 'JPT_PRATAMA', targetClass: 'JPT_MADYA' },
    });
  });
});
