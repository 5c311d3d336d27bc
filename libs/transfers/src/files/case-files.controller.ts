import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { CurrentUser, Principal, problem, ProblemError } from '@mutasi/platform';
import { CaseIdPipe } from '../use-cases/case-command';
import { CaseFiles, CONTENT_TYPES, MAX_FILE_BYTES } from './case-files';

export class StoredFileDto {
  @ApiProperty({ example: 'a3f1…', description: 'SHA-256 of the bytes, lower-case hex, computed by the server' }) sha256!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) contentType!: string;
  @ApiProperty() size!: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Reads the raw body up to the limit. Past it, answers 413 and closes the connection, so nothing more is read; a body
 * some parser already consumed (it was sent as JSON) never ends here, so it is refused before.
 */
function readBody(req: Request, res: Response, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        res.setHeader('Connection', 'close');
        res.once('finish', () => req.destroy());
        reject(new ProblemError(problem(413, 'FILE_TOO_LARGE', `a file may be at most ${limit / 1024 / 1024} MB`)));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The files of a case's documents: upload the bytes (the answer is their SHA-256, which attach-document and
 * issue-decree then record), and download them to check against the recorded hash.
 */
@ApiTags('transfer cases')
@ApiBearerAuth()
@Controller('api/transfers')
export class CaseFilesController {
  constructor(private readonly files: CaseFiles) {}

  @Post(':caseId/files')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'uploadCaseFile',
    summary: 'Upload a file of the case (PDF, PNG, JPEG or text, at most 10 MB); answers its SHA-256',
    description: 'Who: anyone who may read the case and decide on it (not inspectors): the agencies involved and the employee on their own case.',
  })
  @ApiConsumes('application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'X-File-Name', required: false, description: 'the original file name (URI-encoded)' })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiCreatedResponse({ type: StoredFileDto })
  async upload(
    @Param('caseId', CaseIdPipe) caseId: string,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-file-name') fileName: string | undefined,
  ): Promise<StoredFileDto> {
    const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!CONTENT_TYPES.includes(type) || req.readableEnded) {
      res.setHeader('Connection', 'close');
      throw new ProblemError(
        problem(415, 'UNSUPPORTED_FILE_TYPE', `upload a PDF, PNG, JPEG or text file as the raw body (Content-Type one of ${CONTENT_TYPES.join(', ')})`, {
          errors: [{ field: 'Content-Type', message: `salah satu dari ${CONTENT_TYPES.join(', ')}` }],
        }),
      );
    }
    await this.files.mayUpload(caseId, user);
    const bytes = await readBody(req, res, MAX_FILE_BYTES);
    let name: string | undefined;
    try {
      name = fileName === undefined ? undefined : decodeURIComponent(fileName);
    } catch {
      name = fileName;
    }
    return this.files.store(caseId, user, bytes, contentType ?? '', name);
  }

  @Get(':caseId/files/:sha256')
  @ApiOperation({ operationId: 'downloadCaseFile', summary: 'Download a file of the case by its SHA-256', description: 'Who: anyone who may read the case.' })
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiParam({ name: 'sha256', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } })
  @ApiOkResponse({ description: 'the bytes, with Content-Type and Content-Disposition', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  async download(@Param('caseId', CaseIdPipe) caseId: string, @Param('sha256') sha256: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    if (!SHA256.test(sha256))
      throw new ProblemError(
        problem(400, 'FIELD_INVALID', 'sha256 harus 64 digit heksadesimal huruf kecil', {
          errors: [{ field: 'sha256', message: 'sha256 harus 64 digit heksadesimal huruf kecil' }],
        }),
      );
    const file = await this.files.read(caseId, sha256, user);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(file.bytes);
  }
}
