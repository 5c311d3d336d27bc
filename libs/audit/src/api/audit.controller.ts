import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { ApiJson, CurrentUser, Principal } from '@mutasi/platform';
import { EventFilterDto, FlagFilterDto, RefusalFilterDto } from './audit-filters.dto';
import { AuditQueries } from './audit-queries';
import { AuditEventPage, AuditFlagPage, AuditRefusalPage, CaseTrail } from './audit.schema';
import { AuditRoute, inspectorAgencies } from './inspector';
import { ReadScopes } from '@mutasi/read-models';

@AuditRoute()
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly queries: AuditQueries,
    private readonly scopes: ReadScopes,
  ) {}

  @Get('cases/:caseId/trail')
  @ApiOperation({ operationId: 'getCaseAuditTrail', summary: 'Every event of a case in order: time, actor, role, agency, what, justification, rule outcomes, hash' })
  @ApiJson(200, CaseTrail, 'the trail of the case')
  @ApiNotFoundResponse({ description: 'no audit trail for this case' })
  async trail(@Param('caseId') caseId: string, @CurrentUser() user: Principal) {
    return this.queries.caseTrail(caseId, await inspectorAgencies(this.scopes, user));
  }

  @Get('events')
  @ApiOperation({ operationId: 'listAuditEvents', summary: 'The audit trail filtered by actor, agency, event type and time, 100 a page' })
  @ApiJson(200, AuditEventPage, 'one page of events, in log order')
  async events(@Query() filter: EventFilterDto, @CurrentUser() user: Principal) {
    return this.queries.events(filter, await inspectorAgencies(this.scopes, user));
  }

  @Get('flags')
  @ApiOperation({ operationId: 'listAuditFlags', summary: 'Interference flags (kind F rules, M-03 patterns, M-04 refusals) with the events that raised them' })
  @ApiJson(200, AuditFlagPage, 'one page of flags, in log order')
  async flags(@Query() filter: FlagFilterDto, @CurrentUser() user: Principal) {
    return this.queries.flags(filter, await inspectorAgencies(this.scopes, user));
  }

  @Get('refusals')
  @ApiOperation({ operationId: 'listAuditRefusals', summary: 'Refused commands (M-04): who tried what, and which permission or rule refused it' })
  @ApiJson(200, AuditRefusalPage, 'one page of refusals, in log order')
  async refusals(@Query() filter: RefusalFilterDto, @CurrentUser() user: Principal) {
    return this.queries.refusals(filter, await inspectorAgencies(this.scopes, user));
  }
}
