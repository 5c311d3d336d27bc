import { Policy } from '../policy/policy';
import { IsoInstant } from '../shared/dates';
import { outcome, RuleOutcome } from './outcome';

/** An import that changed fields a rule reads, for M-05. */
export interface EligibilityChange {
  readonly importId: string;
  readonly importedAt: IsoInstant;
  readonly importedBy: string;
  readonly fields: readonly string[];
}

/**
 * M-05: a candidate whose eligibility inputs (discipline, court case, study, SKP, TMT, time in post, relations …)
 * were changed by an import within `eligibilityChangeWindowDays` before the proposal is flagged for inspectors,
 * naming the imports and the fields: the trace of an official toggling eligibility by re-importing a record.
 */
export function m05EligibilityChanged(changes: readonly EligibilityChange[], policy: Policy): RuleOutcome {
  const window = policy.eligibilityChangeWindowDays;
  const inputs = { windowDays: window.value, changes: changes.map((c) => ({ importId: c.importId, importedAt: c.importedAt, importedBy: c.importedBy, fields: c.fields })) };
  if (changes.length === 0) return outcome('M-05', 'PASS', `tidak ada data persyaratan calon yang berubah dalam ${window.value} hari terakhir`, window.legalBasis, inputs);
  const list = changes.map((c) => `impor ${c.importId} pada ${c.importedAt.slice(0, 10)} oleh ${c.importedBy} mengubah ${c.fields.join(', ')}`).join('; ');
  return outcome('M-05', 'FLAG', `data persyaratan calon berubah dalam ${window.value} hari sebelum pengusulan: ${list}`, window.legalBasis, inputs);
}
