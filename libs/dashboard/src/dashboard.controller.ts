import { Controller, Get, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { filter, map, Observable } from 'rxjs';
import { covers, DomainError, ROUTES, toDate } from '@mutasi/domain';
import { AllowQueryToken, ApiContent, ApiJson, Clock, CurrentUser, list, Principal } from '@mutasi/platform';
import { DashboardChanges } from './changes';
import { Agencies, DashboardQueries } from './dashboard-queries';
import { AgencyTraining, CaseChangeStream, CasePage, EvaluationOutcomes, InboxTask, Pipeline, PositionWorkload, StageLeadTime } from './dashboard.schema';
import { ReadScopes } from '@mutasi/read-models';

/** The refusal of `agencies()`: dashboards are for officials and inspectors, within their scope. */
const NOT_YOUR_DASHBOARD = { description: 'not an official or inspector, or the agency is outside what you may read' };

const STAGES = ['ANALISIS_KEBUTUHAN', 'USULAN', 'SOSIALISASI', 'PERSETUJUAN', 'SK', 'EVALUASI'];
const CASE_STATUSES = [
  'NEEDS_ANALYSIS_SUBMITTED',
  'AWAITING_PROPOSAL',
  'PROPOSED',
  'EMPLOYEE_NOTIFIED',
  'SOCIALISED',
  'OBJECTION_RAISED',
  'IN_APPROVAL',
  'RETURNED_FOR_REVISION',
  'DECREED',
  'APPOINTED',
  'COMPLETED',
  'REJECTED',
  'WITHDRAWN',
  'REVOKED',
  'FROZEN',
];

export class AgencyFilterDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'agencyId harus berupa id instansi' }) agencyId?: string;
}

export class CaseListDto extends AgencyFilterDto {
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn(STAGES) stage?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: ROUTES }) @IsOptional() @IsIn([...ROUTES]) route?: string;
  @ApiPropertyOptional({ description: 'a NIP, a case id (or its first characters) or part of a name or position title' })
  @IsOptional()
  @Length(1, 100)
  @Matches(/^[\p{L}\p{N} .,'-]+$/u, { message: "q hanya boleh berisi huruf, angka, spasi dan . , ' -" })
  q?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9a-f-]{36}$/, { message: 'cursor harus berupa id kasus' }) cursor?: string;
}

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/dashboard')
export class DashboardController {
  constructor(
    private readonly queries: DashboardQueries,
    private readonly changes: DashboardChanges,
    private readonly clock: Clock,
    private readonly scopes: ReadScopes,
  ) {}

  /**
   * The agencies a dashboard shows (docs/access.md): the reader's case scope, or one agency of it they asked for.
   * Employees and administrators have no dashboard.
   */
  private async agencies(user: Principal, requested?: string): Promise<Agencies> {
    const scope = (await this.scopes.of(user)).cases;
    if (scope.kind === 'NONE') throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'dasbor hanya untuk pejabat instansi dan inspektur');
    if (requested !== undefined) {
      if (!covers(scope, [requested])) throw new DomainError('FORBIDDEN', 'AGENCY_NOT_ALLOWED', `${requested} di luar yang boleh Anda baca`);
      return [requested];
    }
    return scope.kind === 'ALL' ? null : scope.agencyIds;
  }

  @Get('pipeline')
  @ApiOperation({ operationId: 'getDashboardPipeline', summary: 'Open cases per stage and route' })
  @ApiJson(200, Pipeline, 'per stage, by route')
  @ApiForbiddenResponse(NOT_YOUR_DASHBOARD)
  async pipeline(@Query() q: AgencyFilterDto, @CurrentUser() user: Principal) {
    return this.queries.pipeline(await this.agencies(user, q.agencyId));
  }

  @Get('lead-times')
  @ApiOperation({ operationId: 'getDashboardLeadTimes', summary: 'Median and p90 days per stage, over stages completed' })
  @ApiJson(200, list(StageLeadTime), 'per stage completed at least once')
  @ApiForbiddenResponse(NOT_YOUR_DASHBOARD)
  async leadTimes(@Query() q: AgencyFilterDto, @CurrentUser() user: Principal) {
    return this.queries.leadTimes(await this.agencies(user, q.agencyId));
  }

  @Get('workload-balance')
  @ApiOperation({ operationId: 'getDashboardWorkloadBalance', summary: 'Per agency and position: kebutuhan, bezetting, gap, cases under way (from the needs analyses)' })
  @ApiJson(200, list(PositionWorkload), 'by agency, then position')
  @ApiForbiddenResponse(NOT_YOUR_DASHBOARD)
  async workload(@Query() q: AgencyFilterDto, @CurrentUser() user: Principal) {
    return this.queries.workloadBalance(await this.agencies(user, q.agencyId));
  }

  @Get('training')
  @ApiOperation({
    operationId: 'getDashboardTraining',
    summary: 'Training completion by receiving agency (R-09): items planned, completed, waived, overdue, and mandatory before-TMT items still open',
  })
  @ApiJson(200, list(AgencyTraining), 'by receiving agency')
  @ApiForbiddenResponse(NOT_YOUR_DASHBOARD)
  async training(@Query() q: AgencyFilterDto, @CurrentUser() user: Principal) {
    return this.queries.training(await this.agencies(user, q.agencyId));
  }

  @Get('inbox')
  @ApiOperation({
    operationId: 'getDashboardInbox',
    summary:
      'Every task waiting for the caller, overdue first: approval steps, the decree, needs approval, proposal, notification, acknowledgement (employees), objection decision, submission, document verification, appointment, evaluation and training due',
  })
  @ApiJson(200, list(InboxTask), 'overdue first, then by deadline')
  async inbox(@CurrentUser() user: Principal) {
    return this.queries.inbox({ roles: user.roles, agencyId: user.agencyId, nip: user.nip ?? null }, toDate(this.clock.now().toISOString()));
  }

  @Get('evaluations')
  @ApiOperation({ operationId: 'getDashboardEvaluations', summary: 'Post-transfer outcomes: SKP before and after, vacancy closed, score' })
  @ApiJson(200, EvaluationOutcomes, 'the summary and the latest evaluations')
  @ApiForbiddenResponse(NOT_YOUR_DASHBOARD)
  async evaluations(@Query() q: AgencyFilterDto, @CurrentUser() user: Principal) {
    return this.queries.evaluations(await this.agencies(user, q.agencyId));
  }

  @Get('cases')
  @ApiOperation({ operationId: 'listDashboardCases', summary: 'Case list, 50 a page (cursor = nextCursor)' })
  @ApiJson(200, CasePage, 'one page of cases, by case id')
  @ApiForbiddenResponse(NOT_YOUR_DASHBOARD)
  async cases(@Query() q: CaseListDto, @CurrentUser() user: Principal) {
    const { agencyId, ...filter } = q;
    return this.queries.cases({ ...filter, agencies: await this.agencies(user, agencyId) }, this.clock.now());
  }

  @AllowQueryToken()
  @Sse('stream')
  @ApiOperation({ operationId: 'streamDashboardChanges', summary: 'Server-sent events as the read models change (browsers may pass ?access_token=)' })
  @ApiContent(200, 'text/event-stream', CaseChangeStream, 'one event per change, as long as the connection stays open')
  @ApiForbiddenResponse(NOT_YOUR_DASHBOARD)
  async stream(@CurrentUser() user: Principal): Promise<Observable<MessageEvent>> {
    const agencies = await this.agencies(user);
    return this.changes.stream.pipe(
      filter((c) => agencies === null || agencies.includes(c.targetAgencyId) || (c.originAgencyId !== null && agencies.includes(c.originAgencyId))),
      map((c) => ({ type: 'case-changed', data: c })),
    );
  }
}
