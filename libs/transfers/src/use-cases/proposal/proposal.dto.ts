import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { ProposalInput } from '@mutasi/domain';
import { OptionalText, RequiredText } from '../text-fields';

export class ExceptionGroundDto {
  @ApiProperty({ enum: ['R-03', 'R-44'], description: 'the rule overridden' }) @IsIn(['R-03', 'R-44']) ruleId!: string;
  @ApiPropertyOptional({
    example: 'R03_PENATAAN_ORGANISASI',
    description: 'the ground chosen from the policy’s list (GET /api/policies/current/merit); required from policy 2026.12',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{3,60}$/, { message: 'groundCode harus berupa kode alasan seperti R03_PENATAAN_ORGANISASI' })
  groundCode?: string;
  @RequiredText('the explanation of the ground, recorded and flagged for inspectors') ground!: string;
}

/** The body of propose-candidate and revise-proposal. */
export class ProposalDto {
  @ApiProperty({ example: '198804122015031004', description: 'NIP (PNS) or NI PPPK' }) @Matches(/^\d{18}$/, { message: 'employeeNip harus 18 angka' }) employeeNip!: string;
  @ApiProperty({ example: 'kota-bandar-lestari.analis-kebijakan' })
  @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, { message: 'originPositionId harus berupa id jabatan' })
  originPositionId!: string;
  @ApiProperty({ enum: ['DINAS', 'PERMINTAAN_SENDIRI'], description: 'R-07' }) @IsIn(['DINAS', 'PERMINTAAN_SENDIRI']) initiative!: 'DINAS' | 'PERMINTAAN_SENDIRI';
  @RequiredText('why this candidate') justification!: string;
  @OptionalText('required when a lower-ranked candidate is chosen (M-01)') meritDeviationJustification?: string;
  @ApiPropertyOptional({ type: [ExceptionGroundDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ExceptionGroundDto)
  exceptionGrounds?: ExceptionGroundDto[];
  @OptionalText('downsizing decree reference: moves a PPPK on route PPPK_PERAMPINGAN (R-61)', 200) downsizingDecreeReference?: string;
}

/** The domain's proposal input from the body. */
export function proposalInput(body: ProposalDto): ProposalInput {
  return {
    employeeNip: body.employeeNip,
    originPositionId: body.originPositionId,
    initiative: body.initiative,
    justification: body.justification,
    meritDeviationJustification: body.meritDeviationJustification ?? null,
    exceptionGrounds: body.exceptionGrounds ?? [],
    downsizingDecreeReference: body.downsizingDecreeReference ?? null,
  };
}
