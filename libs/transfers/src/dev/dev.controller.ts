import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Repository } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Actor, DomainError, HumanRole } from '@mutasi/domain';
import { ApiJson, AuthenticationError, Clock, DevAuth, isMovable, list, Principal, Public, toProblem } from '@mutasi/platform';
import { RefusalRecorder } from '../cases/refusals';
import { DemoData } from '../reference-data/demo-seed';
import { DevUserRow } from '../reference-data/entities';
import { DemoClock } from './demo-clock';
import { DemoClock as DemoClockAnswer, DemoUser, DevToken } from './dev.schema';

export class DevTokenDto {
  @ApiProperty({ example: 'pengusul.kota-bandar-lestari' }) @IsString() @Length(1, 200) userId!: string;
}

export class AdvanceClockDto {
  @ApiProperty({ example: 183, description: 'days to move the standalone clock forward' }) @IsInt() @Min(1) @Max(3650) advanceDays!: number;
}

/**
 * Standalone mode only (`AUTH_DEV_TOKENS=true`, loopback only): sign in as a seeded demo user, and, signed in as an
 * ADMIN, move the demo clock forward so a demo can reach an evaluation due months later. 404 otherwise.
 */
@ApiTags('standalone demo')
@Controller('api/dev')
export class DevController {
  constructor(
    private readonly dev: DevAuth,
    private readonly clock: Clock,
    private readonly demoClock: DemoClock,
    private readonly demoData: DemoData,
    private readonly refusals: RefusalRecorder,
    @InjectRepository(DevUserRow) private readonly users: Repository<DevUserRow>,
  ) {}

  private issuer() {
    if (!this.dev.issuer) throw new NotFoundException('dev sign-in is off');
    return this.dev.issuer;
  }

  @Public()
  @Get('users')
  @ApiOperation({ operationId: 'listDemoUsers', summary: 'The seeded demo users: [{userId, name, agencyId, roles, nip?}]' })
  @ApiJson(200, list(DemoUser), 'every demo user, by agency then id')
  @ApiNotFoundResponse({ description: 'dev sign-in is off' })
  async list() {
    this.issuer();
    const rows = await this.users.find({ order: { agencyId: 'ASC', userId: 'ASC' } });
    return rows.map((u) => ({ userId: u.userId, name: u.name, agencyId: u.agencyId, roles: u.roles, title: u.title, ...(u.nip ? { nip: u.nip } : {}) }));
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ operationId: 'issueDemoToken', summary: 'A token for a demo user: {token}' })
  @ApiJson(200, DevToken, 'a token valid for 12 hours')
  @ApiNotFoundResponse({ description: 'dev sign-in is off, or no such demo user' })
  async token(@Body() body: DevTokenDto) {
    const issuer = this.issuer();
    const user = await this.users.findOneBy({ userId: body.userId });
    if (!user) throw new DomainError('NOT_FOUND', 'USER_NOT_FOUND', `tidak ada pengguna demo ${body.userId}; lihat GET /api/dev/users`);
    const token = await issuer.sign({ userId: user.userId, name: user.name, agencyId: user.agencyId, roles: user.roles as HumanRole[], ...(user.nip ? { nip: user.nip } : {}) });
    return { token };
  }

  @Public()
  @Get('clock')
  @ApiOperation({ operationId: 'getDemoClock', summary: 'The server clock and its demo offset' })
  @ApiJson(200, DemoClockAnswer, 'the clock')
  @ApiNotFoundResponse({ description: 'dev sign-in is off' })
  clockNow() {
    this.issuer();
    return { now: this.clock.now().toISOString(), offsetDays: isMovable(this.clock) ? this.clock.offsetDays : 0 };
  }

  @Public()
  @Post('clock')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'advanceDemoClock',
    summary: 'Move the standalone clock forward (never back), e.g. to reach an evaluation due six months after the decree',
    description: 'Who: a signed-in ADMIN. The offset is kept across restarts; a move into a new year runs the demo’s yearly SKP round.',
  })
  @ApiBearerAuth()
  @ApiJson(200, DemoClockAnswer, 'the clock after the move')
  @ApiUnauthorizedResponse({ description: 'no or invalid token: checked here, after the 404' })
  @ApiForbiddenResponse({ description: 'not an ADMIN (recorded, M-04)' })
  @ApiNotFoundResponse({ description: 'dev sign-in is off, or this clock cannot be moved' })
  async advance(@Body() body: AdvanceClockDto, @Headers('authorization') authorization: string | undefined) {
    // Off (404) unless the demo sign-in is on, before anything else; then the caller must be a signed-in ADMIN.
    const issuer = this.issuer();
    if (!isMovable(this.clock)) throw new NotFoundException('this clock cannot be moved');
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new AuthenticationError('sign in as an ADMIN first: send Authorization: Bearer <token>');
    const user: Principal = await issuer.verifier.verify(token);
    if (!user.roles.includes('ADMIN')) {
      const actor: Actor = { userId: user.userId, name: user.name, role: user.roles[0] ?? 'PNS', agencyId: user.agencyId, ...(user.nip ? { nip: user.nip } : {}) };
      const error = new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'hanya ADMIN yang sudah masuk yang dapat menggeser jam demo');
      const commandId = randomUUID();
      await this.refusals.record({ actor, command: 'AdvanceDemoClock', caseId: null, body, problem: toProblem(error), commandId, correlationId: commandId });
      throw error;
    }
    await this.demoClock.advance(body.advanceDays);
    await this.demoData.yearlyRound();
    return this.clockNow();
  }
}
