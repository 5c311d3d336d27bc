import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@mutasi/platform';
import { EventFilterDto, FlagFilterDto, RefusalFilterDto } from './audit-filters.dto';
import { AuditQueries } from './audit-queries';
import { AuditRoute, inspectorAgencies } from './inspector';
import { ReadScopes } from '@mutasi/read-models';

@AuditRoute()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly queries: AuditQueries, private readonly scopes: ReadScopes) {}

  @Get('cases/:caseId/trail')
  @ApiOperation({ summary: 'Every event of a case in order: time, actor, role, agency, what, justification, rule outcomes, hash' })
  @ApiOkResponse({ description: '`{caseId, events: [...]}`' })
  async trail(@Param('caseId') caseId: string, @CurrentUser() user: Principal) {
    return this.queries.caseTrail(caseId, await inspectorAgencies(this.scopes, user));
  }

  @Get('events')
  @ApiOperation({ summary: 'The audit trail filtered by actor, agency, event type and time, 100 a page' })
  @ApiOkResponse({ description: '`{items, nextCursor}`' })
  async events(@Query() filter: EventFilterDto, @CurrentUser() user: Principal) {
    return this.queries.events(filter, await inspectorAgencies(this.scopes, user));
  }

  @Get('flags')
  @ApiOperation({ summary: 'Interference flags (kind F rules, M-03 patterns, M-04 refusals) with the events that raised them' })
  @ApiOkResponse({ description: '`{items: [{flagId, ruleId, pattern, caseId, agencyId, actorId, raisedAt, reason, eventIds, details}], nextCursor}`' })
  async flags(@Query() filter: FlagFilterDto, @CurrentUser() user: Principal) {
    return this.queries.flags(filter, await inspectorAgencies(this.scopes, user));
  }

  @Get('refusals')
  @ApiOperation({ summary: 'Refused commands (M-04): who tried what, and which permission or rule refused it' })
  @ApiOkResponse({ description: '`{items, nextCursor}`' })
  async refusals(@Query() filter: RefusalFilterDto, @CurrentUser() user: Principal) {
    return this.queries.refusals(filter, await inspectorAgencies(this.scopes, user));
  }
}
