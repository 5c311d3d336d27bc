import { toDate } from '../shared/dates';
import { DomainError, invalid } from '../shared/errors';
import { isSkpRating, SkpRating, skpPoints } from '../values/skp';
import { AnnounceEvaluationDue, CloseCase, RecordEvaluation } from './commands';
import { emit, requireActive, requireStatus, text } from './decide-support';
import { EvaluationData, EvaluationDue, EvaluationRecorded, TransferCaseClosed } from './events';
import { CaseState } from './state';

/**
 * Scores an evaluation against the original justification, which was a vacancy to fill with a fitting person:
 * 40 points when the vacancy gap closed, 30 for SKP held or improved (15 for one step down), 30 × fit / 5.
 * 70 or more: MET; 40 or more: PARTLY_MET.
 */
export function scoreEvaluation(skpBefore: SkpRating, skpAfter: SkpRating, competencyFit: number, vacancyClosed: boolean): Pick<EvaluationData, 'score' | 'verdict'> {
  const skpDelta = skpPoints(skpAfter) - skpPoints(skpBefore);
  const score = (vacancyClosed ? 40 : 0) + (skpDelta >= 0 ? 30 : skpDelta === -1 ? 15 : 0) + Math.round((30 * competencyFit) / 5);
  return { score, verdict: score >= 70 ? 'MET' : score >= 40 ? 'PARTLY_MET' : 'NOT_MET' };
}

/** Stage 6: a scheduled post-transfer evaluation is recorded once due. */
export function recordEvaluation(command: RecordEvaluation, state: CaseState): EvaluationRecorded[] {
  const c = requireStatus(requireActive(state, command), command, 'APPOINTED');
  const { data } = command;
  const slot = c.evaluations.find((e) => e.periodMonths === data.periodMonths);
  if (!slot) throw invalid('UNKNOWN_EVALUATION', 'periodMonths', `evaluations are scheduled at ${c.evaluations.map((e) => e.periodMonths).join(' and ')} months`);
  if (slot.result !== null) throw new DomainError('CONFLICT', 'EVALUATION_ALREADY_RECORDED', `the ${slot.periodMonths}-month evaluation is already recorded`);
  if (toDate(command.metadata.now) < slot.dueOn) throw new DomainError('CONFLICT', 'EVALUATION_NOT_DUE', `the ${slot.periodMonths}-month evaluation is due on ${slot.dueOn}`);
  if (!isSkpRating(data.skpBefore)) throw invalid('FIELD_INVALID', 'skpBefore', 'skpBefore must be an SKP rating');
  if (!isSkpRating(data.skpAfter)) throw invalid('FIELD_INVALID', 'skpAfter', 'skpAfter must be an SKP rating');
  if (!Number.isInteger(data.competencyFit) || data.competencyFit < 1 || data.competencyFit > 5) throw invalid('FIELD_INVALID', 'competencyFit', 'competencyFit must be a whole number from 1 to 5');
  if (typeof data.vacancyClosed !== 'boolean') throw invalid('FIELD_INVALID', 'vacancyClosed', 'vacancyClosed must be true or false');
  const scored = scoreEvaluation(data.skpBefore, data.skpAfter, data.competencyFit, data.vacancyClosed);
  return [emit<EvaluationRecorded>(command, c.caseId, 'EvaluationRecorded.v1', {
    periodMonths: slot.periodMonths,
    skpBefore: data.skpBefore,
    skpAfter: data.skpAfter,
    competencyFit: data.competencyFit,
    vacancyClosed: data.vacancyClosed,
    serviceIndicators: data.serviceIndicators,
    notes: text(command, 'notes', data.notes, false),
    ...scored,
  })];
}

/** Scheduler: an evaluation has fallen due; the receiving agency is told. */
export function announceEvaluationDue(command: AnnounceEvaluationDue, state: CaseState): EvaluationDue[] {
  const c = requireStatus(requireActive(state, command), command, 'APPOINTED');
  const slot = c.evaluations.find((e) => e.periodMonths === command.data.periodMonths);
  if (!slot || slot.announced || slot.result !== null || toDate(command.metadata.now) < slot.dueOn) throw new DomainError('CONFLICT', 'NOT_DUE', 'no evaluation falls due now');
  return [emit<EvaluationDue>(command, c.caseId, 'EvaluationDue.v1', { periodMonths: slot.periodMonths, dueOn: slot.dueOn })];
}

/** The receiving PPK closes the case once every scheduled evaluation is recorded. */
export function closeCase(command: CloseCase, state: CaseState): TransferCaseClosed[] {
  const c = requireStatus(requireActive(state, command), command, 'APPOINTED');
  const pending = c.evaluations.filter((e) => e.result === null);
  if (pending.length > 0) throw new DomainError('CONFLICT', 'EVALUATIONS_PENDING', `evaluations still to record: ${pending.map((e) => `${e.periodMonths} months (due ${e.dueOn})`).join(', ')}`);
  return [emit<TransferCaseClosed>(command, c.caseId, 'TransferCaseClosed.v1', { outcome: 'COMPLETED' })];
}
