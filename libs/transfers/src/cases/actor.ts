import { activeStep, Actor, CaseState, innerCase, rolesFor, TransferCommandType } from '@mutasi/domain';
import { Principal } from '@mutasi/platform';

/**
 * The actor stamped on a command's events: who the token says, acting in the first of their roles the command
 * allows (or their first role, which the domain then refuses with 403).
 */
export function actorFor(principal: Principal, command: TransferCommandType): Actor {
  const allowed = rolesFor(command);
  const role = principal.roles.find((r) => allowed.includes(r)) ?? principal.roles[0];
  if (role === undefined) throw new Error('a principal always has a role');
  return { userId: principal.userId, name: principal.name, role, agencyId: principal.agencyId, ...(principal.nip ? { nip: principal.nip } : {}) };
}

const STEP_COMMANDS: readonly TransferCommandType[] = ['ApproveStep', 'RejectStep', 'ReturnForRevision', 'IssueDecree'];

/**
 * The actor of a command on this case: for a step or the decree, the reader's role that holds that office (a person
 * with several roles acts in the one the step names, as the action panel offers it); otherwise {@link actorFor}.
 */
export function actorOnCase(principal: Principal, command: TransferCommandType, state: CaseState, body: unknown): Actor {
  const base = actorFor(principal, command);
  if (!STEP_COMMANDS.includes(command)) return base;
  const approval = innerCase(state)?.approval ?? null;
  const stepId = (body as { stepId?: unknown } | null)?.stepId;
  const office = command === 'IssueDecree' ? approval?.decreeSigner : (approval?.steps.find((s) => s.stepId === stepId) ?? activeStep(approval));
  const role = office && office.agencyId === principal.agencyId ? principal.roles.find((r) => r === office.role) : undefined;
  return role ? { ...base, role } : base;
}
