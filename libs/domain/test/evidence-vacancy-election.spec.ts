import {
  Agency,
  heldList,
  MoveSide,
  MutationPlan,
  POLICY_2024_1,
  POLICY_2026_12,
  Position,
  r01AnnualPlan,
  r04CompetencyFit,
  r04NeedsFigures,
  r04Vacancy,
  r40ElectionFreeze,
  r43PostInauguration,
  r45Penjabat,
  r46PenjabatPertek,
} from '@mutasi/domain';
import { anEmployee, on } from './support/employee-snapshot';

// Each test pins the whole recorded outcome (verdict, reason, legal basis, inputs, code) at the rule's boundary.
const TODAY = on('2026-06-01');

const position = (patch: Partial<Position> = {}): Position => ({
  id: 'kota-bl/auditor',
  agencyId: 'kota-bl',
  unit: 'Inspektorat',
  title: 'Auditor Ahli Muda',
  positionClass: 'FUNGSIONAL',
  functionalLevel: 'AHLI_MUDA',
  requiredCompetencies: ['AUDIT', 'AKUNTANSI'],
  requiredEducationFields: [],
  kebutuhan: 8,
  bezetting: 7,
  pilkadaScope: false,
  ...patch,
});
const agency = (patch: Partial<Agency> = {}): Agency => ({
  id: 'kota-bl',
  name: 'Kota Bandar Lestari',
  kind: 'KABKOTA',
  provinceCode: 'NB',
  kanregAgencyId: 'kanreg-nb',
  ppkStatus: 'DEFINITIF',
  headInaugurationDate: null,
  electionCalendar: null,
  ...patch,
});
const analysis = (patch: Partial<Parameters<typeof r01AnnualPlan>[0]> = {}) => ({
  kebutuhan: 8,
  bezetting: 7,
  workloadHours: null,
  planReference: null,
  exceptionReason: null,
  justification: 'vacancy',
  ...patch,
});

describe('R-04 vacancy: the recorded evidence', () => {
  const basis = 'PP 11/2017 Pasal 190(4)';
  const inputs = (kebutuhan: number, bezetting: number, placesHeld: number) => ({
    positionId: 'kota-bl/auditor',
    kebutuhan,
    bezetting,
    placesHeld,
    openGap: kebutuhan - bezetting - placesHeld,
  });

  it('R-04 refuses a position with no gap on record, showing the subtraction', () => {
    expect(r04Vacancy(position({ bezetting: 8 }), { count: 0, caseIds: [] })).toEqual({
      ruleId: 'R-04',
      outcome: 'BLOCK',
      reason: 'jabatan kota-bl/auditor tidak memiliki lowongan tercatat (kebutuhan 8 − bezetting 8 = 0)',
      legalBasis: basis,
      inputs: inputs(8, 8, 0),
      code: 'RULE_R04_NO_VACANCY',
    });
  });

  it('R-04 refuses when the last place is held by a case under way, naming the holders', () => {
    expect(r04Vacancy(position(), { count: 1, caseIds: ['case-1'] })).toEqual({
      ruleId: 'R-04',
      outcome: 'BLOCK',
      reason: 'seluruh 1 lowongan kota-bl/auditor sudah ditempati kasus yang sedang berjalan: case-1',
      legalBasis: basis,
      inputs: { ...inputs(8, 7, 1), heldBy: ['case-1'] },
      code: 'RULE_R04_PLACES_HELD',
    });
  });

  it('R-04 passes with one place free', () => {
    expect(r04Vacancy(position({ bezetting: 6 }), { count: 1, caseIds: ['case-1'] })).toEqual({
      ruleId: 'R-04',
      outcome: 'PASS',
      reason: '1 dari 2 lowongan pada Auditor Ahli Muda masih kosong (1 ditempati kasus yang sedang berjalan)',
      legalBasis: basis,
      inputs: inputs(8, 6, 1),
    });
  });

  it('R-04 names a page of holders and counts the rest', () => {
    expect(heldList({ count: 5, caseIds: ['a', 'b'] })).toBe('a, b dan 3 lainnya');
    expect(heldList({ count: 2, caseIds: ['a', 'b'] })).toBe('a, b');
    expect(heldList({ count: 0, caseIds: [] })).toBe('tidak ada');
  });
});

describe('R-04 figures: the recorded evidence', () => {
  const basis = 'PP 11/2017 jo. PP 17/2020 Pasal 190(4): kebutuhan dibuktikan dengan ABK yang tercatat';
  const recorded = { kebutuhan: 8, bezetting: 7, workloadHours: null };

  it('R-04 refuses figures that differ from the record, showing both', () => {
    expect(r04NeedsFigures(position(), analysis({ kebutuhan: 9, bezetting: 6 }), POLICY_2024_1)).toEqual({
      ruleId: 'R-04',
      outcome: 'BLOCK',
      reason: 'analisis kebutuhan kota-bl/auditor menyatakan kebutuhan 9 (tercatat: 8), bezetting 6 (tercatat: 7)',
      legalBasis: basis,
      inputs: { positionId: 'kota-bl/auditor', submitted: { kebutuhan: 9, bezetting: 6, workloadHours: null }, recorded },
      code: 'RULE_R04_FIGURES_DIFFER',
    });
  });

  it('R-04 under a FLAG policy accepts differing figures and flags them', () => {
    const flagging = { ...POLICY_2024_1, needsFiguresMismatch: { value: 'FLAG' as const, legalBasis: 'flag it' } };
    expect(r04NeedsFigures(position(), analysis({ bezetting: 6 }), flagging)).toEqual({
      ruleId: 'R-04',
      outcome: 'FLAG',
      reason: 'analisis kebutuhan kota-bl/auditor menyatakan bezetting 6 (tercatat: 7); diterima dan ditandai sesuai kebijakan ini',
      legalBasis: 'flag it',
      inputs: { positionId: 'kota-bl/auditor', submitted: { kebutuhan: 8, bezetting: 6, workloadHours: null }, recorded },
    });
  });

  it('R-04 passes the recorded figures', () => {
    expect(r04NeedsFigures(position(), analysis(), POLICY_2024_1)).toEqual({
      ruleId: 'R-04',
      outcome: 'PASS',
      reason: 'analisis kebutuhan menyatakan angka yang tercatat (kebutuhan 8, bezetting 7)',
      legalBasis: basis,
      inputs: { positionId: 'kota-bl/auditor', submitted: { kebutuhan: 8, bezetting: 7, workloadHours: null }, recorded },
    });
  });
});

describe('R-04 figures with an ABK on record: the recorded evidence', () => {
  const basis = 'PP 11/2017 jo. PP 17/2020 Pasal 190(4): kebutuhan dibuktikan dengan ABK yang tercatat';
  // 600 audits a year at 100 minutes each: 1,000 hours of work a year.
  const withAbk = position({ abkTasks: [{ task: 'audit', volumePerYear: 600, minutesPerUnit: 100 }] });
  const recorded = { kebutuhan: 8, bezetting: 7, workloadHours: 1000 };

  it('R-04 passes the ABK hours on record and names them', () => {
    expect(r04NeedsFigures(withAbk, analysis({ workloadHours: 1000 }), POLICY_2024_1)).toEqual({
      ruleId: 'R-04',
      outcome: 'PASS',
      reason: 'analisis kebutuhan menyatakan angka yang tercatat (kebutuhan 8, bezetting 7, 1000 jam)',
      legalBasis: basis,
      inputs: { positionId: 'kota-bl/auditor', submitted: { kebutuhan: 8, bezetting: 7, workloadHours: 1000 }, recorded },
    });
  });

  it('R-04 refuses other hours, showing the ABK figure; hours left out are not compared', () => {
    expect(r04NeedsFigures(withAbk, analysis({ workloadHours: 900 }), POLICY_2024_1)).toEqual({
      ruleId: 'R-04',
      outcome: 'BLOCK',
      reason: 'analisis kebutuhan kota-bl/auditor menyatakan beban kerja 900 jam (ABK tercatat: 1000)',
      legalBasis: basis,
      inputs: { positionId: 'kota-bl/auditor', submitted: { kebutuhan: 8, bezetting: 7, workloadHours: 900 }, recorded },
      code: 'RULE_R04_FIGURES_DIFFER',
    });
    expect(r04NeedsFigures(withAbk, analysis({ workloadHours: null }), POLICY_2024_1).outcome).toBe('PASS');
    expect(r04NeedsFigures(position({ abkTasks: [] }), analysis({ workloadHours: 900 }), POLICY_2024_1)).toMatchObject({
      outcome: 'PASS',
      inputs: { recorded: { workloadHours: null } },
    });
  });
});

describe('R-04 competency fit: the recorded evidence', () => {
  const basis = 'PP 11/2017 jo. PP 17/2020 Pasal 190(4): kompetensi sesuai dengan jabatan tujuan';
  const inputs = (held: string[], fit: number) => ({ required: ['AUDIT', 'AKUNTANSI'], held, fit, minimum: 0.5, policyVersion: 'mutasi-policy/2024.1' });

  it('R-04 passes at exactly the minimum fit (one of two) and refuses below it', () => {
    expect(r04CompetencyFit(anEmployee({ competencies: ['AUDIT'] }), position(), POLICY_2024_1)).toEqual({
      ruleId: 'R-04',
      outcome: 'PASS',
      reason: 'kesesuaian kompetensi 50%',
      legalBasis: basis,
      inputs: inputs(['AUDIT'], 0.5),
    });
    expect(r04CompetencyFit(anEmployee({ competencies: ['PELAYANAN_PUBLIK'] }), position(), POLICY_2024_1)).toEqual({
      ruleId: 'R-04',
      outcome: 'BLOCK',
      reason: 'kesesuaian kompetensi 0% di bawah batas minimal 50% untuk Auditor Ahli Muda',
      legalBasis: basis,
      inputs: inputs(['PELAYANAN_PUBLIK'], 0),
      code: 'RULE_R04_COMPETENCY',
    });
  });

  it('R-04 a fit between none and the minimum is refused with its percentage', () => {
    const three = position({ requiredCompetencies: ['AUDIT', 'AKUNTANSI', 'HUKUM'] });
    expect(r04CompetencyFit(anEmployee({ competencies: ['AUDIT'] }), three, POLICY_2024_1).reason).toBe(
      'kesesuaian kompetensi 33% di bawah batas minimal 50% untuk Auditor Ahli Muda',
    );
  });

  it('R-04 a position requiring no competency fits everyone', () => {
    expect(r04CompetencyFit(anEmployee({ competencies: [] }), position({ requiredCompetencies: [] }), POLICY_2024_1)).toMatchObject({
      outcome: 'PASS',
      reason: 'kesesuaian kompetensi 100%',
      inputs: { fit: 1 },
    });
  });
});

describe('R-01 mutation plan: the recorded evidence', () => {
  const plan: MutationPlan = {
    id: 'plan-kota-bl-2026',
    agencyId: 'kota-bl',
    year: 2026,
    title: 'Rencana mutasi 2026',
    moves: [{ targetPositionId: 'kota-bl/auditor', count: 1, note: null }],
  };
  const basis2026 = POLICY_2026_12.planOnRecord.legalBasis;
  const r01 = (patch: Parameters<typeof analysis>[0], p: MutationPlan | null, now = on('2026-12-07')) => r01AnnualPlan(analysis(patch), p, position(), now, POLICY_2026_12);
  const inputs = (planReference: string | null, exceptionReason: string | null = null) => ({ planReference, exceptionReason, planOnRecord: true });

  it('R-01 passes a plan on record for this agency, year and position, recording its id and year', () => {
    expect(r01({ planReference: 'plan-kota-bl-2026' }, plan)).toEqual({
      ruleId: 'R-01',
      outcome: 'PASS',
      reason: 'termasuk dalam rencana mutasi plan-kota-bl-2026 (Rencana mutasi 2026)',
      legalBasis: basis2026,
      inputs: { ...inputs('plan-kota-bl-2026'), planId: 'plan-kota-bl-2026', planYear: 2026 },
    });
  });

  it('R-01 refuses a plan of another year, another agency, without the position, or not on record, naming the problem', () => {
    const refused = (problem: string, reference = 'plan-kota-bl-2026') => ({
      ruleId: 'R-01',
      outcome: 'BLOCK',
      reason: `${problem}; sebutkan rencana mutasi tercatat yang merencanakan mutasi ini, atau berikan alasan pengecualian`,
      legalBasis: basis2026,
      inputs: { ...inputs(reference), planProblem: problem },
      code: 'RULE_R01_PLAN_NOT_ON_RECORD',
    });
    expect(r01({ planReference: 'plan-kota-bl-2026' }, plan, on('2027-01-04'))).toEqual(refused('rencana mutasi plan-kota-bl-2026 adalah rencana tahun 2026, bukan tahun 2027'));
    expect(r01({ planReference: 'plan-kota-bl-2026' }, { ...plan, agencyId: 'kab-lh' })).toEqual(refused('rencana mutasi plan-kota-bl-2026 milik kab-lh, bukan kota-bl'));
    expect(r01({ planReference: 'plan-kota-bl-2026' }, { ...plan, moves: [] })).toEqual(refused('rencana mutasi plan-kota-bl-2026 tidak merencanakan mutasi ke kota-bl/auditor'));
    expect(r01({ planReference: 'plan-x' }, null)).toEqual(refused('rencana mutasi plan-x tidak tercatat', 'plan-x'));
  });

  it('R-01 flags a move outside the plan on an exception reason, keeping the plan problem', () => {
    expect(r01({ planReference: 'plan-x', exceptionReason: 'new hospital' }, null)).toEqual({
      ruleId: 'R-01',
      outcome: 'FLAG',
      reason: 'di luar rencana mutasi (rencana mutasi plan-x tidak tercatat), dengan alasan pengecualian: new hospital',
      legalBasis: basis2026,
      inputs: { ...inputs('plan-x', 'new hospital'), planProblem: 'rencana mutasi plan-x tidak tercatat' },
    });
    expect(r01({ exceptionReason: 'new hospital' }, null)).toEqual({
      ruleId: 'R-01',
      outcome: 'FLAG',
      reason: 'di luar rencana mutasi, dengan alasan pengecualian: new hospital',
      legalBasis: basis2026,
      inputs: inputs(null, 'new hospital'),
    });
  });

  it('R-01 refuses neither a plan nor an exception (blank counts as none); under 2024.1 any named plan passes', () => {
    expect(r01({ planReference: ' ', exceptionReason: ' ' }, null)).toEqual({
      ruleId: 'R-01',
      outcome: 'BLOCK',
      reason: 'analisis kebutuhan tidak menyebut rujukan rencana mutasi maupun alasan pengecualian',
      legalBasis: basis2026,
      inputs: inputs(' ', ' '),
      code: 'RULE_R01_ANNUAL_PLAN',
    });
    expect(r01AnnualPlan(analysis({ planReference: 'RM-2026' }), null, position(), TODAY, POLICY_2024_1)).toEqual({
      ruleId: 'R-01',
      outcome: 'PASS',
      reason: 'termasuk dalam rencana mutasi RM-2026',
      legalBasis: 'tidak diterapkan dalam versi ini: rencana mutasi disebut dalam teks bebas',
      inputs: { planReference: 'RM-2026', exceptionReason: null, planOnRecord: false },
    });
  });
});

describe('R-40 Pilkada freeze and R-43 after inauguration: the recorded evidence', () => {
  const scoped = position({ id: 'kota-bl/kabag', positionClass: 'ADMINISTRATOR', functionalLevel: null });
  const side = (a: Agency, p: Position = scoped): MoveSide => ({ side: 'TARGET', agency: a, position: p });
  const calendar = { penetapanPaslonDate: '2026-12-01', endOfTermDate: '2027-02-15' };
  const electing = agency({ electionCalendar: calendar });
  const summary = [{ agencyId: 'kota-bl', side: 'TARGET', positionId: 'kota-bl/kabag', positionClass: 'ADMINISTRATOR' }];
  const r40Basis = 'UU 10/2016 Pasal 71 ayat (2) dan (4)';

  it('R-40 requires Mendagri from exactly six months before penetapan paslon, not the day before', () => {
    expect(r40ElectionFreeze([side(electing)], on('2026-06-01'), POLICY_2024_1)).toEqual({
      ruleId: 'R-40',
      outcome: 'REQUIRES_STEP',
      reason: 'dalam masa larangan mutasi Pilkada di Kota Bandar Lestari (penetapan paslon 2026-12-01): diperlukan persetujuan tertulis Mendagri',
      legalBasis: r40Basis,
      inputs: { today: '2026-06-01', sides: summary, frozenAgencies: ['kota-bl'], monthsBefore: 6, policyVersion: 'mutasi-policy/2024.1' },
    });
    expect(r40ElectionFreeze([side(electing)], on('2026-05-31'), POLICY_2024_1)).toEqual({
      ruleId: 'R-40',
      outcome: 'PASS',
      reason: 'tidak ada larangan mutasi masa Pilkada yang berlaku bagi jabatan yang terdampak',
      legalBasis: r40Basis,
      inputs: { today: '2026-05-31', sides: summary, frozenAgencies: [], monthsBefore: 6, policyVersion: 'mutasi-policy/2024.1' },
    });
  });

  it('R-40 the freeze lasts to the end of term inclusive; out of scope positions and central agencies are not frozen', () => {
    expect(r40ElectionFreeze([side(electing)], on('2027-02-15'), POLICY_2024_1).outcome).toBe('REQUIRES_STEP');
    expect(r40ElectionFreeze([side(electing)], on('2027-02-16'), POLICY_2024_1).outcome).toBe('PASS');
    expect(r40ElectionFreeze([side(electing, position())], on('2026-07-01'), POLICY_2024_1).outcome).toBe('PASS');
    expect(r40ElectionFreeze([side(electing, position({ pilkadaScope: true }))], on('2026-07-01'), POLICY_2024_1).outcome).toBe('REQUIRES_STEP');
    expect(r40ElectionFreeze([side(agency({ kind: 'PUSAT', electionCalendar: calendar }))], on('2026-07-01'), POLICY_2024_1).outcome).toBe('PASS');
  });

  it('R-43 requires Mendagri from the inauguration day to six months after, inclusive', () => {
    const fresh = agency({ headInaugurationDate: '2026-02-20' });
    const basis = 'UU 10/2016 Pasal 162 ayat (3)';
    expect(r43PostInauguration([side(fresh)], on('2026-08-20'), POLICY_2024_1)).toEqual({
      ruleId: 'R-43',
      outcome: 'REQUIRES_STEP',
      reason: 'dalam 6 bulan sejak pelantikan kepala daerah Kota Bandar Lestari (dilantik 2026-02-20): diperlukan persetujuan tertulis Mendagri',
      legalBasis: basis,
      inputs: { today: '2026-08-20', sides: summary, agencies: [{ agencyId: 'kota-bl', inaugurated: '2026-02-20' }], months: 6, policyVersion: 'mutasi-policy/2024.1' },
    });
    expect(r43PostInauguration([side(fresh)], on('2026-08-21'), POLICY_2024_1)).toEqual({
      ruleId: 'R-43',
      outcome: 'PASS',
      reason: 'tidak ada kepala daerah yang baru dilantik dalam beberapa bulan terakhir yang bertindak atas mutasi ini',
      legalBasis: basis,
      inputs: { today: '2026-08-21', sides: summary, agencies: [], months: 6, policyVersion: 'mutasi-policy/2024.1' },
    });
    expect(r43PostInauguration([side(fresh)], on('2026-02-19'), POLICY_2024_1).outcome).toBe('PASS');
    expect(r43PostInauguration([side(fresh)], on('2026-02-20'), POLICY_2024_1).outcome).toBe('REQUIRES_STEP');
  });
});

describe('R-40, R-43, R-45, R-46 with both sides affected: every agency is named', () => {
  const scoped = position({ id: 'kota-bl/kabag', positionClass: 'ADMINISTRATOR', functionalLevel: null });
  const both = (patch: Partial<Agency>): MoveSide[] => [
    { side: 'ORIGIN', agency: agency({ ...patch, id: 'kab-lh', name: 'Kabupaten Lembah Hijau' }), position: scoped },
    { side: 'TARGET', agency: agency(patch), position: scoped },
  ];

  it('R-40 and R-43 name both regional heads; a central agency or one without dates is never frozen', () => {
    const calendar = { penetapanPaslonDate: '2026-12-01', endOfTermDate: '2027-02-15' };
    expect(r40ElectionFreeze(both({ electionCalendar: calendar }), on('2026-07-01'), POLICY_2024_1).reason).toBe(
      'dalam masa larangan mutasi Pilkada di Kabupaten Lembah Hijau (penetapan paslon 2026-12-01), Kota Bandar Lestari (penetapan paslon 2026-12-01): diperlukan persetujuan tertulis Mendagri',
    );
    expect(r43PostInauguration(both({ headInaugurationDate: '2026-06-01' }), on('2026-07-01'), POLICY_2024_1).reason).toBe(
      'dalam 6 bulan sejak pelantikan kepala daerah Kabupaten Lembah Hijau (dilantik 2026-06-01), Kota Bandar Lestari (dilantik 2026-06-01): diperlukan persetujuan tertulis Mendagri',
    );
    expect(r43PostInauguration(both({ kind: 'PUSAT', headInaugurationDate: '2026-06-01' }), on('2026-07-01'), POLICY_2024_1).outcome).toBe('PASS');
    expect(r43PostInauguration(both({}), on('2026-07-01'), POLICY_2024_1).outcome).toBe('PASS');
    expect(r40ElectionFreeze(both({}), on('2026-07-01'), POLICY_2024_1).outcome).toBe('PASS');
  });

  it('R-45 and R-46 name both acting heads', () => {
    expect(r45Penjabat(both({ ppkStatus: 'PENJABAT' }), POLICY_2024_1).reason).toBe(
      'Kabupaten Lembah Hijau (PENJABAT), Kota Bandar Lestari (PENJABAT) dipimpin oleh penjabat kepala daerah: diperlukan persetujuan tertulis Mendagri',
    );
    expect(r46PenjabatPertek(both({ ppkStatus: 'PENJABAT' }), POLICY_2024_1).reason).toBe(
      'Kabupaten Lembah Hijau, Kota Bandar Lestari dipimpin oleh penjabat kepala daerah: diperlukan pertek KEPALA_BKN',
    );
  });
});

describe('R-45 and R-46 acting regional heads: the recorded evidence', () => {
  const side = (a: Agency): MoveSide => ({ side: 'ORIGIN', agency: a, position: position() });
  const pj = agency({ ppkStatus: 'PENJABAT' });
  const plt = agency({ id: 'kab-lh', name: 'Kabupaten Lembah Hijau', ppkStatus: 'PLT' });

  it('R-45 requires Mendagri for a Penjabat, and under 2026-12 for a Plt too', () => {
    expect(r45Penjabat([side(pj)], POLICY_2024_1)).toEqual({
      ruleId: 'R-45',
      outcome: 'REQUIRES_STEP',
      reason: 'Kota Bandar Lestari (PENJABAT) dipimpin oleh penjabat kepala daerah: diperlukan persetujuan tertulis Mendagri',
      legalBasis: 'PP 49/2008 Pasal 132A',
      inputs: { agencies: [{ agencyId: 'kota-bl', ppkStatus: 'PENJABAT' }], actingHeads: ['PENJABAT'] },
    });
    expect(r45Penjabat([side(plt)], POLICY_2024_1)).toEqual({
      ruleId: 'R-45',
      outcome: 'PASS',
      reason: 'tidak ada penjabat kepala daerah yang bertindak atas mutasi ini',
      legalBasis: 'PP 49/2008 Pasal 132A',
      inputs: { agencies: [{ agencyId: 'kab-lh', ppkStatus: 'PLT' }], actingHeads: ['PENJABAT'] },
    });
    expect(r45Penjabat([side(plt)], POLICY_2026_12).reason).toBe('Kabupaten Lembah Hijau (PLT) dipimpin oleh penjabat kepala daerah: diperlukan persetujuan tertulis Mendagri');
    expect(r45Penjabat([side(agency({ kind: 'PUSAT', ppkStatus: 'PENJABAT' }))], POLICY_2024_1).outcome).toBe('PASS');
  });

  it('R-46 requires a BKN pertek for an acting head unless the policy switches it off', () => {
    expect(r46PenjabatPertek([side(pj), side(agency({ id: 'kab-x', name: 'Kab X' }))], POLICY_2024_1)).toEqual({
      ruleId: 'R-46',
      outcome: 'REQUIRES_STEP',
      reason: 'Kota Bandar Lestari dipimpin oleh penjabat kepala daerah: diperlukan pertek KEPALA_BKN',
      legalBasis: 'Perpres 116/2022',
      inputs: {
        agencies: [
          { agencyId: 'kota-bl', ppkStatus: 'PENJABAT' },
          { agencyId: 'kab-x', ppkStatus: 'DEFINITIF' },
        ],
        actingHeads: ['PENJABAT'],
      },
    });
    const off = { ...POLICY_2024_1, actingHeadPertek: { value: false, legalBasis: 'off' } };
    expect(r46PenjabatPertek([side(pj)], off)).toEqual({
      ruleId: 'R-46',
      outcome: 'PASS',
      reason: 'tidak ada penjabat kepala daerah yang bertindak atas mutasi ini',
      legalBasis: 'off',
      inputs: { agencies: [{ agencyId: 'kota-bl', ppkStatus: 'PENJABAT' }], actingHeads: ['PENJABAT'] },
    });
  });
});
