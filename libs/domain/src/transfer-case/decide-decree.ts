import { r09TrainingBeforeTmt } from './decide-training';
import { addWorkingDays } from '../shared/calendar';
import { addMonths, isPast, toDate } from '../shared/dates';
import { DomainError, forbidden, invalid, ruleRefused } from '../shared/errors';
import { isRegional } from '../reference/agency';
import { r06ConflictOfInterest } from '../rules/conflict-rules';
import { m02DecreeMatchesProposal, m06DecreeDates, r16Delegation } from '../rules/decree-rules';
import { outcome, RuleOutcome, throwIfBlocked } from '../rules/outcome';
import { FlagAppointmentOverdue, IssueDecree, RecordAppointment } from './commands';
import { dateField, emit, requireActive, requireStatus, separationOfDuties, sha256Field, text } from './decide-support';
import { AppointmentOverdue, AppointmentRecorded, DecreeIssued } from './events';
import { activeStep, CaseIn, CaseState, StepState } from './state';

const OVERLAY_RULES = ['R-40', 'R-43', 'R-45', 'R-46'];

/**
 * A decree before the chain is complete is refused. When an overlay approval is still missing, the refusal names
 * its rule (R-40: no replacement in the Pilkada freeze without Mendagri's written approval, and so on).
 */
function refuseEarlyDecree(open: readonly StepState[]): never {
  const overlay = open.find((s) => s.kind !== 'DECREE' && s.ruleIds.some((r) => OVERLAY_RULES.includes(r)));
  const ruleId = overlay?.ruleIds.find((r) => OVERLAY_RULES.includes(r));
  if (overlay && ruleId) {
    throw ruleRefused(
      ruleId,
      `RULE_${ruleId.replace('-', '')}_APPROVAL_MISSING`,
      `SK memerlukan ${overlay.title} (${overlay.ruleIds.join(', ')}) terlebih dahulu; tahap ${overlay.stepId} berstatus ${overlay.status}`,
    );
  }
  throw new DomainError(
    'CONFLICT',
    'APPROVAL_INCOMPLETE',
    `rantai persetujuan belum lengkap: ${open
      .filter((s) => s.kind !== 'DECREE')
      .map((s) => s.stepId)
      .join(', ')} masih terbuka`,
  );
}

/** The civil date of the chain's last approval: no decree may be dated before it (M-06). */
function lastApprovalDate(c: CaseIn<'IN_APPROVAL'>): string {
  const acted = c.approval.steps.filter((s) => s.kind !== 'DECREE' && s.acted !== null).map((s) => toDate((s.acted as NonNullable<StepState['acted']>).at));
  return acted.sort().at(-1) ?? toDate(c.approval.startedAt);
}

/** R-31's deadline from the decree date in working days, and an S-01 flag when it ran through a year with no calendar. */
function appointmentDeadline(command: IssueDecree, decreeDate: string): { date: string; flags: RuleOutcome[] } {
  const { policy, calendar } = command.metadata;
  const deadline = addWorkingDays(decreeDate, policy.appointmentWorkingDays.value, calendar);
  const flags =
    deadline.yearsWithoutCalendar.length === 0
      ? []
      : [
          outcome(
            'S-01',
            'FLAG',
            `tenggat R-31 ${deadline.date} dihitung berdasarkan hari Senin–Jumat saja: tidak ada kalender hari libur tercatat untuk ${deadline.yearsWithoutCalendar.join(', ')}`,
            'SKB 3 Menteri tentang hari libur nasional dan cuti bersama (belum diimpor)',
            { deadline: deadline.date, yearsWithoutCalendar: deadline.yearsWithoutCalendar },
          ),
        ];
  return { date: deadline.date, flags };
}

/** a regional head's decree is reported to Mendagri within the policy's working days. */
function replacementReport(command: IssueDecree, decreeDate: string): RuleOutcome[] {
  const { policy, calendar } = command.metadata;
  const rule = policy.replacementReport;
  if (!rule.value.enabled || !isRegional(command.context.targetAgency))
    return [outcome('R-33', 'PASS', 'tidak diperlukan laporan penggantian pejabat kepada Mendagri', rule.legalBasis, { regional: isRegional(command.context.targetAgency) })];
  const due = addWorkingDays(decreeDate, rule.value.workingDays, calendar);
  return [
    outcome('R-33', 'PASS', `kepala daerah melaporkan penggantian pejabat kepada Mendagri paling lambat ${due.date} (${rule.value.workingDays} hari kerja)`, rule.legalBasis, {
      reportDeadline: due.date,
      workingDays: rule.value.workingDays,
      yearsWithoutCalendar: due.yearsWithoutCalendar,
    }),
  ];
}

/** An SK number: plain letters, digits and the separators numbers use, so no invisible or look-alike character defeats M-07. */
const DECREE_NUMBER = /^[A-Za-z0-9](?:[A-Za-z0-9 ./()-]{0,118}[A-Za-z0-9.)])?$/;

/**
 * Stage 5: the route's signer (or a valid delegate, R-16) issues the decree. It must equal the approved proposal
 * (M-02), carry dates that cannot lie (M-06), and be signed by someone who took no other decision on the case;
 * the appointment is then due within 30 working days.
 */
export function issueDecree(command: IssueDecree, state: CaseState): DecreeIssued[] {
  const c = requireStatus(requireActive(state, command), command, 'IN_APPROVAL');
  const step = activeStep(c.approval);
  if (step?.kind !== 'DECREE') refuseEarlyDecree(c.approval.steps.filter((s) => s.status === 'ACTIVE' || s.status === 'WAITING'));
  const { data, metadata, context } = command;
  const { actor, now, policy } = metadata;
  const signer = c.approval.decreeSigner;
  const isSigner = actor.role === signer.role && actor.agencyId === signer.agencyId;
  if (!isSigner && data.delegationId === null)
    throw forbidden('NOT_DECREE_SIGNER', `SK ditandatangani oleh ${signer.role} ${signer.agencyId}, atau penerima delegasi yang menyebut pendelegasiannya`);
  const decreeDate = dateField('decreeDate', data.decreeDate);
  const effectiveDate = dateField('effectiveDate', data.effectiveDate);
  const documentSha256 = sha256Field('documentSha256', data.documentSha256);
  const decreeNumber = text(command, 'decreeNumber', data.decreeNumber);
  if (!DECREE_NUMBER.test(decreeNumber))
    throw invalid(
      'INVALID_DECREE_NUMBER',
      'decreeNumber',
      'decreeNumber hanya boleh berisi huruf A–Z, angka, spasi dan . / - ( ), diawali huruf atau angka (tanpa karakter tak terlihat atau yang mirip huruf lain)',
    );
  const deadline = appointmentDeadline(command, decreeDate);
  const outcomes = [
    m02DecreeMatchesProposal(
      { employeeNip: data.employeeNip, targetPositionId: data.targetPositionId },
      { employeeNip: c.proposal.candidate.nip, targetPositionId: c.proposal.targetPositionId },
    ),
    m06DecreeDates({ decreeDate, effectiveDate }, { lastApproval: lastApprovalDate(c), today: toDate(now) }, policy),
    r16Delegation(actor, signer, isSigner ? null : context.delegation, now),
    r06ConflictOfInterest(actor, c.proposal.candidate, c.decisions, 'DECREE'),
    r09TrainingBeforeTmt(c.training, policy),
    ...deadline.flags,
    ...replacementReport(command, decreeDate),
  ];
  throwIfBlocked(outcomes);
  return [
    emit<DecreeIssued>(
      command,
      c.caseId,
      'DecreeIssued.v1',
      {
        decreeNumber,
        decreeDate,
        effectiveDate,
        documentSha256,
        employeeNip: data.employeeNip,
        targetPositionId: data.targetPositionId,
        originPositionId: c.proposal.originPositionId,
        signer,
        delegationId: isSigner ? null : data.delegationId,
        appointmentDeadline: deadline.date,
      },
      outcomes,
    ),
  ];
}

/**
 * The receiving PPK's office records the appointment into the position, on a date between the TMT and today
 * (M-06), by someone who took no other decision on the case; evaluations are scheduled from TMT.
 */
export function recordAppointment(command: RecordAppointment, state: CaseState): AppointmentRecorded[] {
  const c = requireStatus(requireActive(state, command), command, 'DECREED');
  const { now, policy } = command.metadata;
  const appointedOn = dateField('appointedOn', command.data.appointedOn);
  const today = toDate(now);
  const tmt = c.decree.effectiveDate;
  const m06 =
    appointedOn < tmt
      ? outcome(
          'M-06',
          'BLOCK',
          `appointedOn ${appointedOn} lebih awal dari TMT SK ${tmt}: pelantikan berlaku pada atau setelah TMT`,
          'antiintervensi (M-06): tanggal yang tidak dapat dimanipulasi',
          { appointedOn, tmt, today },
          'RULE_M06_APPOINTMENT_DATE',
        )
      : appointedOn > today
        ? outcome(
            'M-06',
            'BLOCK',
            `appointedOn ${appointedOn} belum tiba (hari ini ${today})`,
            'antiintervensi (M-06): tanggal yang tidak dapat dimanipulasi',
            { appointedOn, tmt, today },
            'RULE_M06_APPOINTMENT_DATE',
          )
        : outcome('M-06', 'PASS', `dilantik pada ${appointedOn}, antara TMT ${tmt} dan hari ini`, 'antiintervensi (M-06): tanggal yang tidak dapat dimanipulasi', {
            appointedOn,
            tmt,
            today,
          });
  throwIfBlocked([m06]);
  const r06 = separationOfDuties(command, c, 'APPOINTMENT');
  const deadline = c.decree.appointmentDeadline;
  const basis = policy.appointmentWorkingDays;
  const r31 =
    appointedOn <= deadline
      ? outcome('R-31', 'PASS', `dilantik pada ${appointedOn}, dalam ${basis.value} hari kerja sejak SK`, basis.legalBasis, { appointedOn, deadline })
      : outcome('R-31', 'FLAG', `dilantik pada ${appointedOn}, setelah tenggat ${deadline} (${basis.value} hari kerja)`, basis.legalBasis, { appointedOn, deadline });
  const evaluationsDue = policy.evaluationMonths.value.map((months) => ({ periodMonths: months, dueOn: addMonths(tmt, months) }));
  return [
    emit<AppointmentRecorded>(command, c.caseId, 'AppointmentRecorded.v1', { appointedOn, reference: text(command, 'reference', command.data.reference), evaluationsDue }, [
      m06,
      r06,
      r31,
    ]),
  ];
}

/** Scheduler: no appointment within 30 working days of the decree; inspectors see a flag. */
export function flagAppointmentOverdue(command: FlagAppointmentOverdue, state: CaseState): AppointmentOverdue[] {
  const c = requireStatus(requireActive(state, command), command, 'DECREED');
  const deadline = c.decree.appointmentDeadline;
  if (c.decree.appointmentOverdue || !isPast(deadline, command.metadata.now)) throw new DomainError('CONFLICT', 'NOT_DUE', 'pelantikan belum melewati tenggat');
  const basis = command.metadata.policy.appointmentWorkingDays;
  const flag = outcome('R-31', 'FLAG', `belum ada pelantikan yang dicatat sampai ${deadline}, ${basis.value} hari kerja setelah SK`, basis.legalBasis, { deadline });
  return [emit<AppointmentOverdue>(command, c.caseId, 'AppointmentOverdue.v1', { appointmentDeadline: deadline }, [flag])];
}
