import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { meritCriteria, toDate } from '@mutasi/domain';
import { ApiJson, Clock, CurrentUser, list, Principal } from '@mutasi/platform';
import { PolicyRegistry } from '@mutasi/read-models';
import { ReferenceData } from '../reference-data/reference-data';
import { CaseIdPipe } from '../use-cases/case-command';
import { WorkloadQueries } from './workload-queries';
import { CandidatePool, MeritCriteria, MutationPlan, WorkloadBalance } from './workload.schema';

const AGENCY_ID = /^[a-z0-9][a-z0-9.-]{0,99}$/;

export class BalanceQueryDto {
  @ApiPropertyOptional({ example: 'kota-bandar-lestari' }) @IsOptional() @Matches(AGENCY_ID, { message: 'agencyId harus berupa id instansi' }) agencyId?: string;
  @ApiPropertyOptional({ example: 'NB' }) @IsOptional() @Matches(/^[A-Z]{2,3}$/, { message: 'provinceCode harus 2–3 huruf kapital' }) provinceCode?: string;
}

export class PlansQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(AGENCY_ID, { message: 'agencyId harus berupa id instansi' }) agencyId?: string;
  @ApiPropertyOptional({ description: 'the plan year; this year when left out' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year harus bilangan bulat' })
  @Min(2000)
  @Max(2200)
  year?: number;
}

/** Selection on merit and workload balancing (docs/workload.md §3 and §4). */
@ApiTags('merit and workload')
@ApiBearerAuth()
@Controller('api')
export class WorkloadController {
  constructor(
    private readonly queries: WorkloadQueries,
    private readonly refs: ReferenceData,
    private readonly policies: PolicyRegistry,
    private readonly clock: Clock,
  ) {}

  @Get('workload/balance')
  @ApiOperation({
    operationId: 'getWorkloadBalance',
    summary:
      'Workload balance (ABK) of an agency or a province: every unit and position with kebutuhan, bezetting, cases under way and the gap (deficit and surplus), and suggested surplus → deficit moves ranked by merit, each with the requests that open and propose the case',
    description: 'Who: readers whose scope covers the agencies asked about (docs/access.md).',
  })
  @ApiJson(200, WorkloadBalance, 'the balance and the suggested moves')
  @ApiForbiddenResponse({ description: 'the agencies asked about are outside what you may read' })
  balance(@Query() query: BalanceQueryDto, @CurrentUser() user: Principal) {
    return this.queries.balance(query, user);
  }

  @Get('workload/plans')
  @ApiOperation({
    operationId: 'listMutationPlans',
    summary: 'Annual mutation plans (rencana mutasi) on record, by agency and year: their planned moves; R-01 checks a case against one by id',
    description: 'Who: any signed-in user.',
  })
  @ApiJson(200, list(MutationPlan), 'the plans, by agency then year')
  plans(@Query() query: PlansQueryDto) {
    const year = query.year ?? Number(toDate(this.clock.now().toISOString()).slice(0, 4));
    return this.refs.mutationPlans(query.agencyId ? [query.agencyId] : null, year);
  }

  @Get('transfers/:caseId/candidates')
  @ApiOperation({
    operationId: 'listCaseCandidates',
    summary:
      'The full M-01 pool of the case’s target position: every employee the proposing agency may draw on, with the versioned merit score and its parts, each eligibility rule’s outcome, the rank of the eligible, and why the pool is empty if it is',
    description:
      'Who: the officials and inspectors who may see the case; not the employee. Members blocked only on protected grounds outside your sight are counted as `withheld`.',
  })
  @ApiJson(200, CandidatePool, 'the pool as you may see it')
  @ApiForbiddenResponse({ description: 'not an official or inspector of the case' })
  candidates(@Param('caseId', CaseIdPipe) caseId: string, @CurrentUser() user: Principal) {
    return this.queries.candidates(caseId, user);
  }

  @Get('policies/current/merit')
  @ApiOperation({
    operationId: 'getMeritCriteria',
    summary: 'How candidates are judged: the merit criteria, weights and thresholds in force and since when, in plain words (Bahasa Indonesia)',
    description: 'Who: any signed-in user, employees included.',
  })
  @ApiJson(200, MeritCriteria, 'the criteria in force')
  async merit() {
    return meritCriteria(await this.policies.inForce(toDate(this.clock.now().toISOString())));
  }
}
