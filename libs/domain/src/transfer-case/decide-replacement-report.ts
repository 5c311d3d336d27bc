import { isPast, toDate } from '../shared/dates';
import { DomainError, invalid } from '../shared/errors';
import { outcome, throwIfBlocked } from '../rules/outcome';
import { FlagReplacementReportOverdue, ReportReplacement } from './commands';
import { dateField, emit, requireActive, requireStatus, text } from './decide-support';
import { ReplacementReported, ReplacementReportOverdue } from './events';
import { CaseState } from './state';

/**
 * the regional head's office records that the replacement was reported to Mendagri, on a date between the
 * decree and today; a report after the deadline is flagged.
 */
export function reportReplacement(command: ReportReplacement, state: CaseState): ReplacementReported[] {
  const c = requireStatus(requireActive(state, command), command, 'DECREED', 'APPOINTED');
  const report = c.decree.replacementReport;
  if (report === null)
    throw new DomainError(
      'CONFLICT',
      'NO_REPLACEMENT_REPORT',
      'mutasi ini tidak memerlukan laporan penggantian pejabat kepada Mendagri (bukan SK kepala daerah, atau kebijakan tidak memintanya)',
    );
  if (report.reportedOn !== null)
    throw new DomainError('CONFLICT', 'REPLACEMENT_ALREADY_REPORTED', `penggantian pejabat sudah dilaporkan pada ${report.reportedOn} (${String(report.reference)})`);
  const reportedOn = dateField('reportedOn', command.data.reportedOn);
  const today = toDate(command.metadata.now);
  if (reportedOn < c.decree.decreeDate || reportedOn > today)
    throw invalid('INVALID_DATE', 'reportedOn', `reportedOn harus di antara tanggal SK ${c.decree.decreeDate} dan hari ini ${today}`);
  const basis = command.metadata.policy.replacementReport.legalBasis;
  const r33 =
    reportedOn <= report.deadline
      ? outcome('R-33', 'PASS', `penggantian pejabat dilaporkan kepada Mendagri pada ${reportedOn}, sebelum tenggat ${report.deadline}`, basis, {
          reportedOn,
          deadline: report.deadline,
        })
      : outcome('R-33', 'FLAG', `penggantian pejabat dilaporkan kepada Mendagri pada ${reportedOn}, setelah tenggat ${report.deadline}`, basis, {
          reportedOn,
          deadline: report.deadline,
        });
  throwIfBlocked([r33]);
  return [
    emit<ReplacementReported>(
      command,
      c.caseId,
      'ReplacementReported.v1',
      { reference: text(command, 'reference', command.data.reference), reportedOn, deadline: report.deadline },
      [r33],
    ),
  ];
}

/** Scheduler: the replacement was not reported to Mendagri by the deadline; inspectors see a flag. */
export function flagReplacementReportOverdue(command: FlagReplacementReportOverdue, state: CaseState): ReplacementReportOverdue[] {
  const c = requireStatus(requireActive(state, command), command, 'DECREED', 'APPOINTED');
  const report = c.decree.replacementReport;
  if (report === null || report.reportedOn !== null || report.overdue || !isPast(report.deadline, command.metadata.now))
    throw new DomainError('CONFLICT', 'NOT_DUE', 'tidak ada laporan penggantian pejabat yang melewati tenggat');
  const flag = outcome('R-33', 'FLAG', `penggantian pejabat tidak dilaporkan kepada Mendagri sampai ${report.deadline}`, command.metadata.policy.replacementReport.legalBasis, {
    deadline: report.deadline,
  });
  return [emit<ReplacementReportOverdue>(command, c.caseId, 'ReplacementReportOverdue.v1', { deadline: report.deadline }, [flag])];
}
