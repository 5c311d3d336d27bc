import { Actor, rolesFor, TransferCommandType } from '@mutasi/domain';
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
