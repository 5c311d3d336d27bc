import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { availableActions, DomainError, invalid, toDate } from '@mutasi/domain';
import { Clock, Principal } from '@mutasi/platform';
import { TransferCases } from '../cases/transfer-cases.service';

/** 10 MB: a scanned decree or application; larger files are refused with 413 before they are read whole. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'application/octet-stream'];
/** Per case: enough for every checklist document and its replacements, not a store for anything else. */
const MAX_FILES_PER_CASE = 100;
const MAX_BYTES_PER_CASE = 200 * 1024 * 1024;
/** The commands that record a file's hash: only someone who may send one of them now may upload. */
const FILE_COMMANDS = new Set(['AttachDocument', 'IssueDecree', 'CompleteTrainingItem', 'RaiseObjection']);

export interface StoredFile {
  readonly sha256: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}

/** A file name safe to keep and to send back in Content-Disposition: no path, no control characters, 200 at most. */
function cleanFileName(raw: string | undefined): string {
  // No path, no control or bidirectional/format characters (a U+202E name would show "txt.exe" as "exe.txt").
  const name =
    (raw ?? '')
      .split(/[\\/]/)
      .pop()
      ?.replace(/[\u0000-\u001f\u007f"\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .trim()
      .slice(0, 200) ?? '';
  return name === '' ? 'dokumen' : name;
}

/** Stores a case's files by SHA-256 (computed here, never taken from the client) and serves them to the case's readers. */
@Injectable()
export class CaseFiles {
  constructor(
    private readonly db: DataSource,
    private readonly cases: TransferCases,
    private readonly clock: Clock,
  ) {}

  /**
   * Before a byte is read: the reader sees the case, may now send a command that records a file (attach, decree,
   * training certificate, objection evidence), and the case has room left.
   */
  async mayUpload(caseId: string, principal: Principal): Promise<void> {
    const { state } = await this.cases.visible(caseId, principal);
    const offered = availableActions(state, principal, toDate(this.clock.now().toISOString()));
    if (!offered.some((a) => FILE_COMMANDS.has(a.command))) {
      throw new DomainError(
        'FORBIDDEN',
        'UPLOAD_NOT_ALLOWED',
        'Anda hanya dapat mengunggah berkas ke kasus saat Anda boleh melampirkan dokumen, menerbitkan SK, mencatat sertifikat pelatihan atau mengajukan keberatan: tidak satu pun terbuka bagi Anda pada kasus ini',
      );
    }
    const [usage] = (await this.db.query('SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM case_files WHERE case_id = $1', [caseId])) as {
      files: number;
      bytes: string;
    }[];
    if ((usage?.files ?? 0) >= MAX_FILES_PER_CASE || Number(usage?.bytes ?? 0) >= MAX_BYTES_PER_CASE) {
      throw new DomainError(
        'CONFLICT',
        'CASE_FILES_FULL',
        `satu kasus paling banyak memuat ${MAX_FILES_PER_CASE} berkas dan ${MAX_BYTES_PER_CASE / 1024 / 1024} MB; kasus ini sudah penuh`,
      );
    }
  }

  async store(caseId: string, principal: Principal, bytes: Buffer, contentType: string, fileName: string | undefined): Promise<StoredFile> {
    const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (bytes.length === 0) throw invalid('FIELD_REQUIRED', 'body', 'berkasnya kosong');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const name = cleanFileName(fileName);
    await this.db.query(
      `INSERT INTO case_files (case_id, sha256, file_name, content_type, size, bytes, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (case_id, sha256) DO NOTHING`,
      [caseId, sha256, name, type, bytes.length, bytes, principal.userId, this.clock.now()],
    );
    // The same bytes uploaded again keep the first name and type: answer what is kept, which is what a download gives.
    const [kept] = (await this.db.query('SELECT file_name, content_type FROM case_files WHERE case_id = $1 AND sha256 = $2', [caseId, sha256])) as {
      file_name: string;
      content_type: string;
    }[];
    return { sha256, fileName: kept?.file_name ?? name, contentType: kept?.content_type ?? type, size: bytes.length };
  }

  async read(caseId: string, sha256: string, principal: Principal): Promise<StoredFile & { bytes: Buffer }> {
    await this.cases.visible(caseId, principal);
    const rows = (await this.db.query('SELECT sha256, file_name, content_type, size, bytes FROM case_files WHERE case_id = $1 AND sha256 = $2', [caseId, sha256])) as {
      sha256: string;
      file_name: string;
      content_type: string;
      size: number;
      bytes: Buffer;
    }[];
    const row = rows[0];
    if (!row)
      throw new DomainError(
        'NOT_FOUND',
        'FILE_NOT_FOUND',
        `tidak ada berkas dengan SHA-256 ${sha256} pada kasus ${caseId}: dokumen yang dilampirkan hanya dengan hash tidak memiliki berkas di sini`,
      );
    return { sha256: row.sha256, fileName: row.file_name, contentType: row.content_type, size: row.size, bytes: row.bytes };
  }
}
