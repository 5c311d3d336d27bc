import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { SKP_RATINGS, SkpRating } from '@mutasi/domain';
import { simpleUseCase } from '../simple-use-case';
import { OptionalText } from '../text-fields';
import { EmptyDto } from '../socialisation/socialisation.use-cases';

export class RecordEvaluationDto {
  @ApiProperty({ example: 6, description: 'a scheduled evaluation: 6 or 12 months after TMT' }) @IsInt() @Min(1) @Max(120) periodMonths!: number;
  @ApiProperty({ enum: SKP_RATINGS }) @IsIn(SKP_RATINGS) skpBefore!: SkpRating;
  @ApiProperty({ enum: SKP_RATINGS }) @IsIn(SKP_RATINGS) skpAfter!: SkpRating;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) competencyFit!: number;
  @ApiProperty() @IsBoolean() vacancyClosed!: boolean;
  @ApiPropertyOptional({ description: 'service indicators, name → number', example: { layananTepatWaktu: 0.92 } }) @IsOptional() @IsObject() serviceIndicators?: Record<string, number>;
  @OptionalText('notes') notes?: string;
}

function indicators(value: Record<string, number> | undefined): Record<string, number> | null {
  if (!value) return null;
  const entries = Object.entries(value).filter(([k, v]) => k.length <= 80 && typeof v === 'number' && Number.isFinite(v)).slice(0, 30);
  return Object.fromEntries(entries);
}

/** Stage 6: post-transfer evaluation, then closing. */
export const { Message: RecordEvaluation, Handler: RecordEvaluationHandler } = simpleUseCase('RecordEvaluation', (b: RecordEvaluationDto) => ({
  periodMonths: b.periodMonths, skpBefore: b.skpBefore, skpAfter: b.skpAfter, competencyFit: b.competencyFit, vacancyClosed: b.vacancyClosed, serviceIndicators: indicators(b.serviceIndicators), notes: b.notes ?? '',
}));
export const { Message: CloseCase, Handler: CloseCaseHandler } = simpleUseCase('CloseCase', (_: EmptyDto) => ({}));
