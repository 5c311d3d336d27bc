import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DomainError } from '@mutasi/domain';
import { Principal } from '@mutasi/platform';
import { ReadScopes } from '@mutasi/read-models';

/** Audit is for INSPEKTUR and KEPALA_BKN (docs/api.md, "Audit"). */
export function requireInspector(user: Principal): void {
  if (!user.roles.includes('INSPEKTUR') && !user.roles.includes('KEPALA_BKN'))
    throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'jejak audit hanya untuk INSPEKTUR dan KEPALA_BKN');
}

/** OpenAPI for an audit route. */
export function AuditRoute(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiTags('audit'),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no or invalid token' }),
    ApiForbiddenResponse({ description: 'not INSPEKTUR or KEPALA_BKN' }),
  );
}

/**
 * The agencies an inspector's audit queries are limited to (docs/access.md): null for the national oversight body and
 * BKN (everything), the province's or the agency's own otherwise.
 */
export async function inspectorAgencies(scopes: ReadScopes, user: Principal): Promise<readonly string[] | null> {
  requireInspector(user);
  const scope = (await scopes.of(user)).cases;
  if (scope.kind === 'ALL') return null;
  if (scope.kind === 'NONE') throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'jejak audit hanya untuk INSPEKTUR dan KEPALA_BKN');
  return scope.agencyIds;
}
