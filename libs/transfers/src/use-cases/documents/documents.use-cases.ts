import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { DOCUMENT_KINDS, DocumentKind, SKP_RATINGS, SkpRating } from '@mutasi/domain';
import { simpleUseCase } from '../simple-use-case';
import { OptionalText, RequiredText } from '../text-fields';

export class DocumentStatementDto {
  @ApiProperty({ enum: SKP_RATINGS, description: 'the rating the document states' }) @IsIn(SKP_RATINGS) skpRating!: SkpRating;
  @RequiredText('the period the rating covers, e.g. "semester I 2027"', 100) period!: string;
}

export class AttachDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) @IsIn(DOCUMENT_KINDS) kind!: DocumentKind;
  @RequiredText('title of the document', 300) title!: string;
  @ApiProperty({ description: 'SHA-256 of the file, 64 lowercase hex characters; the file itself is kept outside the event store' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 harus 64 karakter heksadesimal huruf kecil' })
  sha256!: string;
  @ApiPropertyOptional({ type: DocumentStatementDto, description: 'what a periodic performance evaluation states (M-08); verified with the document' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentStatementDto)
  statement?: DocumentStatementDto;
}

export class VerifyDocumentDto {
  @ApiProperty({ example: 'doc-1' }) @Matches(/^doc-\d{1,6}$/, { message: 'documentId harus berbentuk seperti doc-1' }) documentId!: string;
  @ApiProperty({ enum: ['APPROVED', 'REJECTED'] }) @IsIn(['APPROVED', 'REJECTED']) status!: 'APPROVED' | 'REJECTED';
  @OptionalText('notes of the verifier (required when rejecting)') notes?: string;
}

/** Documents of the checklist (docs/domain.md §5): attached by hash, verified with notes. */
export const { Message: AttachDocument, Handler: AttachDocumentHandler } = simpleUseCase('AttachDocument', (b: AttachDocumentDto) => ({
  kind: b.kind,
  title: b.title,
  sha256: b.sha256,
  statement: b.statement ? { skpRating: b.statement.skpRating, period: b.statement.period } : null,
}));
export const { Message: VerifyDocument, Handler: VerifyDocumentHandler } = simpleUseCase('VerifyDocument', (b: VerifyDocumentDto) => ({
  documentId: b.documentId,
  status: b.status,
  notes: b.notes ?? '',
}));
