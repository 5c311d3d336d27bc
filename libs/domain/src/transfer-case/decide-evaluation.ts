import { toDate } from '../shared/dates';
import { DomainError, invalid } from '../shared/errors';
import { EvaluationScoring } from '../policy/policy';
import { outcome, RuleOutcome, throwIfBlocked } from '../rules/outcome';
import { SkpRating, skpPoints } from '../values/skp';
import { AnnounceEvaluationDue, CloseCase, RecordEvaluation } from './commands';
import { emit, requireActive, requireStatus, separationOfDuties, text } from './decide-support';
import { EvaluationData, EvaluationDue, EvaluationRecorded, TransferCaseClosed } from './events';
import { CaseIn, CaseState } from './state';
import { gapClosure } from './training';

const M08 = 'antiintervensi (M-08): evaluasi dihitung dari data yang tercatat, bukan diketik';

/**
 * Scores an evaluation against the original justification, which was a vacancy to fill with a fitting person, with
 * the points of the policy in force: the vacancy closed, SKP held or improved (fewer points for one step down), and
 * competency fit scaled from 1–5. At least `metAt`: MET; at least `partlyMetAt`: PARTLY_MET.
 */
export function scoreEvaluation(
  skpBefore: SkpRating,
  skpAfter: SkpRating,
  competencyFit: number,
  vacancyClosed: boolean,
  scoring: EvaluationScoring,
): Pick<EvaluationData, 'score' | 'verdict'> {
  const skpDelta = skpPoints(skpAfter) - skpPoints(skpBefore);
  const skp = skpDelta >= 0 ? scoring.skpHeldOrImproved : skpDelta === -1 ? scoring.skpOneStepDown : 0;
  const score = (vacancyClosed ? scoring.vacancyClosed : 0) + skp + Math.round((scoring.competencyFit * competencyFit) / 5);
  return { score, verdict: score >= scoring.metAt ? 'MET' : score >= scoring.partlyMetAt ? 'PARTLY_MET' : 'NOT_MET' };
}

/** The last SKP rating the proposal snapshotted: the "before" of the evaluation. */
function skpBeforeOf(c: CaseIn<'APPOINTED'>): { year: number; rating: SkpRating } {
  const proposedYear = Number(c.proposal.proposedAt.slice(0, 4));
  const before = [...c.proposal.candidate.skp].filter((s) => s.year < proposedYear).sort((a, b) => b.year - a.year)[0];
  if (!before) throw new DomainError('RULE', 'RULE_M08_NO_SKP_BEFORE', 'usulan tidak memuat predikat SKP sebelum mutasi sebagai pembanding', { ruleId: 'M-08', legalBasis: M08 });
  return before;
}

type SkpAfter = { rating: SkpRating; evidence: NonNullable<EvaluationData['evidence']>['skpAfter'] };

/** The SKP after the move: the imported rating of the year after TMT, or a verified periodic evaluation attached since. */
function skpAfterOf(command: RecordEvaluation, c: CaseIn<'APPOINTED'>): SkpAfter {
  const documentId = command.data.skpAfterDocumentId;
  if (documentId !== null && documentId !== undefined) {
    const doc = c.documents.find((d) => d.documentId === documentId);
    if (!doc) throw invalid('UNKNOWN_DOCUMENT', 'skpAfterDocumentId', `tidak ada dokumen ${documentId} pada kasus ini`);
    if (doc.kind !== 'PERIODIC_PERFORMANCE_EVALUATION' || doc.statement === null)
      throw invalid('FIELD_INVALID', 'skpAfterDocumentId', `dokumen ${documentId} bukan evaluasi kinerja periodik yang mencantumkan predikat`);
    if (doc.status !== 'APPROVED')
      throw new DomainError(
        'RULE',
        'RULE_M08_DOCUMENT_NOT_VERIFIED',
        `dokumen ${documentId} berstatus ${doc.status}: verifikator harus menyetujuinya sebelum dipakai dalam evaluasi`,
        {
          ruleId: 'M-08',
          legalBasis: M08,
        },
      );
    if (doc.attached.at < c.appointment.at)
      throw invalid('FIELD_INVALID', 'skpAfterDocumentId', `dokumen ${documentId} dilampirkan sebelum pelantikan, sehingga tidak dapat menilai jabatan yang baru`);
    return { rating: doc.statement.skpRating, evidence: { source: 'VERIFIED_DOCUMENT', documentId, period: doc.statement.period } };
  }
  const imported = command.context.importedSkpAfter;
  if (imported === null) {
    const year = Number(c.decree.effectiveDate.slice(0, 4)) + 1;
    throw new DomainError(
      'RULE',
      'RULE_M08_NO_SKP_AFTER',
      `belum ada SKP setelah mutasi yang tercatat: impor SKP tahun ${year}, atau lampirkan evaluasi kinerja periodik, minta verifikasinya, lalu sebutkan dalam skpAfterDocumentId`,
      { ruleId: 'M-08', legalBasis: M08 },
    );
  }
  return { rating: imported.rating, evidence: { source: 'IMPORTED_SKP', year: imported.year } };
}

/**
 * Stage 6: a scheduled post-transfer evaluation, recorded once due, by someone who took no other decision on the case
 * (R-06, so never the proposer). SKP before comes from the proposal's snapshot, SKP after from the record, and whether
 * the vacancy closed from the placement (M-08); only the competency fit is the evaluator's judgement.
 */
export function recordEvaluation(command: RecordEvaluation, state: CaseState): EvaluationRecorded[] {
  const c = requireStatus(requireActive(state, command), command, 'APPOINTED');
  const { data, context, metadata } = command;
  const slot = c.evaluations.find((e) => e.periodMonths === data.periodMonths);
  if (!slot) throw invalid('UNKNOWN_EVALUATION', 'periodMonths', `evaluasi dijadwalkan pada bulan ke-${c.evaluations.map((e) => e.periodMonths).join(' dan ')}`);
  if (slot.result !== null) throw new DomainError('CONFLICT', 'EVALUATION_ALREADY_RECORDED', `evaluasi ${slot.periodMonths} bulan sudah dicatat`);
  if (toDate(metadata.now) < slot.dueOn) throw new DomainError('CONFLICT', 'EVALUATION_NOT_DUE', `evaluasi ${slot.periodMonths} bulan jatuh tempo pada ${slot.dueOn}`);
  if (!Number.isInteger(data.competencyFit) || data.competencyFit < 1 || data.competencyFit > 5)
    throw invalid('FIELD_INVALID', 'competencyFit', 'competencyFit harus bilangan bulat dari 1 sampai 5');
  const r06 = separationOfDuties(command, c, 'EVALUATION');
  const before = skpBeforeOf(c);
  const after = skpAfterOf(command, c);
  const vacancyClosed = context.placement?.holdsTargetPosition === true;
  const scoring = metadata.policy.evaluationScoring;
  const scored = scoreEvaluation(before.rating, after.rating, data.competencyFit, vacancyClosed, scoring.value);
  const evidence: NonNullable<EvaluationData['evidence']> = {
    skpBefore: { year: before.year, source: 'PROPOSAL_SNAPSHOT' },
    skpAfter: after.evidence,
    vacancyClosed: { source: 'PLACEMENT', positionGapAfter: context.placement?.positionGapAfter ?? null },
  };
  const m08: RuleOutcome = outcome(
    'M-08',
    'PASS',
    `skor ${scored.score} (${scored.verdict}) dari data yang tercatat: SKP ${before.year} ${before.rating} → ${after.rating}, lowongan ${vacancyClosed ? 'terisi' : 'belum terisi'}, kesesuaian ${data.competencyFit}/5`,
    scoring.legalBasis,
    { evidence, competencyFit: data.competencyFit, scoring: scoring.value, policyVersion: metadata.policy.version },
  );
  throwIfBlocked([m08]);
  return [
    emit<EvaluationRecorded>(
      command,
      c.caseId,
      'EvaluationRecorded.v1',
      {
        periodMonths: slot.periodMonths,
        skpBefore: before.rating,
        skpAfter: after.rating,
        competencyFit: data.competencyFit,
        vacancyClosed,
        serviceIndicators: data.serviceIndicators,
        notes: text(command, 'notes', data.notes, false),
        evidence,
        ...scored,
        ...(c.training !== null ? { training: gapClosure(c.training) } : {}),
      },
      [r06, m08],
    ),
  ];
}

/** Scheduler: an evaluation has fallen due; the receiving agency is told. */
export function announceEvaluationDue(command: AnnounceEvaluationDue, state: CaseState): EvaluationDue[] {
  const c = requireStatus(requireActive(state, command), command, 'APPOINTED');
  const slot = c.evaluations.find((e) => e.periodMonths === command.data.periodMonths);
  if (!slot || slot.announced || slot.result !== null || toDate(command.metadata.now) < slot.dueOn)
    throw new DomainError('CONFLICT', 'NOT_DUE', 'tidak ada evaluasi yang jatuh tempo sekarang');
  return [emit<EvaluationDue>(command, c.caseId, 'EvaluationDue.v1', { periodMonths: slot.periodMonths, dueOn: slot.dueOn })];
}

/** The receiving PPK closes the case once every scheduled evaluation is recorded. */
export function closeCase(command: CloseCase, state: CaseState): TransferCaseClosed[] {
  const c = requireStatus(requireActive(state, command), command, 'APPOINTED');
  const pending = c.evaluations.filter((e) => e.result === null);
  if (pending.length > 0)
    throw new DomainError(
      'CONFLICT',
      'EVALUATIONS_PENDING',
      `evaluasi yang masih harus dicatat: ${pending.map((e) => `${e.periodMonths} bulan (jatuh tempo ${e.dueOn})`).join(', ')}`,
    );
  return [emit<TransferCaseClosed>(command, c.caseId, 'TransferCaseClosed.v1', { outcome: 'COMPLETED' })];
}
