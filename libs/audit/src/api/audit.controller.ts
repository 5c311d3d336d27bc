import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@mutasi/platform';
import { EventFilterDto, FlagFilterDto, RefusalFilterDto } from './audit-filters.dto';
import { AuditQueries } from './audit-queries';
import { AuditRoute, requireInspector } from './inspector';

@AuditRoute()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly queries: AuditQueries) {}

  @Get('cases/:caseId/trail')
  @ApiOperation({ summary: 'Every event of a case in order: time, actor, role, agency, what, justification, rule outcomes, hash' })
  @ApiOkResponse({ description: '`{caseId, events: [...]}`' })
  trail(@Param('caseId') caseId: string, @CurrentUser() user: Principal) {
    requireInspector(user);
    return this.queries.caseTrail(caseId);
  }

  @Get('events')
  @ApiOperation({ summary: 'The audit trail filtered by actor, agency, event type and time, 100 a page' })
  @ApiOkResponse({ description: '`{items, nextCursor}`' })
  events(@Query() filter: EventFilterDto, @CurrentUser() user: Principal) {
    requireInspector(user);
    return this.queries.events(filter);
  }

  @Get('flags')
  @ApiOperation({ summary: 'Interference flags (kind F rules, M-03 patterns, M-04 refusals) with the events that raised them' })
  @ApiOkResponse({ description: '`{items: [{flagId, ruleId, pattern, caseId, agencyId, actorId, raisedAt, reason, eventIds, details}], nextCursor}`' })
  flags(@Query() filter: FlagFilterDto, @CurrentUser() user: Principal) {
    requireInspector(user);
    return this.queries.flags(filter);
  }

  @Get('refusals')
  @ApiOperation({ summary: 'Refused commands (M-04): who tried what, and which permission or rule refused it' })
  @ApiOkResponse({ description: '`{items, nextCursor}`' })
  refusals(@Query() filter: RefusalFilterDto, @CurrentUser() user: Principal) {
    requireInspector(user);
    return this.queries.refusals(filter);
  }
}
