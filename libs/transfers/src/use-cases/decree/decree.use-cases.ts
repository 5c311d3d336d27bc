import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../cases/command-context';
import { CaseResponse, TransferCases } from '../../cases/transfer-cases.service';
import { IsCivilDate } from '../../import/validators';
import { CaseCommandMessage } from '../case-command';
import { simpleUseCase } from '../simple-use-case';
import { RequiredText } from '../text-fields';

export class IssueDecreeDto {
  @ApiProperty({ example: '800.1.3/117/BKPSDM/2026', description: 'SK number: letters, digits, spaces and . / - ( ) only (M-07 compares numbers without case or extra spaces)' })
  @Matches(/^ *[A-Za-z0-9](?:[A-Za-z0-9 ./()-]{0,118}[A-Za-z0-9.)])? *$/, {
    message: 'decreeNumber hanya boleh berisi huruf A–Z, angka, spasi dan . / - ( ), diawali huruf atau angka (tanpa karakter tak terlihat atau yang mirip huruf lain)',
  })
  decreeNumber!: string;
  @ApiProperty({ example: '2026-06-01' }) @IsCivilDate() decreeDate!: string;
  @ApiProperty({ example: '2026-06-15', description: 'TMT: the effective date' }) @IsCivilDate() effectiveDate!: string;
  @ApiProperty({ description: 'SHA-256 of the signed SK document' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'documentSha256 harus 64 karakter heksadesimal huruf kecil' })
  documentSha256!: string;
  @ApiProperty({ description: 'must equal the approved candidate (M-02)' }) @Matches(/^\d{18}$/, { message: 'employeeNip harus 18 angka' }) employeeNip!: string;
  @ApiProperty({ description: 'must equal the approved target position (M-02)' })
  @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'targetPositionId harus berupa id jabatan' })
  targetPositionId!: string;
  @ApiPropertyOptional({ description: 'a delegation the signer gave you (R-16)' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'delegationId harus berupa id pendelegasian' })
  delegationId?: string;
}

export class RecordAppointmentDto {
  @ApiProperty({ example: '2026-06-15' }) @IsCivilDate() appointedOn!: string;
  @RequiredText('reference of the appointment (berita acara pelantikan)', 200) reference!: string;
}

/** Stage 5: the decree, by the route's signer or a delegate, equal to the approved proposal (M-02). */
export class IssueDecree extends CaseCommandMessage<IssueDecreeDto> {}

@CommandHandler(IssueDecree)
export class IssueDecreeHandler implements ICommandHandler<IssueDecree, CaseResponse> {
  constructor(
    private readonly cases: TransferCases,
    private readonly context: CommandContext,
  ) {}

  execute(c: IssueDecree): Promise<CaseResponse> {
    const b = c.body;
    const data = {
      decreeNumber: b.decreeNumber,
      decreeDate: b.decreeDate,
      effectiveDate: b.effectiveDate,
      documentSha256: b.documentSha256,
      employeeNip: b.employeeNip,
      targetPositionId: b.targetPositionId,
      delegationId: b.delegationId ?? null,
    };
    return this.cases.execute(c.request('IssueDecree', (state, m) => this.context.decree(data, state, m)));
  }
}

export const { Message: RecordAppointment, Handler: RecordAppointmentHandler } = simpleUseCase('RecordAppointment', (b: RecordAppointmentDto) => ({
  appointedOn: b.appointedOn,
  reference: b.reference,
}));

export class ReportReplacementDto {
  @ApiProperty({ example: '2026-12-08', description: 'the day the report went to Mendagri' }) @IsCivilDate() reportedOn!: string;
  @RequiredText('reference of the report letter to Mendagri', 200) reference!: string;
}

/** the regional head's office records the report of the replacement to Mendagri. */
export const { Message: ReportReplacement, Handler: ReportReplacementHandler } = simpleUseCase('ReportReplacement', (b: ReportReplacementDto) => ({
  reportedOn: b.reportedOn,
  reference: b.reference,
}));
