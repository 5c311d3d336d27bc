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
      reason: 'education field SOSIOLOGI is not one Auditor Ahli Muda requires (AKUNTANSI, EKONOMI)',
      legalBasis: 'refuse it',
      inputs: inputs('SOSIOLOGI', ['AKUNTANSI', 'EKONOMI'], 'BLOCK', 'mutasi-policy/2026.12'),
      code: 'RULE_R08_EDUCATION',
    });
  });

  it('R-08 under 2026-12 flags a misfit; under 2024.1 only weighs it', () => {
    expect(r08EducationFit(anEmployee({ educationField: 'SOSIOLOGI' }), position(['AKUNTANSI']), POLICY_2026_12)).toEqual({
      ruleId: 'R-08',
      outcome: 'FLAG',
      reason: 'education field SOSIOLOGI is not one Auditor Ahli Muda requires (AKUNTANSI); flagged as this policy says',
      legalBasis: flagBasis,
      inputs: inputs('SOSIOLOGI', ['AKUNTANSI'], 'FLAG', 'mutasi-policy/2026.12'),
    });
    expect(r08EducationFit(anEmployee({ educationField: 'SOSIOLOGI' }), position(['AKUNTANSI']), POLICY_2024_1)).toEqual({
      ruleId: 'R-08',
      outcome: 'PASS',
      reason: 'education field SOSIOLOGI is not one Auditor Ahli Muda requires (AKUNTANSI); this policy only weighs it in the merit score',
      legalBasis: 'merit-score/v1: education fit is a weight only',
      inputs: inputs('SOSIOLOGI', ['AKUNTANSI'], 'WEIGHT', 'mutasi-policy/2024.1'),
    });
  });

  it('R-08 passes a listed field, and any field when the position lists none', () => {
    expect(r08EducationFit(anEmployee({ educationField: 'AKUNTANSI' }), position(['AKUNTANSI']), POLICY_2026_12)).toEqual({
      ruleId: 'R-08',
      outcome: 'PASS',
      reason: 'education field AKUNTANSI is one Auditor Ahli Muda requires',
      legalBasis: flagBasis,
      inputs: inputs('AKUNTANSI', ['AKUNTANSI'], 'FLAG', 'mutasi-policy/2026.12'),
    });
    expect(r08EducationFit(anEmployee({ educationField: 'SOSIOLOGI' }), position([]), POLICY_2026_12)).toEqual({
      ruleId: 'R-08',
      outcome: 'PASS',
      reason: 'the position requires no particular education field',
      legalBasis: flagBasis,
      inputs: inputs('SOSIOLOGI', [], 'FLAG', 'mutasi-policy/2026.12'),
    });
  });
});

describe('M-05 eligibility inputs changed by an import: the recorded evidence', () => {
  const basis = 'agency policy (M-05): eligibility inputs changed shortly before a proposal are shown to inspectors';

  it('M-05 flags a candidate whose inputs an import changed, naming each import, its day, who and which fields', () => {
    const changes = [
      { importId: 'imp-1', importedAt: '2026-05-02T03:00:00.000Z', importedBy: 'admin.bkn', fields: ['discipline.activeSanction', 'skp'] },
      { importId: 'imp-2', importedAt: '2026-05-20T03:00:00.000Z', importedBy: 'admin.kota-bl', fields: ['positionSince'] },
    ];
    expect(m05EligibilityChanged(changes, POLICY_2024_1)).toEqual({
      ruleId: 'M-05',
      outcome: 'FLAG',
      reason:
        "the candidate's eligibility inputs changed within 90 days before the proposal: import imp-1 on 2026-05-02 by admin.bkn changed discipline.activeSanction, skp; import imp-2 on 2026-05-20 by admin.kota-bl changed positionSince",
      legalBasis: basis,
      inputs: { windowDays: 90, changes },
    });
  });

  it('M-05 passes when no import changed them', () => {
    expect(m05EligibilityChanged([], POLICY_2024_1)).toEqual({
      ruleId: 'M-05',
      outcome: 'PASS',
      reason: 'no eligibility input of the candidate changed in the last 90 days',
      legalBasis: basis,
      inputs: { windowDays: 90, changes: [] },
    });
  });
});
