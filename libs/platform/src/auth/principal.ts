import { HumanRole, isRole } from '@mutasi/domain';

/** The signed-in user, from a verified token: never from a request body. */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly agencyId: string;
  readonly roles: readonly HumanRole[];
  readonly nip?: string;
}

/** Sign-in failed: no token, a bad signature, a wrong issuer or audience, an expired token, or missing claims. */
export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED';
}

/** The principal a token's claims describe, or an AuthenticationError naming the claim that is wrong. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const { sub, name, agencyId, roles, nip } = claims;
  if (typeof sub !== 'string' || sub === '') throw new AuthenticationError('the token has no subject (sub)');
  if (typeof agencyId !== 'string' || agencyId === '') throw new AuthenticationError('the token has no agencyId claim');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) throw new AuthenticationError('the token must carry roles from the list of docs/domain.md §1');
  if (nip !== undefined && typeof nip !== 'string') throw new AuthenticationError('the nip claim must be text');
  return { userId: sub, name: typeof name === 'string' ? name : sub, agencyId, roles, ...(typeof nip === 'string' ? { nip } : {}) };
}
