import { forbidden } from '../shared/errors';
import { Actor, Role } from '../reference/roles';
import { TransferCommand, TransferCommandType } from './commands';
import { covers, ReadScope } from '../access/read-scope';
import { CaseState, innerCase } from './state';

/**
 * Which agency an actor must belong to: the receiving (target) agency, either agency of the move, the candidate
 * themself, or whoever the case names for the step or decree (checked where the step is known).
 */
export type Scope = 'TARGET' | 'EITHER' | 'CANDIDATE' | 'STEP' | 'SIGNER' | 'ANY';

export interface Permission {
  readonly roles: readonly Role[] | 'STEP_ROLE';
  readonly scope: Scope;
}

/** The "who" column of docs/api.md, per command. */
export const PERMISSIONS: Readonly<Record<TransferCommandType, Permission>> = {
  OpenTransferCase: { roles: ['PENGUSUL'], scope: 'TARGET' },
  ApproveNeedsAnalysis: { roles: ['PPK', 'TIM_PENILAI_KINERJA'], scope: 'TARGET' },
  ProposeCandidate: { roles: ['PENGUSUL'], scope: 'TARGET' },
  ReviseProposal: { roles: ['PENGUSUL'], scope: 'TARGET' },
  NotifyEmployee: { roles: ['PENGUSUL'], scope: 'EITHER' },
  AcknowledgeTransfer: { roles: ['PNS'], scope: 'CANDIDATE' },
  RaiseObjection: { roles: ['PNS'], scope: 'CANDIDATE' },
  ResolveObjection: { roles: ['PPK'], scope: 'TARGET' },
  // The employee attaches only their own written application, on their own case: see attachDocument.
  AttachDocument: { roles: ['PENGUSUL', 'PNS'], scope: 'EITHER' },
  VerifyDocument: { roles: ['VERIFIKATOR'], scope: 'TARGET' },
  SubmitForApproval: { roles: ['PENGUSUL'], scope: 'TARGET' },
  ApproveStep: { roles: 'STEP_ROLE', scope: 'STEP' },
  RejectStep: { roles: 'STEP_ROLE', scope: 'STEP' },
  ReturnForRevision: { roles: 'STEP_ROLE', scope: 'STEP' },
  IssueDecree: { roles: 'STEP_ROLE', scope: 'SIGNER' },
  RecordAppointment: { roles: ['PPK'], scope: 'TARGET' },
  RecordEvaluation: { roles: ['PENGUSUL', 'PPK', 'TIM_PENILAI_KINERJA'], scope: 'TARGET' },
  CloseCase: { roles: ['PPK'], scope: 'TARGET' },
  WithdrawTransfer: { roles: ['PENGUSUL', 'PPK'], scope: 'TARGET' },
  FreezeCase: { roles: ['KEPALA_BKN'], scope: 'ANY' },
  UnfreezeCase: { roles: ['KEPALA_BKN'], scope: 'ANY' },
  RevokeDecree: { roles: ['KEPALA_BKN'], scope: 'ANY' },
  EscalateOverdueStep: { roles: ['SYSTEM'], scope: 'ANY' },
  CloseObjectionWindow: { roles: ['SYSTEM'], scope: 'ANY' },
  FlagObjectionDecisionOverdue: { roles: ['SYSTEM'], scope: 'ANY' },
  FlagAppointmentOverdue: { roles: ['SYSTEM'], scope: 'ANY' },
  AnnounceEvaluationDue: { roles: ['SYSTEM'], scope: 'ANY' },
  ReportReplacement: { roles: ['PPK'], scope: 'TARGET' },
  FlagReplacementReportOverdue: { roles: ['SYSTEM'], scope: 'ANY' },
  AdjustTrainingPlan: { roles: ['PPK'], scope: 'TARGET' },
  CompleteTrainingItem: { roles: ['PENGUSUL', 'VERIFIKATOR'], scope: 'EITHER' },
  WaiveTrainingItem: { roles: ['PPK'], scope: 'TARGET' },
  FlagTrainingItemOverdue: { roles: ['SYSTEM'], scope: 'ANY' },
};

const STEP_ROLES: readonly Role[] = ['VERIFIKATOR', 'TIM_PENILAI_KINERJA', 'PPK', 'GUBERNUR', 'MENDAGRI', 'KANREG_BKN', 'KEPALA_BKN'];

/** The roles that may attempt a command at all (for STEP commands: any role an approval step can name). */
export function rolesFor(type: TransferCommandType): readonly Role[] {
  const roles = PERMISSIONS[type].roles;
  return roles === 'STEP_ROLE' ? STEP_ROLES : roles;
}

/**
 * Who tries which command: all that {@link authorize} judges. The case names the agencies, except when a case is
 * opened: then the agency it is opened in (missing: refused like a wrong agency).
 */
export interface CommandAttempt {
  readonly type: TransferCommandType;
  readonly actor: Actor;
  readonly openedIn?: string;
}

function agenciesOf(state: CaseState, command: CommandAttempt): { target: string | null | undefined; origin: string | null } {
  if (command.type === 'OpenTransferCase') return { target: command.openedIn, origin: null };
  const c = innerCase(state);
  return { target: c?.targetAgencyId ?? null, origin: c?.proposal?.originAgencyId ?? null };
}

/**
 * Refuses (403) a command whose actor has the wrong role or belongs to the wrong agency. Step and decree actors
 * are checked against the chain by `decide`, which knows the step.
 */
export function authorize(command: TransferCommand, state: CaseState): void {
  authorizeAttempt({ type: command.type, actor: command.metadata.actor, ...(command.type === 'OpenTransferCase' ? { openedIn: command.data.targetAgencyId } : {}) }, state);
}

/** {@link authorize} before the command is built: whether this actor may try this command on the case at all. */
export function authorizeAttempt(command: CommandAttempt, state: CaseState): void {
  const { actor } = command;
  const permission = PERMISSIONS[command.type];
  if (!rolesFor(command.type).includes(actor.role)) {
    throw forbidden('ROLE_NOT_ALLOWED', `${actor.role} tidak berwenang menjalankan ${command.type}; yang berwenang: ${rolesFor(command.type).join(', ')}`);
  }
  const { target, origin } = agenciesOf(state, command);
  switch (permission.scope) {
    case 'TARGET':
      if (target !== null && actor.agencyId !== target)
        throw forbidden('AGENCY_NOT_ALLOWED', `${command.type} menjadi wewenang instansi penerima ${target}; ${actor.userId} berasal dari ${actor.agencyId}`);
      return;
    case 'EITHER':
      if (target !== null && actor.agencyId !== target && actor.agencyId !== origin) {
        throw forbidden(
          'AGENCY_NOT_ALLOWED',
          `${command.type} menjadi wewenang instansi yang terlibat dalam mutasi (${[target, origin].filter(Boolean).join(', ')}); ${actor.userId} berasal dari ${actor.agencyId}`,
        );
      }
      return;
    case 'CANDIDATE': {
      const nip = innerCase(state)?.proposal?.candidate.nip;
      if (nip !== undefined && actor.nip !== nip) throw forbidden('NOT_THE_EMPLOYEE', `hanya pegawai yang dimutasi (NIP ${nip}) yang dapat menjalankan ${command.type}`);
      return;
    }
    case 'STEP':
    case 'SIGNER':
    case 'ANY':
      return;
  }
}

/** The agencies a case involves: receiving, releasing, every agency named by a step of any chain, the decree signer's. */
export function involvedAgencies(state: CaseState): string[] {
  const c = innerCase(state);
  if (c === null) return [];
  const involved = new Set<string>([c.targetAgencyId]);
  if (c.proposal) involved.add(c.proposal.originAgencyId);
  for (const chain of [c.approval, ...c.pastChains]) {
    chain?.steps.forEach((s) => involved.add(s.agencyId));
    if (chain) involved.add(chain.decreeSigner.agencyId);
  }
  return [...involved];
}

/** Read scope of a case (docs/access.md): within the reader's case scope, or the reader's own case. */
export function canViewCase(scope: ReadScope, state: CaseState): boolean {
  const c = innerCase(state);
  if (c === null) return false;
  if (scope.ownNip !== null && c.proposal?.candidate.nip === scope.ownNip) return true;
  return covers(scope.cases, involvedAgencies(state));
}
