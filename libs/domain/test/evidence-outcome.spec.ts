import { DomainError, groundFor, outcome, RuleOutcome, throwIfBlocked } from '@mutasi/domain';

// How rule outcomes become a refusal: the error an inspector reads carries the first blocking rule, its code, its
// legal basis, the other rules that refused too, and every outcome the rules recorded.
const pass = outcome('R-22', 'PASS', 'no sanction', 'Peraturan BKN 5/2019 Pasal 3', { activeSanction: false });
const flag = outcome('M-03', 'FLAG', 'moved again', 'M-03 basis', { lastTransferDate: '2025-03-01' });
const block = (ruleId: string, reason: string, code?: string): RuleOutcome => outcome(ruleId, 'BLOCK', reason, `${ruleId} basis`, { n: 1 }, code);

function refusalOf(outcomes: RuleOutcome[]): DomainError & { outcomes?: unknown } {
  try {
    throwIfBlocked(outcomes);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('Rule outcomes into a refusal (M-04: the refusal says everything the rules saw)', () => {
  it('builds an outcome with its code only when one is given', () => {
    expect(outcome('R-01', 'BLOCK', 'why', 'basis', { a: 1 }, 'RULE_R01_ANNUAL_PLAN')).toEqual({
      ruleId: 'R-01',
      outcome: 'BLOCK',
      reason: 'why',
      legalBasis: 'basis',
      inputs: { a: 1 },
      code: 'RULE_R01_ANNUAL_PLAN',
    });
    expect(Object.keys(outcome('R-01', 'PASS', 'why', 'basis', {}))).toEqual(['ruleId', 'outcome', 'inputs', 'reason', 'legalBasis']);
  });

  it('lets passing and flagged outcomes through', () => {
    expect(() => throwIfBlocked([pass, flag])).not.toThrow();
    expect(() => throwIfBlocked([])).not.toThrow();
  });

  it('refuses with the first block: its rule, code, reason and legal basis, carrying every outcome', () => {
    const outcomes = [pass, block('R-21', 'locked until 2026-06-02', 'RULE_R21_TEN_YEAR_LOCK'), flag];
    const error = refusalOf(outcomes);
    expect({ kind: error.kind, code: error.code, message: error.message, details: error.details }).toEqual({
      kind: 'RULE',
      code: 'RULE_R21_TEN_YEAR_LOCK',
      message: 'locked until 2026-06-02',
      details: { ruleId: 'R-21', legalBasis: 'R-21 basis' },
    });
    expect(error.outcomes).toEqual(outcomes);
  });

  it('names the other rules that refused too, and derives a code when a block has none', () => {
    const error = refusalOf([block('R-22', 'sanctioned'), pass, block('R-23', 'bonded'), block('R-24', 'low SKP')]);
    expect(error.message).toBe('sanctioned (juga ditolak oleh R-23, R-24)');
    expect(error.code).toBe('RULE_R22');
    expect(error.ruleId).toBe('R-22');
  });

  it('groundFor gives the first non-blank ground of the rule', () => {
    const grounds = [
      { ruleId: 'R-44', ground: 'jpt' },
      { ruleId: 'R-03', ground: '  ' },
      { ruleId: 'R-03', ground: 'restructuring' },
      { ruleId: 'R-03', ground: 'later' },
    ];
    expect(groundFor(grounds, 'R-03')).toBe('restructuring');
    expect(groundFor(grounds, 'R-21')).toBeUndefined();
    expect(groundFor([{ ruleId: 'R-03', ground: '' }], 'R-03')).toBeUndefined();
  });
});
