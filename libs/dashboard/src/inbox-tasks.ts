import { EntityManager } from 'typeorm';
import { IntegrationEvent } from '@mutasi/messaging';

/**
 * The work a case waits for besides its approval steps (those are `dashboard_steps`): what the inbox shows, per role
 * and agency, or per employee (NIP). Kept from integration events only, so the same rows come out of Kafka and of the
 * in-process feed, and a rebuild gives them back.
 */
export type TaskKind =
  | 'NEEDS_APPROVAL'
  | 'PROPOSAL'
  | 'REVISION'
  | 'NOTIFY_EMPLOYEE'
  | 'ACKNOWLEDGEMENT'
  | 'OBJECTION_DECISION'
  | 'SUBMISSION'
  | 'DOCUMENT_VERIFICATION'
  | 'APPOINTMENT'
  | 'EVALUATION'
  | 'TRAINING';

interface Task {
  readonly key: string;
  readonly kind: TaskKind;
  readonly role: string;
  readonly agencyId: string;
  readonly nip: string | null;
  readonly title: string;
  readonly deadline: string | null;
}

const TERMINAL = new Set(['COMPLETED', 'REJECTED', 'WITHDRAWN', 'REVOKED']);

const officials = (key: string, kind: TaskKind, roles: readonly string[], agencyId: string, title: string, deadline: string | null = null): Task[] =>
  roles.map((role) => ({ key, kind, role, agencyId, nip: null, title, deadline }));

/** The tasks a status hands out on entering it (the deadline comes with the event that entered it). */
function statusTasks(e: IntegrationEvent, candidateNip: string | null): Task[] {
  const target = e.case.targetAgencyId;
  const d = e.data as Record<string, string | undefined>;
  switch (e.case.status) {
    case 'NEEDS_ANALYSIS_SUBMITTED':
      return officials('status', 'NEEDS_APPROVAL', ['PPK', 'TIM_PENILAI_KINERJA'], target, 'Setujui analisis kebutuhan');
    case 'AWAITING_PROPOSAL':
      return officials('status', 'PROPOSAL', ['PENGUSUL'], target, 'Usulkan kandidat');
    case 'RETURNED_FOR_REVISION':
      return officials('status', 'REVISION', ['PENGUSUL'], target, 'Perbaiki usulan yang dikembalikan');
    case 'PROPOSED':
      return officials('status', 'NOTIFY_EMPLOYEE', ['PENGUSUL'], target, 'Beri tahu pegawai');
    case 'EMPLOYEE_NOTIFIED':
      return candidateNip
        ? [
            {
              key: 'status',
              kind: 'ACKNOWLEDGEMENT',
              role: 'PNS',
              agencyId: e.case.originAgencyId ?? target,
              nip: candidateNip,
              title: 'Terima usulan atau ajukan keberatan',
              deadline: d.objectionDeadline ?? null,
            },
          ]
        : [];
    case 'OBJECTION_RAISED':
      return officials('status', 'OBJECTION_DECISION', ['PPK'], target, 'Putuskan keberatan', d.decisionDeadline ?? null);
    case 'SOCIALISED':
      return officials('status', 'SUBMISSION', ['PENGUSUL'], target, 'Lengkapi dokumen dan ajukan untuk persetujuan');
    case 'DECREED':
      return officials('status', 'APPOINTMENT', ['PPK'], target, 'Catat pelantikan', d.appointmentDeadline ?? null);
    default:
      return [];
  }
}

async function insert(tx: EntityManager, caseId: string, tasks: readonly Task[]): Promise<void> {
  for (const t of tasks) {
    await tx.query(
      `INSERT INTO dashboard_tasks (case_id, task_key, kind, role, agency_id, nip, title, deadline) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (case_id, task_key, role) DO UPDATE SET kind = excluded.kind, agency_id = excluded.agency_id, nip = excluded.nip, title = excluded.title, deadline = excluded.deadline`,
      [caseId, t.key, t.kind, t.role, t.agencyId, t.nip, t.title, t.deadline],
    );
  }
}

const remove = (tx: EntityManager, caseId: string, key: string) => tx.query('DELETE FROM dashboard_tasks WHERE case_id = $1 AND task_key = $2', [caseId, key]);

/** Applies one integration event to the case's tasks; `previousStatus` is null for the case's first event. */
export async function applyToTasks(tx: EntityManager, e: IntegrationEvent, previousStatus: string | null, candidateNip: string | null): Promise<void> {
  if (TERMINAL.has(e.case.status)) {
    await tx.query('DELETE FROM dashboard_tasks WHERE case_id = $1', [e.caseId]);
    return;
  }
  if (previousStatus !== e.case.status) {
    await remove(tx, e.caseId, 'status');
    await insert(tx, e.caseId, statusTasks(e, candidateNip));
  }
  const d = e.data as Record<string, unknown>;
  const target = e.case.targetAgencyId;
  switch (e.type) {
    case 'mutasi.transfer.DocumentAttached.v1':
      return insert(tx, e.caseId, officials(`document:${String(d.documentId)}`, 'DOCUMENT_VERIFICATION', ['VERIFIKATOR'], target, 'Verifikasi dokumen'));
    case 'mutasi.transfer.DocumentVerified.v1':
      return void (await remove(tx, e.caseId, `document:${String(d.documentId)}`));
    case 'mutasi.transfer.EvaluationDue.v1':
      return insert(
        tx,
        e.caseId,
        officials(`evaluation:${String(d.periodMonths)}`, 'EVALUATION', ['PPK', 'TIM_PENILAI_KINERJA'], target, `Catat evaluasi ${String(d.periodMonths)} bulan`, String(d.dueOn)),
      );
    case 'mutasi.transfer.EvaluationRecorded.v1':
      return void (await remove(tx, e.caseId, `evaluation:${String(d.periodMonths)}`));
    default:
      break;
  }
  if (e.type.startsWith('mutasi.transfer.Training')) {
    const plan = d.plan as { items: number; completed: number; waived: number; overdue: number };
    if (plan.items - plan.completed - plan.waived <= 0) return void (await remove(tx, e.caseId, 'training'));
    const due = e.type.endsWith('TrainingItemOverdue.v1') ? String(d.dueBy) : null;
    const title = plan.overdue > 0 ? `Pelatihan: ${plan.overdue} butir lewat tenggat` : 'Pelatihan pegawai belum selesai';
    await insert(tx, e.caseId, officials('training', 'TRAINING', ['PENGUSUL', 'PPK'], target, title, due));
  }
}
