import { ActiveCase, activeStep, CaseState, HumanRole, innerCase, IsoDate, TransferEvent } from '@mutasi/domain';
import { sentence, STEP_NAMES, tanggal } from './wording';

/** Who a notice is for: the holders of an office (a role in an agency), or the employee the case moves (by NIP). */
export type Audience = { readonly kind: 'OFFICE'; readonly role: HumanRole; readonly agencyId: string } | { readonly kind: 'EMPLOYEE'; readonly nip: string };

/** TASK: new work for the reader; DEADLINE: a deadline passed (R-30 and the other timers); INFO: news of the reader's own case. */
export type NoticeKind = 'TASK' | 'DEADLINE' | 'INFO';

/** What one event tells whom, before it is addressed to persons (docs/notifications.md). */
export interface Notice {
  readonly audience: readonly Audience[];
  readonly kind: NoticeKind;
  /** What it is about, stable for clients: `STEP`, `ESCALATION`, `PROPOSED`, … */
  readonly topic: string;
  readonly title: string;
  readonly body: string;
  readonly deadline: IsoDate | null;
}

const office = (role: HumanRole, agencyId: string): Audience => ({ kind: 'OFFICE', role, agencyId });
const notice = (kind: NoticeKind, topic: string, audience: readonly Audience[], title: string, body: string, deadline: IsoDate | null = null): Notice => ({
  audience,
  kind,
  topic,
  title,
  body,
  deadline,
});
const by = (deadline: IsoDate | null): string => (deadline ? ` paling lambat ${tanggal(deadline)}` : '');

/** "mutasi Sari Dewi ke jabatan Auditor Ahli Pertama" (before a proposal: "kebutuhan jabatan …"). */
function about(c: ActiveCase): string {
  return c.proposal ? `mutasi ${c.proposal.candidate.name} ke jabatan ${c.targetPosition.title}` : `kebutuhan jabatan ${c.targetPosition.title}`;
}

function employee(c: ActiveCase): Audience[] {
  return c.proposal ? [{ kind: 'EMPLOYEE', nip: c.proposal.candidate.nip }] : [];
}

/** The work a status hands out on entering it (the same offices the dashboard inbox shows it to). */
function onEntering(c: ActiveCase): Notice[] {
  const target = c.targetAgencyId;
  const position = c.targetPosition.title;
  switch (c.status) {
    case 'NEEDS_ANALYSIS_SUBMITTED':
      return [
        notice(
          'TASK',
          'NEEDS_APPROVAL',
          [office('PPK', target), office('TIM_PENILAI_KINERJA', target)],
          'Tugas baru: setujui analisis kebutuhan',
          `Analisis ${about(c)} menunggu persetujuan.`,
        ),
      ];
    case 'AWAITING_PROPOSAL':
      return [
        notice(
          'TASK',
          'PROPOSAL',
          [office('PENGUSUL', target)],
          'Tugas baru: usulkan kandidat',
          `Analisis ${about(c)} telah disetujui. Usulkan kandidat yang paling memenuhi syarat.`,
        ),
      ];
    case 'RETURNED_FOR_REVISION':
      return [notice('TASK', 'REVISION', [office('PENGUSUL', target)], 'Tugas baru: perbaiki usulan yang dikembalikan', `Usulan ${about(c)} dikembalikan untuk diperbaiki.`)];
    case 'PROPOSED':
      return [
        notice(
          'INFO',
          'PROPOSED',
          employee(c),
          'Anda diusulkan untuk mutasi',
          `Anda diusulkan untuk mutasi ke jabatan ${position}. Pemberitahuan resmi dan batas waktu tanggapan akan menyusul.`,
        ),
        notice(
          'TASK',
          'NOTIFY_EMPLOYEE',
          [office('PENGUSUL', target)],
          'Tugas baru: beri tahu pegawai',
          `${sentence(about(c))} telah diusulkan. Sampaikan pemberitahuan kepada pegawai.`,
        ),
      ];
    case 'EMPLOYEE_NOTIFIED':
      return [
        notice(
          'TASK',
          'ACKNOWLEDGEMENT',
          employee(c),
          'Tanggapi usulan mutasi Anda',
          `Anda diusulkan untuk mutasi ke jabatan ${position}. Terima usulan atau ajukan keberatan${by(c.socialisation.objectionDeadline)}.`,
          c.socialisation.objectionDeadline,
        ),
      ];
    case 'OBJECTION_RAISED': {
      const deadline = c.socialisation.objection?.decisionDeadline ?? null;
      return [
        notice(
          'TASK',
          'OBJECTION_DECISION',
          [office('PPK', target)],
          'Tugas baru: putuskan keberatan pegawai',
          `Pegawai mengajukan keberatan atas usulan ${about(c)}. Putuskan keberatan${by(deadline)}.`,
          deadline,
        ),
      ];
    }
    case 'SOCIALISED':
      return [
        notice(
          'TASK',
          'SUBMISSION',
          [office('PENGUSUL', target)],
          'Tugas baru: lengkapi dokumen dan ajukan persetujuan',
          `Sosialisasi ${about(c)} selesai. Lengkapi dokumen dan ajukan untuk persetujuan.`,
        ),
      ];
    case 'DECREED':
      return [
        notice(
          'INFO',
          'DECREE_ISSUED',
          employee(c),
          'SK mutasi Anda telah terbit',
          `SK mutasi Anda ke jabatan ${position} telah terbit dengan TMT ${tanggal(c.decree.effectiveDate)}.`,
        ),
        notice(
          'TASK',
          'APPOINTMENT',
          [office('PPK', target)],
          'Tugas baru: catat pelantikan',
          `SK ${about(c)} telah terbit. Catat pelantikan${by(c.decree.appointmentDeadline)}.`,
          c.decree.appointmentDeadline,
        ),
      ];
    case 'IN_APPROVAL': // each step's holders hear of it when it becomes active (below)
    case 'APPOINTED': // evaluations are announced when due (EvaluationDue)
      return [];
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}

const ENDINGS: Readonly<Record<'COMPLETED' | 'REJECTED' | 'WITHDRAWN' | 'REVOKED', [title: string, body: string]>> = {
  COMPLETED: ['Kasus mutasi Anda selesai', 'Kasus mutasi Anda ke jabatan {position} telah selesai.'],
  REJECTED: ['Usulan mutasi Anda ditolak', 'Usulan mutasi Anda ke jabatan {position} ditolak dalam tahap persetujuan.'],
  WITHDRAWN: ['Usulan mutasi Anda ditarik', 'Usulan mutasi Anda ke jabatan {position} ditarik oleh instansi.'],
  REVOKED: ['SK mutasi Anda dicabut', 'SK mutasi Anda ke jabatan {position} dicabut oleh BKN.'],
};

/** What an event itself announces (tasks and deadlines that are not a change of status). */
function announced(event: TransferEvent, c: ActiveCase): Notice[] {
  const target = c.targetAgencyId;
  switch (event.type) {
    case 'ApprovalChainStarted.v1':
    case 'ApprovalStepGranted.v1': {
      const step = activeStep(c.approval);
      if (!step) return [];
      const name = STEP_NAMES[step.kind];
      return [notice('TASK', 'STEP', [office(step.role, step.agencyId)], `Tugas baru: ${name}`, `${sentence(about(c))} menunggu ${name}${by(step.deadline)}.`, step.deadline)];
    }
    case 'ApprovalStepEscalated.v1': {
      const step = c.approval?.steps.find((s) => s.stepId === event.data.stepId);
      if (!step) return [];
      const name = STEP_NAMES[step.kind];
      // the office that holds the step, and the PPK over it, hear that it is overdue.
      return [
        notice(
          'DEADLINE',
          'ESCALATION',
          [office(step.role, step.agencyId), office('PPK', step.agencyId)],
          `Tenggat terlewati: ${name}`,
          `${sentence(name)} untuk ${about(c)} melewati tenggat ${tanggal(event.data.deadline)} (eskalasi ke-${String(event.data.escalation)}, R-30). Mohon segera ditindaklanjuti.`,
          event.data.deadline,
        ),
      ];
    }
    case 'ObjectionResolved.v1':
      return [
        notice(
          'INFO',
          'OBJECTION_RESOLVED',
          employee(c),
          'Keberatan Anda telah diputuskan',
          `Keberatan Anda atas usulan mutasi ke jabatan ${c.targetPosition.title} ${event.data.outcome === 'UPHELD' ? 'diterima' : 'ditolak'}.`,
        ),
      ];
    case 'DocumentAttached.v2':
      return [
        notice(
          'TASK',
          'DOCUMENT_VERIFICATION',
          [office('VERIFIKATOR', target)],
          'Tugas baru: verifikasi dokumen',
          `Dokumen "${event.data.title}" untuk ${about(c)} menunggu verifikasi.`,
        ),
      ];
    case 'ObjectionDecisionOverdue.v1':
      return [
        notice(
          'DEADLINE',
          'OBJECTION_DECISION_OVERDUE',
          [office('PPK', target)],
          'Tenggat terlewati: putusan keberatan',
          `Keberatan atas usulan ${about(c)} belum diputuskan sampai ${tanggal(event.data.decisionDeadline)} (R-32).`,
          event.data.decisionDeadline,
        ),
      ];
    case 'AppointmentOverdue.v1':
      return [
        notice(
          'DEADLINE',
          'APPOINTMENT_OVERDUE',
          [office('PPK', target)],
          'Tenggat terlewati: pelantikan',
          `Pelantikan untuk ${about(c)} belum dicatat sampai ${tanggal(event.data.appointmentDeadline)} (R-31).`,
          event.data.appointmentDeadline,
        ),
      ];
    case 'ReplacementReportOverdue.v1':
      return [
        notice(
          'DEADLINE',
          'REPLACEMENT_REPORT_OVERDUE',
          [office('PPK', target)],
          'Tenggat terlewati: laporan kepada Mendagri',
          `Laporan penggantian pejabat untuk ${about(c)} belum disampaikan kepada Mendagri sampai ${tanggal(event.data.deadline)} (R-33).`,
          event.data.deadline,
        ),
      ];
    case 'EvaluationDue.v1':
      return [
        notice(
          'TASK',
          'EVALUATION',
          [office('PPK', target), office('TIM_PENILAI_KINERJA', target)],
          `Tugas baru: catat evaluasi ${String(event.data.periodMonths)} bulan`,
          `Evaluasi ${String(event.data.periodMonths)} bulan setelah ${about(c)} jatuh tempo ${tanggal(event.data.dueOn)}.`,
          event.data.dueOn,
        ),
      ];
    case 'TrainingItemOverdue.v1':
      return [
        notice(
          'DEADLINE',
          'TRAINING_OVERDUE',
          [office('PENGUSUL', target), office('PPK', target)],
          'Tenggat terlewati: pelatihan pegawai',
          `Butir pelatihan ${event.data.itemId} untuk ${about(c)} melewati tenggat ${tanggal(event.data.dueBy)} (R-09).`,
          event.data.dueBy,
        ),
        notice(
          'DEADLINE',
          'TRAINING_OVERDUE',
          employee(c),
          'Pelatihan Anda melewati tenggat',
          `Butir pelatihan ${event.data.itemId} untuk mutasi Anda ke jabatan ${c.targetPosition.title} melewati tenggat ${tanggal(event.data.dueBy)}.`,
          event.data.dueBy,
        ),
      ];
    default:
      return [];
  }
}

/**
 * The notices one event gives, judged on the case before and after it: the work a new status hands out, the step that
 * became active, the deadlines that passed, and news of the employee's own case. Pure, so replay gives the same.
 * A freeze and an unfreeze hand out nothing: the work waiting before is the work waiting after.
 */
export function noticesFor(event: TransferEvent, before: CaseState, after: CaseState): Notice[] {
  const c = innerCase(after);
  if (c === null) return [];
  const notices: Notice[] = [];
  const active = after.status !== 'FROZEN' && !('case' in after);
  if (active && before.status !== 'FROZEN' && before.status !== after.status) notices.push(...onEntering(c));
  if (active) notices.push(...announced(event, c));
  if (after.status in ENDINGS && before.status !== after.status) {
    const [title, body] = ENDINGS[after.status as keyof typeof ENDINGS];
    notices.push(notice('INFO', 'CASE_ENDED', employee(c), title, body.replace('{position}', c.targetPosition.title)));
  }
  return notices.filter((n) => n.audience.length > 0);
}
