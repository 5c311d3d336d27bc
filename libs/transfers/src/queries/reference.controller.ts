import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { DomainError, HumanRole } from '@mutasi/domain';
import { CurrentUser, Principal } from '@mutasi/platform';
import { ReferenceData } from '../reference-data/reference-data';

export class EmployeeQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'agencyId must be an agency id' }) agencyId?: string;
  @ApiPropertyOptional({ description: 'name or NIP prefix' }) @IsOptional() @MaxLength(100) @Matches(/^[\p{L}\p{N} .'-]*$/u, { message: 'q may hold letters, digits, spaces and . \' -' }) q?: string;
  @ApiPropertyOptional({ description: 'the nextCursor of the previous page' }) @IsOptional() @Matches(/^\d{18}$/, { message: 'cursor must be a NIP' }) cursor?: string;
}

const PERSONNEL: readonly HumanRole[] = ['PENGUSUL', 'VERIFIKATOR', 'TIM_PENILAI_KINERJA', 'PPK', 'GUBERNUR', 'MENDAGRI', 'KANREG_BKN', 'KEPALA_BKN', 'INSPEKTUR', 'ADMIN'];

function requirePersonnel(user: Principal): void {
  if (!user.roles.some((r) => PERSONNEL.includes(r))) throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'employee records are for personnel roles and inspectors');
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('api')
export class ReferenceController {
  constructor(private readonly refs: ReferenceData) {}

  @Get('agencies')
  @ApiOperation({ summary: 'Agencies: kind, province, kanreg, PPK status and inauguration, election calendar', description: 'Who: any signed-in user.' })
  agencies() {
    return this.refs.allAgencies();
  }

  @Get('agencies/:agencyId/positions')
  @ApiOperation({ summary: 'Positions of an agency: class, unit, kebutuhan, bezetting, pilkadaScope, competencies', description: 'Who: any signed-in user.' })
  async positions(@Param('agencyId') agencyId: string) {
    const agency = await this.refs.agency(agencyId);
    if (!agency) throw new DomainError('NOT_FOUND', 'AGENCY_NOT_FOUND', `no agency ${agencyId}`);
    return this.refs.positionsOf(agencyId);
  }

  @Get('employees')
  @ApiOperation({ summary: 'Employees, 50 a page (cursor = nextCursor)', description: 'Who: personnel roles and inspectors.' })
  @ApiOkResponse({ description: '`{items: [...], nextCursor}`' })
  employees(@Query() query: EmployeeQueryDto, @CurrentUser() user: Principal) {
    requirePersonnel(user);
    return this.refs.searchEmployees({ ...(query.agencyId ? { agencyId: query.agencyId } : {}), ...(query.q ? { q: query.q } : {}), ...(query.cursor ? { cursor: query.cursor } : {}), limit: 50 });
  }

  @Get('employees/:nip')
  @ApiOperation({ summary: 'One employee', description: 'Who: personnel roles, inspectors, and the employee themself.' })
  async employee(@Param('nip') nip: string, @CurrentUser() user: Principal) {
    if (user.nip !== nip) requirePersonnel(user);
    const employee = /^\d{18}$/.test(nip) ? await this.refs.employee(nip) : null;
    if (!employee) throw new DomainError('NOT_FOUND', 'EMPLOYEE_NOT_FOUND', `no employee with NIP ${nip}`);
    return employee;
  }
}
