import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, invalid } from '@mutasi/domain';
import { Clock, Principal } from '@mutasi/platform';
import { TransferCases } from '../cases/transfer-cases.service';

/** 10 MB: a scanned decree or application; larger files are refused with 413 before they are read whole. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'application/octet-stream'];
const READ_ONLY_ROLES = new Set(['INSPEKTUR', 'ADMIN']);

export interface StoredFile {
  readonly sha256: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}

/** A file name safe to keep and to send back in Content-Disposition: no path, no control characters, 200 at most. */
function cleanFileName(raw: string | undefined): string {
  const name = (raw ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200) ?? '';
  return name === '' ? 'dokumen' : name;
}

/** Stores a case's files by SHA-256 (computed here, never taken from the client) and serves them to the case's readers. */
@Injectable()
export class CaseFiles {
  constructor(private readonly db: DataSource, private readonly cases: TransferCases, private readonly clock: Clock) {}

  async store(caseId: string, principal: Principal, bytes: Buffer, contentType: string, fileName: string | undefined): Promise<StoredFile> {
    await this.cases.visible(caseId, principal);
    if (principal.roles.every((r) => READ_ONLY_ROLES.has(r))) throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'inspectors and data administrators read documents; they do not upload them');
    const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!CONTENT_TYPES.includes(type)) throw invalid('UNSUPPORTED_FILE_TYPE', 'Content-Type', `upload a PDF, PNG, JPEG or text file (Content-Type one of ${CONTENT_TYPES.join(', ')})`);
    if (bytes.length === 0) throw invalid('FIELD_REQUIRED', 'body', 'the file is empty');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const name = cleanFileName(fileName);
    await this.db.query(
      `INSERT INTO case_files (case_id, sha256, file_name, content_type, size, bytes, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (case_id, sha256) DO NOTHING`,
      [caseId, sha256, name, type, bytes.length, bytes, principal.userId, this.clock.now()],
    );
    return { sha256, fileName: name, contentType: type, size: bytes.length };
  }

  async read(caseId: string, sha256: string, principal: Principal): Promise<StoredFile & { bytes: Buffer }> {
    await this.cases.visible(caseId, principal);
    const rows = (await this.db.query('SELECT sha256, file_name, content_type, size, bytes FROM case_files WHERE case_id = $1 AND sha256 = $2', [caseId, sha256])) as { sha256: string; file_name: string; content_type: string; size: number; bytes: Buffer }[];
    const row = rows[0];
    if (!row) throw new DomainError('NOT_FOUND', 'FILE_NOT_FOUND', `no file with SHA-256 ${sha256} on case ${caseId}: documents attached by hash alone have no file here`);
    return { sha256: row.sha256, fileName: row.file_name, contentType: row.content_type, size: row.size, bytes: row.bytes };
  }
}
