import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { covers, DomainError, HumanRole } from '@mutasi/domain';
import { ApiJson, CurrentUser, list, Principal } from '@mutasi/platform';
import { DataSource } from 'typeorm';
import { ReadScopes } from '@mutasi/read-models';
import { employeeHistory } from '../placements/employee-history';
import { redacted, requireVisible } from './employee-privacy';
import { ReferenceData } from '../reference-data/reference-data';
import { Agency, EmployeePage, EmployeeRecord, Position } from './reference.schema';

export class EmployeeQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'agencyId harus berupa id instansi' }) agencyId?: string;
  @ApiPropertyOptional({ description: 'name or NIP prefix' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[\p{L}\p{N} .'-]*$/u, { message: "q may hold letters, digits, spaces and . ' -" })
  q?: string;
  @ApiPropertyOptional({ description: 'the nextCursor of the previous page' }) @IsOptional() @Matches(/^\d{18}$/, { message: 'cursor harus berupa NIP' }) cursor?: string;
}

const PERSONNEL: readonly HumanRole[] = ['PENGUSUL', 'VERIFIKATOR', 'TIM_PENILAI_KINERJA', 'PPK', 'GUBERNUR', 'MENDAGRI', 'KANREG_BKN', 'KEPALA_BKN', 'INSPEKTUR', 'ADMIN'];

function requirePersonnel(user: Principal): void {
  if (!user.roles.some((r) => PERSONNEL.includes(r))) throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'data pegawai hanya untuk peran kepegawaian dan inspektur');
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('api')
export class ReferenceController {
  constructor(
    private readonly refs: ReferenceData,
    private readonly db: DataSource,
    private readonly scopes: ReadScopes,
  ) {}

  @Get('agencies')
  @ApiOperation({
    operationId: 'listAgencies',
    summary: 'Agencies: kind, province, kanreg, PPK status and inauguration, election calendar',
    description: 'Who: any signed-in user.',
  })
  @ApiJson(200, list(Agency), 'every agency, by id')
  agencies() {
    return this.refs.allAgencies();
  }

  @Get('agencies/:agencyId/positions')
  @ApiOperation({
    operationId: 'listAgencyPositions',
    summary: 'Positions of an agency: class, unit, kebutuhan, bezetting, pilkadaScope, competencies',
    description: 'Who: any signed-in user.',
  })
  @ApiJson(200, list(Position), 'the positions of the agency, by id')
  @ApiNotFoundResponse({ description: 'no such agency' })
  async positions(@Param('agencyId') agencyId: string) {
    const agency = await this.refs.agency(agencyId);
    if (!agency) throw new DomainError('NOT_FOUND', 'AGENCY_NOT_FOUND', `tidak ada instansi ${agencyId}`);
    return this.refs.positionsOf(agencyId);
  }

  @Get('employees')
  @ApiOperation({
    operationId: 'listEmployees',
    summary: 'Employees within your scope, 50 a page (cursor = nextCursor)',
    description:
      'Who: personnel roles and inspectors; each sees the employees of their own scope (docs/access.md) and the candidates of the cases their agency takes part in. Discipline, court and relations only to the roles that decide on them.',
  })
  @ApiJson(200, EmployeePage, 'one page of employees, by NIP')
  @ApiForbiddenResponse({ description: 'not a personnel role, or the agency is outside what you may read' })
  async employees(@Query() query: EmployeeQueryDto, @CurrentUser() user: Principal) {
    requirePersonnel(user);
    const scope = await this.scopes.of(user);
    if (query.agencyId && !covers(scope.employees, [query.agencyId]) && scope.employees.kind !== 'ALL') {
      throw new DomainError(
        'FORBIDDEN',
        'AGENCY_NOT_ALLOWED',
        `pegawai ${query.agencyId} di luar yang boleh Anda baca (calon pada kasus yang melibatkan instansi Anda dapat dicari tanpa filter ini)`,
      );
    }
    const page = await this.refs.searchEmployees(
      { ...(query.agencyId ? { agencyId: query.agencyId } : {}), ...(query.q ? { q: query.q } : {}), ...(query.cursor ? { cursor: query.cursor } : {}), limit: 50 },
      { employees: scope.employees, involvedAgency: user.agencyId },
    );
    return { items: page.items.map((e) => redacted(e, scope)), nextCursor: page.nextCursor };
  }

  @Get('employees/:nip')
  @ApiOperation({
    operationId: 'getEmployee',
    summary: 'One employee as the record stands, with the riwayat jabatan/mutasi built from the events',
    description: 'Who: personnel roles, inspectors, and the employee themself.',
  })
  @ApiJson(200, EmployeeRecord, 'the employee and their riwayat')
  @ApiForbiddenResponse({ description: 'the employee is outside what you may read' })
  @ApiNotFoundResponse({ description: 'no employee with this NIP' })
  async employee(@Param('nip') nip: string, @CurrentUser() user: Principal) {
    if (user.nip !== nip) requirePersonnel(user);
    const employee = /^\d{18}$/.test(nip) ? await this.refs.employee(nip) : null;
    if (!employee) throw new DomainError('NOT_FOUND', 'EMPLOYEE_NOT_FOUND', `tidak ada pegawai dengan NIP ${nip}`);
    const scope = await this.scopes.of(user);
    requireVisible(employee, scope, await this.refs.isCandidateOfCaseInvolving(nip, user.agencyId));
    return { ...redacted(employee, scope), riwayat: await employeeHistory(this.db, nip) };
  }
}
