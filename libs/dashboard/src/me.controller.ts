import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@mutasi/domain';
import { ApiJson, Clock, CurrentUser, Principal } from '@mutasi/platform';
import { DashboardQueries } from './dashboard-queries';
import { MyCases } from './dashboard.schema';

/** The employee's own view: the cases that name them as the candidate (docs/access.md: their own, nobody else's). */
@ApiTags('employee')
@ApiBearerAuth()
@Controller('api/me')
export class MeController {
  constructor(
    private readonly queries: DashboardQueries,
    private readonly clock: Clock,
  ) {}

  @Get('cases')
  @ApiOperation({
    operationId: 'listMyCases',
    summary: 'My cases as the candidate (by the NIP of my sign-in), newest first',
    description: 'Who: any signed-in user whose token carries a NIP.',
  })
  @ApiJson(200, MyCases, 'newest first')
  @ApiForbiddenResponse({ description: 'your sign-in carries no NIP' })
  async cases(@CurrentUser() user: Principal) {
    if (!user.nip) throw new DomainError('FORBIDDEN', 'NO_NIP', 'akun Anda tidak memuat NIP: hanya pegawai yang memiliki kasus sendiri');
    const page = await this.queries.cases({ candidateNip: user.nip, agencies: null }, this.clock.now());
    return { items: [...page.items].sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? '')) };
  }
}
