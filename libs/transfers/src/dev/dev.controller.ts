import { Body, Controller, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Repository } from 'typeorm';
import { DomainError, HumanRole } from '@mutasi/domain';
import { Clock, DevAuth, OffsetClock, Public } from '@mutasi/platform';
import { DevUserRow } from '../reference-data/entities';

export class DevTokenDto {
  @ApiProperty({ example: 'pengusul.kota-bandar-lestari' }) @IsString() @Length(1, 200) userId!: string;
}

export class AdvanceClockDto {
  @ApiProperty({ example: 183, description: 'days to move the standalone clock forward' }) @IsInt() @Min(1) @Max(3650) advanceDays!: number;
}

/**
 * Standalone mode only (`AUTH_DEV_TOKENS=true`, loopback only): sign in as a seeded demo user, and move the demo clock
 * forward so a demo can reach an evaluation due months later. 404 otherwise.
 */
@ApiTags('standalone demo')
@Controller('api/dev')
export class DevController {
  constructor(private readonly dev: DevAuth, private readonly clock: Clock, @InjectRepository(DevUserRow) private readonly users: Repository<DevUserRow>) {}

  private issuer() {
    if (!this.dev.issuer) throw new NotFoundException('dev sign-in is off');
    return this.dev.issuer;
  }

  @Public()
  @Get('users')
  @ApiOperation({ summary: 'The seeded demo users: [{userId, name, agencyId, roles, nip?}]' })
  @ApiNotFoundResponse({ description: 'dev sign-in is off' })
  async list() {
    this.issuer();
    const rows = await this.users.find({ order: { agencyId: 'ASC', userId: 'ASC' } });
    return rows.map((u) => ({ userId: u.userId, name: u.name, agencyId: u.agencyId, roles: u.roles, title: u.title, ...(u.nip ? { nip: u.nip } : {}) }));
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A token for a demo user: {token}' })
  @ApiOkResponse({ description: '`{token}` valid for 12 hours' })
  async token(@Body() body: DevTokenDto) {
    const issuer = this.issuer();
    const user = await this.users.findOneBy({ userId: body.userId });
    if (!user) throw new DomainError('NOT_FOUND', 'USER_NOT_FOUND', `no demo user ${body.userId}; see GET /api/dev/users`);
    const token = await issuer.sign({ userId: user.userId, name: user.name, agencyId: user.agencyId, roles: user.roles as HumanRole[], ...(user.nip ? { nip: user.nip } : {}) });
    return { token };
  }

  @Public()
  @Get('clock')
  @ApiOperation({ summary: 'The server clock and its demo offset' })
  clockNow() {
    this.issuer();
    return { now: this.clock.now().toISOString(), offsetDays: this.clock instanceof OffsetClock ? this.clock.offsetDays : 0 };
  }

  @Public()
  @Post('clock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the standalone clock forward (never back), e.g. to reach an evaluation due six months after the decree' })
  advance(@Body() body: AdvanceClockDto) {
    this.issuer();
    if (!(this.clock instanceof OffsetClock)) throw new NotFoundException('this clock cannot be moved');
    this.clock.advance(body.advanceDays);
    return this.clockNow();
  }
}
