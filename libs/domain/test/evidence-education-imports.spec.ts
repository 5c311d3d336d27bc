import { m05EligibilityChanged, POLICY_2024_1, POLICY_2026_12, Position, r08EducationFit } from '@mutasi/domain';
import { anEmployee } from './support/employee-snapshot';

// Each test pins the whole recorded outcome (verdict, reason, legal basis, inputs, code).
const position = (requiredEducationFields: string[]): Position => ({
  id: 'kota-bl/auditor',
  agencyId: 'kota-bl',
  unit: 'Inspektorat',
  title: 'Auditor Ahli Muda',
  positionClass: 'FUNGSIONAL',
  functionalLevel: 'AHLI_MUDA',
  requiredCompetencies: [],
  requiredEducationFields,
  kebutuhan: 8,
  bezetting: 7,
  pilkadaScope: false,
});

describe('R-08 education fit: the recorded evidence', () => {
  const inputs = (educationField: string, required: string[], mode: string, policyVersion: string) => ({ educationField, required, mode, policyVersion });
  const flagBasis = POLICY_2026_12.educationFit.legalBasis;

  it('R-08 under a BLOCK policy refuses a field the position does not list, naming the fields it lists', () => {
    const blocking = { ...POLICY_2026_12, educationFit: { value: 'BLOCK' as const, legalBasis: 'refuse it' } };
    expect(r08EducationFit(anEmployee({ educationField: 'SOSIOLOGI' }), position(['AKUNTANSI', 'EKONOMI']), blocking)).toEqual({
      ruleId: 'R-08',
      outcome: 'BLOCK',
      reason: 'bidang pendidikan SOSIOLOGI tidak termasuk yang disyaratkan untuk Auditor Ahli Muda (AKUNTANSI, EKONOMI)',
      legalBasis: 'refuse it',
      inputs: inputs('SOSIOLOGI', ['AKUNTANSI', 'EKONOMI'], 'BLOCK', 'mutasi-policy/2026.12'),
      code: 'RULE_R08_EDUCATION',
    });
  });

  it('R-08 under 2026-12 flags a misfit; under 2024.1 only weighs it', () => {
    expect(r08EducationFit(anEmployee({ educationField: 'SOSIOLOGI' }), position(['AKUNTANSI']), POLICY_2026_12)).toEqual({
      ruleId: 'R-08',
      outcome: 'FLAG',
      reason: 'bidang pendidikan SOSIOLOGI tidak termasuk yang disyaratkan untuk Auditor Ahli Muda (AKUNTANSI); ditandai sesuai kebijakan ini',
      legalBasis: flagBasis,
      inputs: inputs('SOSIOLOGI', ['AKUNTANSI'], 'FLAG', 'mutasi-policy/2026.12'),
    });
    expect(r08EducationFit(anEmployee({ educationField: 'SOSIOLOGI' }), position(['AKUNTANSI']), POLICY_2024_1)).toEqual({
      ruleId: 'R-08',
      outcome: 'PASS',
      reason: 'bidang pendidikan SOSIOLOGI tidak termasuk yang disyaratkan untuk Auditor Ahli Muda (AKUNTANSI); menurut kebijakan ini hanya diperhitungkan dalam skor merit',
      legalBasis: 'merit-score/v1: kesesuaian pendidikan hanya menjadi bobot',
      inputs: inputs('SOSIOLOGI', ['AKUNTANSI'], 'WEIGHT', 'mutasi-policy/2024.1'),
    });
  });

  it('R-08 passes a listed field, and any field when the position lists none', () => {
    expect(r08EducationFit(anEmployee({ educationField: 'AKUNTANSI' }), position(['AKUNTANSI']), POLICY_2026_12)).toEqual({
      ruleId: 'R-08',
      outcome: 'PASS',
      reason: 'bidang pendidikan AKUNTANSI termasuk yang disyaratkan untuk Auditor Ahli Muda',
      legalBasis: flagBasis,
      inputs: inputs('AKUNTANSI', ['AKUNTANSI'], 'FLAG', 'mutasi-policy/2026.12'),
    });
    expect(r08EducationFit(anEmployee({ educationField: 'SOSIOLOGI' }), position([]), POLICY_2026_12)).toEqual({
      ruleId: 'R-08',
      outcome: 'PASS',
      reason: 'jabatan ini tidak mensyaratkan bidang pendidikan tertentu',
      legalBasis: flagBasis,
      inputs: inputs('SOSIOLOGI', [], 'FLAG', 'mutasi-policy/2026.12'),
    });
  });
});

describe('M-05 eligibility inputs changed by an import: the recorded evidence', () => {
  const basis = 'kebijakan instansi (M-05): data persyaratan yang berubah tidak lama sebelum pengusulan ditunjukkan kepada inspektorat';

  it('M-05 flags a candidate whose inputs an import changed, naming each import, its day, who and which fields', () => {
    const changes = [
      { importId: 'imp-1', importedAt: '2026-05-02T03:00:00.000Z', importedBy: 'admin.bkn', fields: ['discipline.activeSanction', 'skp'] },
      { importId: 'imp-2', importedAt: '2026-05-20T03:00:00.000Z', importedBy: 'admin.kota-bl', fields: ['positionSince'] },
    ];
    expect(m05EligibilityChanged(changes, POLICY_2024_1)).toEqual({
      ruleId: 'M-05',
      outcome: 'FLAG',
      reason:
        'data persyaratan calon berubah dalam 90 hari sebelum pengusulan: impor imp-1 pada 2026-05-02 oleh admin.bkn mengubah discipline.activeSanction, skp; impor imp-2 pada 2026-05-20 oleh admin.kota-bl mengubah positionSince',
      legalBasis: basis,
      inputs: { windowDays: 90, changes },
    });
  });

  it('M-05 passes when no import changed them', () => {
    expect(m05EligibilityChanged([], POLICY_2024_1)).toEqual({
      ruleId: 'M-05',
      outcome: 'PASS',
      reason: 'tidak ada data persyaratan calon yang berubah dalam 90 hari terakhir',
      legalBasis: basis,
      inputs: { windowDays: 90, changes: [] },
    });
  });
});
