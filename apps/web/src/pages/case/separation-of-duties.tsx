import { CaseView } from '../../api/types';
import { SessionUser } from '../../auth/session';
import { label, ROLES, TASK_KINDS } from '../../i18n/labels';

/** "STEP:PERTEK:KEPALA_BKN@bkn" → "STEP": the decision kind an earlier decision was taken as. */
const decisionKind = (role: string): string => role.split(':')[0] ?? role;

/**
 * Why a holder of the office the case waits on is offered nothing: they took another decision on the case already,
 * and R-06 lets one person take at most one decision role in a case. Shown only then; the server decides every command.
 */
export function separationOfDutiesNotice(view: CaseView, user: SessionUser | undefined): string | null {
  if (!user || view.actions.some((a) => a.stepId !== undefined || a.command === 'IssueDecree')) return null;
  const active = view.approvalChain.find((s) => s.status === 'ACTIVE');
  if (!active || active.agencyId !== user.agencyId || !user.roles.includes(active.role)) return null;
  const earlier = view.decisions.find((d) => d.userId === user.userId);
  if (!earlier) return null;
  return (
    `Langkah ini menunggu ${label(ROLES, active.role)} ${active.agencyId}, tetapi Anda sudah mengambil keputusan pada kasus ini ` +
    `(${label(TASK_KINDS, decisionKind(earlier.role))}). Satu orang paling banyak memegang satu peran keputusan dalam satu kasus ` +
    '(R-06, pemisahan tugas), sehingga langkah ini dikerjakan oleh pejabat lain yang memegang jabatan ini.'
  );
}
