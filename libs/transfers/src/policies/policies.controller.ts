import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Actor, DomainError, toDate } from '@mutasi/domain';
import { ApiJson, Clock, CurrentUser, list, Principal, toProblem } from '@mutasi/platform';
import { PolicyRegistry } from '@mutasi/read-models';
import { RefusalRecorder } from '../cases/refusals';
import { HolidayCalendars } from '../reference-data/calendars';
import { HolidayCalendar, Policy, PolicyVersion, PublishedPolicy } from './policies.schema';

/**
 * The rules' numbers as data: every policy version with its effective date and the legal basis of each threshold, and
 * the holiday calendars on record. Published versions are events (stream `policy-versions`): the ledger proves which
 * rules were in force when.
 */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('api')
export class PoliciesController {
  constructor(
    private readonly policies: PolicyRegistry,
    private readonly calendars: HolidayCalendars,
    private readonly clock: Clock,
    private readonly refusals: RefusalRecorder,
  ) {}

  @Get('policies')
  @ApiOperation({
    operationId: 'listPolicies',
    summary: 'Every policy version, oldest first, with its effective date, source and thresholds',
    description: 'Who: any signed-in user.',
  })
  @ApiJson(200, list(PolicyVersion), 'every version, oldest first')
  async list() {
    const today = toDate(this.clock.now().toISOString());
    const current = await this.policies.inForce(today);
    return (await this.policies.all()).map((r) => ({
      version: r.policy.version,
      effectiveFrom: r.policy.effectiveFrom,
      description: r.policy.description,
      source: r.source,
      publishedBy: r.publishedBy,
      publishedAt: r.publishedAt,
      inForce: r.policy.version === current.version,
      policy: r.policy,
    }));
  }

  @Get('policies/current')
  @ApiOperation({ operationId: 'getCurrentPolicy', summary: 'The policy version in force today', description: 'Who: any signed-in user.' })
  @ApiJson(200, Policy, 'the version in force today')
  current() {
    return this.policies.inForce(toDate(this.clock.now().toISOString()));
  }

  @Post('admin/policies')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'publishPolicy',
    summary: 'Publish a new policy version (effective today or later): every threshold with its value and legal basis',
    description: 'Who: ADMIN. Refused with every problem at once; recorded as an event.',
  })
  @ApiBody({ schema: Policy, description: 'the new version: a new version id, effective today or later, every threshold of the current version' })
  @ApiJson(201, PublishedPolicy, 'the version as published')
  @ApiBadRequestResponse({ description: 'problem details naming each field' })
  @ApiForbiddenResponse({ description: 'not an ADMIN (recorded, M-04)' })
  async publish(@Body() body: Record<string, unknown>, @CurrentUser() user: Principal) {
    const actor: Actor = {
      userId: user.userId,
      name: user.name,
      role: user.roles.includes('ADMIN') ? 'ADMIN' : (user.roles[0] ?? 'PNS'),
      agencyId: user.agencyId,
      ...(user.nip ? { nip: user.nip } : {}),
    };
    if (actor.role !== 'ADMIN') {
      const error = new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'hanya ADMIN yang dapat menerbitkan versi kebijakan');
      const commandId = randomUUID();
      await this.refusals.record({
        actor,
        command: 'PublishPolicyVersion',
        caseId: null,
        body: { version: body.version ?? null },
        problem: toProblem(error),
        commandId,
        correlationId: commandId,
      });
      throw error;
    }
    return this.policies.publish(body, actor, this.clock.now().toISOString());
  }

  @Get('calendars')
  @ApiOperation({
    operationId: 'listHolidayCalendars',
    summary: 'The holiday calendars on record (SKB 3 Menteri), per year; a year not listed is counted on weekdays only and flagged (S-01)',
    description: 'Who: any signed-in user.',
  })
  @ApiJson(200, list(HolidayCalendar), 'one calendar a year')
  listCalendars() {
    return this.calendars.list();
  }
}
