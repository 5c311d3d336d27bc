import { Controller, Get, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { filter, map, Observable } from 'rxjs';
import { DomainError, HumanRole, toDate } from '@mutasi/domain';
import { AllowQueryToken, Clock, CurrentUser, Principal } from '@mutasi/platform';
import { DashboardChanges } from './changes';
import { DashboardQueries } from './dashboard-queries';

const NATIONAL: readonly HumanRole[] = ['INSPEKTUR', 'KEPALA_BKN', 'KANREG_BKN', 'MENDAGRI'];
const STAGES = ['ANALISIS_KEBUTUHAN', 'USULAN', 'SOSIALISASI', 'PERSETUJUAN', 'SK', 'EVALUASI'];

export class AgencyFilterDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'agencyId must be an agency id' }) agencyId?: string;
}

export class CaseListDto extends AgencyFilterDto {
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn(STAGES) stage?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9a-f-]{36}$/, { message: 'cursor must be a case id' }) cursor?: string;
}

/**
 * Whose data a caller sees: national roles (inspectors, BKN, Kemendagri) any agency's or all; everyone else their own
 * agency's. Employees have no dashboard.
 */
function scope(user: Principal, requested?: string): string | undefined {
  if (user.roles.every((r) => r === 'PNS')) throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'dashboards are for officials');
  if (user.roles.some((r) => NATIONAL.includes(r))) return requested;
  if (requested && requested !== user.agencyId) throw new DomainError('FORBIDDEN', 'AGENCY_NOT_ALLOWED', `you see the dashboard of ${user.agencyId} only`);
  return user.agencyId;
}

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly queries: DashboardQueries, private readonly changes: DashboardChanges, private readonly clock: Clock) {}

  @Get('pipeline')
  @ApiOperation({ summary: 'Open cases per stage and route' })
  pipeline(@Query() q: AgencyFilterDto, @CurrentUser() user: Principal) {
    return this.queries.pipeline(scope(user, q.agencyId));
  }

  @Get('lead-times')
  @ApiOperation({ summary: 'Median and p90 days per stage, over stages completed' })
  leadTimes(@CurrentUser() user: Principal) {
    scope(user);
    return this.queries.leadTimes();
  }

  @Get('workload-balance')
  @ApiOperation({ summary: 'Per agency and position: kebutuhan, bezetting, gap, cases under way (from the needs analyses)' })
  workload(@Query() q: AgencyFilterDto, @CurrentUser() user: Principal) {
    return this.queries.workloadBalance(scope(user, q.agencyId));
  }

  @Get('inbox')
  @ApiOperation({ summary: "The caller's pending approval steps with deadlines, overdue first" })
  inbox(@CurrentUser() user: Principal) {
    scope(user);
    return this.queries.inbox(user.roles, user.agencyId, toDate(this.clock.now().toISOString()));
  }

  @Get('evaluations')
  @ApiOperation({ summary: 'Post-transfer outcomes: SKP before and after, vacancy closed, score' })
  evaluations(@Query() q: AgencyFilterDto, @CurrentUser() user: Principal) {
    return this.queries.evaluations(scope(user, q.agencyId));
  }

  @Get('cases')
  @ApiOperation({ summary: 'Case list, 50 a page (cursor = nextCursor)' })
  cases(@Query() q: CaseListDto, @CurrentUser() user: Principal) {
    const agencyId = scope(user, q.agencyId);
    return this.queries.cases({ ...(q.stage ? { stage: q.stage } : {}), ...(agencyId ? { agencyId } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) }, this.clock.now());
  }

  @AllowQueryToken()
  @Sse('stream')
  @ApiOperation({ summary: 'Server-sent events as the read models change (browsers may pass ?access_token=)' })
  @ApiOkResponse({ description: 'text/event-stream of `{caseId, type, stage, status, targetAgencyId, originAgencyId, at}`' })
  stream(@CurrentUser() user: Principal): Observable<MessageEvent> {
    const agencyId = scope(user);
    return this.changes.stream.pipe(
      filter((c) => agencyId === undefined || c.targetAgencyId === agencyId || c.originAgencyId === agencyId),
      map((c) => ({ type: 'case-changed', data: c })),
    );
  }
}
