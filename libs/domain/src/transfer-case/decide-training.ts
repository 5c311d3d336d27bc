import { addDays, isPast, toDate } from '../shared/dates';
import { DomainError, invalid } from '../shared/errors';
import { Policy } from '../policy/policy';
import { r06ConflictOfInterest } from '../rules/conflict-rules';
import { outcome, RuleOutcome, throwIfBlocked } from '../rules/outcome';
import { AdjustTrainingPlan, CompleteTrainingItem, FlagTrainingItemOverdue, TrainingItemInput, TransferCommand, WaiveTrainingItem } from './commands';
import { dateField, emit, requireActive, requireStatus, sha256Field, text } from './decide-support';
import { TrainingItemCompleted, TrainingItemOverdue, TrainingItemWaived, TrainingPlanAdjusted, TrainingPlanDerived } from './events';
import { ActiveCase, CaseIn, CaseState } from './state';
import { deriveTraining, PlannedTraining, TRAINING_KINDS, TrainingItem, TrainingPlan } from './training';

const WITH_PROPOSAL = ['PROPOSED', 'EMPLOYEE_NOTIFIED', 'OBJECTION_RAISED', 'SOCIALISED', 'RETURNED_FOR_REVISION', 'IN_APPROVAL', 'DECREED', 'APPOINTED'] as const;
type WithProposal = CaseIn<(typeof WITH_PROPOSAL)[number]>;

function planOf(c: ActiveCase): TrainingPlan {
  if (c.training === null) throw new DomainError('CONFLICT', 'NO_TRAINING_PLAN', 'kasus ini belum memiliki rencana pelatihan: rencana dibuat ketika calon diusulkan');
  return c.training;
}

function itemOf(plan: TrainingPlan, itemId: unknown, field = 'itemId'): TrainingItem {
  const item = plan.items.find((i) => i.itemId === itemId);
  if (!item)
    throw invalid(
      'UNKNOWN_TRAINING_ITEM',
      field,
      `tidak ada butir pelatihan ${String(itemId)} dalam rencana (butir: ${plan.items.map((i) => i.itemId).join(', ') || 'tidak ada'})`,
    );
  return item;
}

/** The employee and their declared relatives take no decision on the training (R-06); the roster is not involved. */
function noConflict(command: TransferCommand, c: WithProposal): RuleOutcome {
  const r06 = r06ConflictOfInterest(command.metadata.actor, c.proposal.candidate, [], 'TRAINING');
  throwIfBlocked([r06]);
  return r06;
}

const basis = (policy: Policy): string => policy.trainingPlan.legalBasis;

/** A mandatory before-TMT item made optional, moved after the TMT, cut in hours, dropped or waived: flagged (R-09). */
function relaxed(before: TrainingItem, after: PlannedTraining | null): string | null {
  if (before.status !== 'PLANNED' || before.due !== 'BEFORE_TMT' || !before.mandatory) return null;
  if (after === null) return `butir wajib sebelum TMT ${before.itemId} (${before.competency}) dihapus`;
  if (after.due !== 'BEFORE_TMT' || !after.mandatory)
    return `butir wajib sebelum TMT ${before.itemId} (${before.competency}) diubah menjadi ${after.due === 'AFTER_TMT' ? 'jatuh tempo setelah TMT' : 'tidak wajib'}`;
  if (after.hours < before.hours) return `butir wajib sebelum TMT ${before.itemId} (${before.competency}) dikurangi dari ${before.hours} menjadi ${after.hours} jam`;
  return null;
}

function plannedFrom(command: AdjustTrainingPlan, input: TrainingItemInput, i: number, plan: TrainingPlan, nextId: () => string): PlannedTraining {
  const at = (f: string): string => `items[${i}].${f}`;
  const existing = input.itemId ? itemOf(plan, input.itemId, at('itemId')) : null;
  if (existing && existing.status !== 'PLANNED')
    throw invalid('TRAINING_ITEM_CLOSED', at('itemId'), `butir ${existing.itemId} berstatus ${existing.status} dan tidak dapat diubah`);
  if (!(TRAINING_KINDS as readonly string[]).includes(input.kind)) throw invalid('FIELD_INVALID', at('kind'), `kind harus salah satu dari ${TRAINING_KINDS.join(', ')}`);
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > 2000) throw invalid('FIELD_INVALID', at('hours'), 'hours harus bilangan bulat dari 1 sampai 2000');
  if (input.due !== 'BEFORE_TMT' && input.due !== 'AFTER_TMT') throw invalid('FIELD_INVALID', at('due'), 'due harus BEFORE_TMT atau AFTER_TMT');
  if (typeof input.mandatory !== 'boolean') throw invalid('FIELD_INVALID', at('mandatory'), 'mandatory harus true atau false');
  const rules = command.metadata.policy.trainingPlan.value;
  const dueBy = input.due === 'BEFORE_TMT' ? (existing?.due === 'BEFORE_TMT' ? existing.dueBy : addDays(toDate(command.metadata.now), rules.beforeTmtDays)) : null;
  const competency = text(command, at('competency'), input.competency);
  return {
    itemId: existing?.itemId ?? nextId(),
    competency,
    kind: input.kind,
    hours: input.hours,
    due: input.due,
    mandatory: input.mandatory,
    dueBy: input.due === 'BEFORE_TMT' ? (dueBy ?? null) : null,
    monthsAfterTmt: input.due === 'AFTER_TMT' ? rules.afterTmtMonths : null,
  };
}

/**
 * The receiving agency's PPK adjusts the training plan with a reason: the planned items after the change (completed
 * or waived ones stay as they are). Relaxing a mandatory before-TMT item is allowed and flagged (R-09).
 */
export function adjustTrainingPlan(command: AdjustTrainingPlan, state: CaseState): TrainingPlanAdjusted[] {
  const c = requireStatus(requireActive(state, command), command, ...WITH_PROPOSAL);
  const r06 = noConflict(command, c);
  const plan = planOf(c);
  const reason = text(command, 'reason', command.data.reason);
  if (!Array.isArray(command.data.items) || command.data.items.length > 50) throw invalid('FIELD_INVALID', 'items', 'items harus berupa daftar paling banyak 50 butir pelatihan');
  let n = Math.max(0, ...plan.items.map((i) => Number(i.itemId.slice(1)) || 0));
  const items = command.data.items.map((input, i) => plannedFrom(command, input, i, plan, () => `T${(n += 1)}`));
  const ids = items.map((i) => i.itemId);
  if (new Set(ids).size !== ids.length) throw invalid('FIELD_INVALID', 'items', 'setiap itemId paling banyak muncul satu kali');
  if (c.decree !== null && items.some((i) => i.due === 'BEFORE_TMT' && !plan.items.some((p) => p.itemId === i.itemId && p.due === 'BEFORE_TMT'))) {
    throw new DomainError('CONFLICT', 'DECREE_ALREADY_ISSUED', 'SK sudah terbit: tidak ada butir yang dapat dijadikan wajib sebelum TMT');
  }
  const planned = plan.items.filter((i) => i.status === 'PLANNED');
  const removed = planned.filter((p) => !ids.includes(p.itemId)).map((p) => p.itemId);
  const relaxations = planned.map((p) => relaxed(p, items.find((i) => i.itemId === p.itemId) ?? null)).filter((r): r is string => r !== null);
  const r09 =
    relaxations.length > 0
      ? outcome('R-09', 'FLAG', `${relaxations.join('; ')}, dengan alasan: ${reason}`, basis(command.metadata.policy), { relaxations, reason })
      : outcome('R-09', 'PASS', `rencana pelatihan disesuaikan: ${items.length} butir direncanakan`, basis(command.metadata.policy), { items: items.length, removed });
  return [emit<TrainingPlanAdjusted>(command, c.caseId, 'TrainingPlanAdjusted.v1', { items, removedItemIds: removed, reason }, [r06, r09])];
}

/**
 * A training item completed, with its evidence: the certificate's SHA-256 (not used for another item of the case), the
 * hours (at least those planned) and the provider, on a date between the plan and today.
 */
export function completeTrainingItem(command: CompleteTrainingItem, state: CaseState): TrainingItemCompleted[] {
  const c = requireStatus(requireActive(state, command), command, ...WITH_PROPOSAL);
  const r06 = noConflict(command, c);
  const plan = planOf(c);
  const item = itemOf(plan, command.data.itemId);
  if (item.status !== 'PLANNED') throw new DomainError('CONFLICT', 'TRAINING_ITEM_CLOSED', `butir ${item.itemId} sudah berstatus ${item.status}`);
  const certificateSha256 = sha256Field('certificateSha256', command.data.certificateSha256);
  const reused = plan.items.find((i) => i.completion?.certificateSha256 === certificateSha256);
  if (reused) throw invalid('CERTIFICATE_ALREADY_USED', 'certificateSha256', `sertifikat ini sudah menjadi bukti butir ${reused.itemId} (${reused.competency})`);
  const completedOn = dateField('completedOn', command.data.completedOn);
  const today = toDate(command.metadata.now);
  if (completedOn > today || completedOn < toDate(plan.derivedAt))
    throw invalid('INVALID_DATE', 'completedOn', `completedOn harus di antara tanggal rencana (${toDate(plan.derivedAt)}) dan hari ini (${today})`);
  const hours = command.data.hours;
  if (!Number.isInteger(hours) || hours < 1 || hours > 2000) throw invalid('FIELD_INVALID', 'hours', 'hours harus bilangan bulat dari 1 sampai 2000');
  const policy = command.metadata.policy;
  const r09 =
    hours < item.hours
      ? outcome(
          'R-09',
          'BLOCK',
          `sertifikat menunjukkan ${hours} jam; butir ${item.itemId} (${item.competency}) merencanakan ${item.hours} jam`,
          basis(policy),
          { itemId: item.itemId, planned: item.hours, hours },
          'RULE_R09_HOURS_SHORT',
        )
      : outcome('R-09', 'PASS', `butir ${item.itemId} (${item.competency}) selesai: ${hours} jam`, basis(policy), { itemId: item.itemId, planned: item.hours, hours });
  throwIfBlocked([r09]);
  const provider = text(command, 'provider', command.data.provider);
  return [emit<TrainingItemCompleted>(command, c.caseId, 'TrainingItemCompleted.v1', { itemId: item.itemId, certificateSha256, hours, provider, completedOn }, [r06, r09])];
}

/** The receiving PPK waives a training item with a reason; waiving a mandatory before-TMT item is flagged (R-09). */
export function waiveTrainingItem(command: WaiveTrainingItem, state: CaseState): TrainingItemWaived[] {
  const c = requireStatus(requireActive(state, command), command, ...WITH_PROPOSAL);
  const r06 = noConflict(command, c);
  const item = itemOf(planOf(c), command.data.itemId);
  if (item.status !== 'PLANNED') throw new DomainError('CONFLICT', 'TRAINING_ITEM_CLOSED', `butir ${item.itemId} sudah berstatus ${item.status}`);
  const reason = text(command, 'reason', command.data.reason);
  const mandatory = item.due === 'BEFORE_TMT' && item.mandatory;
  const r09 = outcome(
    'R-09',
    mandatory ? 'FLAG' : 'PASS',
    `butir ${mandatory ? 'wajib sebelum TMT ' : ''}${item.itemId} (${item.competency}) dibebaskan: ${reason}`,
    basis(command.metadata.policy),
    { itemId: item.itemId, mandatory, reason },
  );
  return [emit<TrainingItemWaived>(command, c.caseId, 'TrainingItemWaived.v1', { itemId: item.itemId, reason }, [r06, r09])];
}

/** Scheduler: a planned item passed its due date; inspectors see a flag (R-09). */
export function flagTrainingItemOverdue(command: FlagTrainingItemOverdue, state: CaseState): TrainingItemOverdue[] {
  const c = requireStatus(requireActive(state, command), command, ...WITH_PROPOSAL);
  const item = c.training?.items.find((i) => i.itemId === command.data.itemId);
  if (!item || item.status !== 'PLANNED' || item.overdue || item.dueBy === null || !isPast(item.dueBy, command.metadata.now))
    throw new DomainError('CONFLICT', 'NOT_DUE', `butir pelatihan ${command.data.itemId} belum melewati tenggat`);
  const flag = outcome(
    'R-09',
    'FLAG',
    `butir pelatihan ${item.itemId} (${item.competency}, ${item.hours} jam) tidak diselesaikan sampai ${item.dueBy}`,
    basis(command.metadata.policy),
    { itemId: item.itemId, dueBy: item.dueBy },
  );
  return [emit<TrainingItemOverdue>(command, c.caseId, 'TrainingItemOverdue.v1', { itemId: item.itemId, dueBy: item.dueBy }, [flag])];
}

/**
 * The training plan of a proposal (R-09): one item per required competency of the target the candidate lacks. A
 * revision keeps the items already completed or waived for a gap that remains and plans the rest anew.
 */
export function derivedTraining(command: TransferCommand, c: ActiveCase, gaps: readonly string[]): TrainingPlanDerived {
  const { now, policy } = command.metadata;
  const carried = (c.training?.items ?? []).filter((i) => i.status !== 'PLANNED' && gaps.includes(i.competency));
  const fresh = deriveTraining(
    gaps.filter((g) => !carried.some((i) => i.competency === g)),
    now,
    policy.trainingPlan.value,
  );
  let n = Math.max(0, ...(c.training?.items ?? []).map((i) => Number(i.itemId.slice(1)) || 0));
  const items = fresh.map((i) => ({ ...i, itemId: `T${(n += 1)}` }));
  const r09 = outcome(
    'R-09',
    'PASS',
    gaps.length === 0
      ? 'calon memiliki seluruh kompetensi yang disyaratkan jabatan: tidak ada pelatihan yang direncanakan'
      : `kesenjangan kompetensi ${gaps.join(', ')}: ${items.length} butir pelatihan direncanakan${carried.length > 0 ? `, ${carried.length} dipertahankan dari usulan sebelumnya` : ''}`,
    basis(policy),
    { gaps, items: items.length, carried: carried.length },
  );
  return emit<TrainingPlanDerived>(command, c.caseId, 'TrainingPlanDerived.v1', { gaps, items, carriedItemIds: carried.map((i) => i.itemId) }, [r09]);
}

/** R-09 at the decree: every mandatory item due before the TMT is completed or waived. */
export function r09TrainingBeforeTmt(plan: TrainingPlan | null, policy: Policy): RuleOutcome {
  const open = (plan?.items ?? []).filter((i) => i.status === 'PLANNED' && i.due === 'BEFORE_TMT' && i.mandatory);
  const inputs = { openItems: open.map((i) => ({ itemId: i.itemId, competency: i.competency, hours: i.hours, dueBy: i.dueBy })) };
  if (open.length > 0) {
    return outcome(
      'R-09',
      'BLOCK',
      `pelatihan wajib sebelum TMT belum selesai: ${open.map((i) => `${i.itemId} ${i.competency} (${i.hours} jam)`).join(', ')}; selesaikan atau bebaskan terlebih dahulu`,
      basis(policy),
      inputs,
      'RULE_R09_TRAINING_BEFORE_TMT',
    );
  }
  return outcome(
    'R-09',
    'PASS',
    plan === null || plan.items.length === 0 ? 'tidak ada pelatihan yang wajib selesai sebelum TMT' : 'pelatihan wajib sebelum TMT sudah selesai atau dibebaskan',
    basis(policy),
    inputs,
  );
}
