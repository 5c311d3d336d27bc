import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Actor, DomainError, toDate } from '@mutasi/domain';
import { Clock, CurrentUser, Principal, toProblem } from '@mutasi/platform';
import { PolicyRegistry } from '@mutasi/read-models';
import { RefusalRecorder } from '../cases/refusals';
import { HolidayCalendars } from '../reference-data/calendars';

/**
 * The rules' numbers as data: every policy version with its effective date and the legal basis of each threshold, and
 * the holiday calendars on record. Published versions are events (stream `policy-versions`): the ledger proves which
 * rules were in force when.
 */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('api')
export class PoliciesController {
  constructor(private readonly policies: PolicyRegistry, private readonly calendars: HolidayCalendars, private readonly clock: Clock, private readonly refusals: RefusalRecorder) {}

  @Get('policies')
  @ApiOperation({ summary: 'Every policy version, oldest first, with its effective date, source and thresholds', description: 'Who: any signed-in user.' })
  @ApiOkResponse({ description: '`[{version, effectiveFrom, source: BUILT_IN|PUBLISHED, publishedBy, publishedAt, inForce, policy}]`' })
  async list() {
    const today = toDate(this.clock.now().toISOString());
    const current = await this.policies.inForce(today);
    return (await this.policies.all()).map((r) => ({ version: r.policy.version, effectiveFrom: r.policy.effectiveFrom, description: r.policy.description, source: r.source, publishedBy: r.publishedBy, publishedAt: r.publishedAt, inForce: r.policy.version === current.version, policy: r.policy }));
  }

  @Get('policies/current')
  @ApiOperation({ summary: 'The policy version in force today', description: 'Who: any signed-in user.' })
  current() {
    return this.policies.inForce(toDate(this.clock.now().toISOString()));
  }

  @Post('admin/policies')
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish a new policy version (effective today or later): every threshold with its value and legal basis', description: 'Who: ADMIN. Refused with every problem at once; recorded as an event.' })
  @ApiBadRequestResponse({ description: 'problem details naming each field' })
  @ApiForbiddenResponse({ description: 'not an ADMIN (recorded, M-04)' })
  async publish(@Body() body: Record<string, unknown>, @CurrentUser() user: Principal) {
    const actor: Actor = { userId: user.userId, name: user.name, role: user.roles.includes('ADMIN') ? 'ADMIN' : (user.roles[0] ?? 'PNS'), agencyId: user.agencyId, ...(user.nip ? { nip: user.nip } : {}) };
    if (actor.role !== 'ADMIN') {
      const error = new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'only ADMIN may publish a policy version');
      const commandId = randomUUID();
      await this.refusals.record({ actor, command: 'PublishPolicyVersion', caseId: null, body: { version: body.version ?? null }, problem: toProblem(error), commandId, correlationId: commandId });
      throw error;
    }
    return this.policies.publish(body, actor, this.clock.now().toISOString());
  }

  @Get('calendars')
  @ApiOperation({ summary: 'The holiday calendars on record (SKB 3 Menteri), per year; a year not listed is counted on weekdays only and flagged (S-01)', description: 'Who: any signed-in user.' })
  listCalendars() {
    return this.calendars.list();
  }
}
