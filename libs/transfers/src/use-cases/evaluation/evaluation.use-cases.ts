import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsInt, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';
import { CommandContext } from '../../cases/command-context';
import { CaseResponse, TransferCases } from '../../cases/transfer-cases.service';
import { CaseCommandMessage } from '../case-command';
import { simpleUseCase } from '../simple-use-case';
import { OptionalText } from '../text-fields';
import { EmptyDto } from '../socialisation/socialisation.use-cases';

/**
 * The evaluation body: only the evaluator's judgement (competency fit) and notes. SKP before comes from the proposal's
 * snapshot, SKP after from the imported SKP or a verified periodic evaluation named here, whether the vacancy closed
 * from the placement (M-08).
 */
export class RecordEvaluationDto {
  @ApiProperty({ example: 6, description: 'a scheduled evaluation: 6 or 12 months after TMT' }) @IsInt() @Min(1) @Max(120) periodMonths!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) competencyFit!: number;
  @ApiPropertyOptional({
    example: 'doc-12',
    description: 'a verified PERIODIC_PERFORMANCE_EVALUATION document stating the SKP after the move, when the imported SKP is not on record yet',
  })
  @IsOptional()
  @Matches(/^doc-\d{1,6}$/, { message: 'skpAfterDocumentId harus berbentuk seperti doc-1' })
  skpAfterDocumentId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, description: 'service indicators, name → number', example: { layananTepatWaktu: 0.92 } })
  @IsOptional()
  @IsObject()
  serviceIndicators?: Record<string, number>;
  @OptionalText('notes') notes?: string;
}

function indicators(value: Record<string, number> | undefined): Record<string, number> | null {
  if (!value) return null;
  const entries = Object.entries(value)
    .filter(([k, v]) => k.length <= 80 && typeof v === 'number' && Number.isFinite(v))
    .slice(0, 30);
  return Object.fromEntries(entries);
}

/** Stage 6: post-transfer evaluation, from the record (M-08). */
export class RecordEvaluation extends CaseCommandMessage<RecordEvaluationDto> {}

@CommandHandler(RecordEvaluation)
export class RecordEvaluationHandler implements ICommandHandler<RecordEvaluation, CaseResponse> {
  constructor(
    private readonly cases: TransferCases,
    private readonly context: CommandContext,
  ) {}

  execute(c: RecordEvaluation): Promise<CaseResponse> {
    const b = c.body;
    const data = {
      periodMonths: b.periodMonths,
      competencyFit: b.competencyFit,
      skpAfterDocumentId: b.skpAfterDocumentId ?? null,
      serviceIndicators: indicators(b.serviceIndicators),
      notes: b.notes ?? '',
    };
    return this.cases.execute(c.request('RecordEvaluation', (state, m) => this.context.evaluation(data, state, m)));
  }
}

export const { Message: CloseCase, Handler: CloseCaseHandler } = simpleUseCase('CloseCase', (_: EmptyDto) => ({}));
