import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@mutasi/domain';
import { ApiJson, CurrentUser, Principal, toProblem } from '@mutasi/platform';
import { RefusalRecorder } from '../cases/refusals';
import { ImportPreview, ImportSummary, ReferenceDataImporter } from './import.service';
import { ReferenceDataImportDto } from './import.dto';
import { ImportPreview as ImportPreviewAnswer, ImportSummary as ImportSummaryAnswer } from './import.schema';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('api/admin')
export class AdminImportController {
  constructor(
    private readonly importer: ReferenceDataImporter,
    private readonly refusals: RefusalRecorder,
  ) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'importReferenceData',
    summary: 'Bulk upsert of agencies, positions, employees, delegations, election calendars',
    description: 'Who: ADMIN. Validated as a whole, applied all or nothing; the change is recorded in the audit trail.',
  })
  @ApiJson(200, ImportSummaryAnswer, 'counts of what was imported, the SHA-256 of the file, and the fields a placement kept')
  @ApiBadRequestResponse({ description: 'problem details listing every bad field, e.g. employees[3].nip' })
  @ApiForbiddenResponse({ description: 'not an ADMIN (recorded, M-04)' })
  async import(@Body() body: ReferenceDataImportDto, @CurrentUser() user: Principal): Promise<ImportSummary> {
    const actor = {
      userId: user.userId,
      name: user.name,
      role: user.roles.includes('ADMIN') ? ('ADMIN' as const) : (user.roles[0] ?? 'PNS'),
      agencyId: user.agencyId,
      ...(user.nip ? { nip: user.nip } : {}),
    };
    if (actor.role !== 'ADMIN') {
      const error = new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'hanya ADMIN yang dapat mengimpor data referensi');
      const commandId = randomUUID();
      await this.refusals.record({
        actor,
        command: 'ImportReferenceData',
        caseId: null,
        body: { counts: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.length : 0])) },
        problem: toProblem(error),
        commandId,
        correlationId: commandId,
      });
      throw error;
    }
    return this.importer.import(body, actor, 'api');
  }

  @Post('import/preview')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'previewReferenceDataImport',
    summary: 'What an import would change, record by record, without applying it',
    description: 'Who: ADMIN. The same checks as the import: a 400 lists every bad field; nothing is written.',
  })
  @ApiJson(200, ImportPreviewAnswer, 'what the import would change')
  @ApiBadRequestResponse({ description: 'problem details listing every bad field' })
  @ApiForbiddenResponse({ description: 'not an ADMIN' })
  async preview(@Body() body: ReferenceDataImportDto, @CurrentUser() user: Principal): Promise<ImportPreview> {
    if (!user.roles.includes('ADMIN')) throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'hanya ADMIN yang dapat mengimpor data referensi');
    return this.importer.preview(body, { userId: user.userId, name: user.name, role: 'ADMIN', agencyId: user.agencyId });
  }
}
