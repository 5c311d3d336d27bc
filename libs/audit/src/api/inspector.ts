import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DomainError } from '@mutasi/domain';
import { Principal } from '@mutasi/platform';

/** Audit is for INSPEKTUR and KEPALA_BKN (api.md, "Audit"). */
export function requireInspector(user: Principal): void {
  if (!user.roles.includes('INSPEKTUR') && !user.roles.includes('KEPALA_BKN')) throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'the audit trail is for INSPEKTUR and KEPALA_BKN');
}

/** OpenAPI for an audit route. */
export function AuditRoute(): ClassDecorator & MethodDecorator {
  return applyDecorators(ApiTags('audit'), ApiBearerAuth(), ApiUnauthorizedResponse({ description: 'no or invalid token' }), ApiForbiddenResponse({ description: 'not INSPEKTUR or KEPALA_BKN' }));
}
