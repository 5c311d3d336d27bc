import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';

const POSITION = /^\d{20}:\d{20}$/;
const ID = /^[A-Za-z0-9:._@-]{1,200}$/;

export class CursorDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @Matches(POSITION, { message: 'cursor harus berupa nilai nextCursor' }) cursor?: string;
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'from harus berupa tanggal atau waktu ISO 8601' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'to harus berupa tanggal atau waktu ISO 8601' }) to?: string;
}

export class EventFilterDto extends CursorDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'actorId harus berupa id pengguna' }) actorId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'agencyId harus berupa id instansi' }) agencyId?: string;
  @ApiPropertyOptional({ example: 'DecreeIssued.v1' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[A-Za-z]+\.v\d+$/, { message: 'type harus berupa jenis peristiwa seperti DecreeIssued.v1' })
  type?: string;
}

export class FlagFilterDto extends CursorDto {
  @ApiPropertyOptional({ example: 'R-40' }) @IsOptional() @Matches(/^[RMS]-\d{2}$/, { message: 'ruleId harus berbentuk seperti R-40, M-03 atau S-02' }) ruleId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'agencyId harus berupa id instansi' }) agencyId?: string;
}

export class RefusalFilterDto extends CursorDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'actorId harus berupa id pengguna' }) actorId?: string;
}

export class ExportFilterDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9a-f-]{36}$/, { message: 'caseId harus berupa id kasus' }) caseId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'agencyId harus berupa id instansi' }) agencyId?: string;
}
