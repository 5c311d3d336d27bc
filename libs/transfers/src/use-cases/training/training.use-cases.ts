import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { TRAINING_KINDS, TrainingDue, TrainingKind } from '@mutasi/domain';
import { IsCivilDate } from '../../import/validators';
import { simpleUseCase } from '../simple-use-case';
import { RequiredText } from '../text-fields';

const ITEM_ID = /^T\d{1,4}$/;

export class TrainingItemDto {
  @ApiPropertyOptional({ example: 'T1', description: 'a planned item to keep or change; leave out for a new item' })
  @IsOptional()
  @Matches(ITEM_ID, { message: 'itemId harus berbentuk seperti T1' })
  itemId?: string;
  @RequiredText('the competency the item develops, e.g. AUDIT', 80) competency!: string;
  @ApiProperty({ enum: TRAINING_KINDS }) @IsIn(TRAINING_KINDS) kind!: TrainingKind;
  @ApiProperty({ example: 20 }) @IsInt() @Min(1) @Max(2000) hours!: number;
  @ApiProperty({ enum: ['BEFORE_TMT', 'AFTER_TMT'] }) @IsIn(['BEFORE_TMT', 'AFTER_TMT']) due!: TrainingDue;
  @ApiProperty({ description: 'a mandatory before-TMT item holds the decree until done or waived (R-09)' }) @IsBoolean() mandatory!: boolean;
}

export class AdjustTrainingPlanDto {
  @ApiProperty({ type: [TrainingItemDto], description: 'the planned items after the adjustment; completed and waived items stay as they are' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TrainingItemDto)
  items!: TrainingItemDto[];
  @RequiredText('why the plan changes (relaxing a mandatory before-TMT item is flagged, R-09)') reason!: string;
}

export class CompleteTrainingItemDto {
  @ApiProperty({ example: 'T1' }) @Matches(ITEM_ID, { message: 'itemId harus berbentuk seperti T1' }) itemId!: string;
  @ApiProperty({ description: 'SHA-256 of the certificate, 64 lowercase hex characters' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'certificateSha256 harus 64 karakter heksadesimal huruf kecil' })
  certificateSha256!: string;
  @ApiProperty({ example: 24, description: 'hours the certificate shows (at least the planned hours)' }) @IsInt() @Min(1) @Max(2000) hours!: number;
  @RequiredText('the provider, e.g. BPSDM Provinsi', 200) provider!: string;
  @ApiProperty({ example: '2027-01-15' }) @IsCivilDate() completedOn!: string;
}

export class WaiveTrainingItemDto {
  @ApiProperty({ example: 'T1' }) @Matches(ITEM_ID, { message: 'itemId harus berbentuk seperti T1' }) itemId!: string;
  @RequiredText('why the item is waived (waiving a mandatory before-TMT item is flagged, R-09)') reason!: string;
}

/** Training (pengembangan kompetensi, R-09): the plan the proposal derived, adjusted, completed with evidence, or waived. */
export const { Message: AdjustTrainingPlan, Handler: AdjustTrainingPlanHandler } = simpleUseCase('AdjustTrainingPlan', (b: AdjustTrainingPlanDto) => ({
  items: b.items.map((i) => ({ itemId: i.itemId ?? null, competency: i.competency, kind: i.kind, hours: i.hours, due: i.due, mandatory: i.mandatory })),
  reason: b.reason,
}));
export const { Message: CompleteTrainingItem, Handler: CompleteTrainingItemHandler } = simpleUseCase('CompleteTrainingItem', (b: CompleteTrainingItemDto) => ({
  itemId: b.itemId,
  certificateSha256: b.certificateSha256,
  hours: b.hours,
  provider: b.provider,
  completedOn: b.completedOn,
}));
export const { Message: WaiveTrainingItem, Handler: WaiveTrainingItemHandler } = simpleUseCase('WaiveTrainingItem', (b: WaiveTrainingItemDto) => ({
  itemId: b.itemId,
  reason: b.reason,
}));
