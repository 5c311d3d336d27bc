import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { POSITION_CLASSES, ROLES, SKP_RATINGS } from '@mutasi/domain';
import { IsCivilDate, IsPlainText } from './validators';

const ID = /^[a-z0-9][a-z0-9.-]{0,99}$/;
const idMessage = 'harus 1–100 karakter berupa huruf kecil, angka, titik atau tanda hubung';

export class ElectionCalendarDto {
  @ApiProperty({ example: '2029-09-22' }) @IsCivilDate() penetapanPaslonDate!: string;
  @ApiProperty({ example: '2030-02-20' }) @IsCivilDate() endOfTermDate!: string;
}

export class AgencyDto {
  @ApiProperty({ example: 'kota-bandar-lestari' }) @Matches(ID, { message: `id ${idMessage}` }) id!: string;
  @ApiProperty() @IsPlainText() @Length(1, 200) name!: string;
  @ApiProperty({ enum: ['PUSAT', 'PROVINSI', 'KABKOTA'] }) @IsIn(['PUSAT', 'PROVINSI', 'KABKOTA']) kind!: string;
  @ApiProperty({ type: String, nullable: true, example: 'NB' })
  @ValidateIf((o: AgencyDto) => o.provinceCode !== null)
  @Matches(/^[A-Z]{2,3}$/, { message: 'provinceCode harus 2–3 huruf kapital' })
  provinceCode!: string | null;
  @ApiProperty() @Matches(ID, { message: `kanregAgencyId ${idMessage}` }) kanregAgencyId!: string;
  @ApiProperty({ enum: ['DEFINITIF', 'PENJABAT', 'PLT'], description: 'the head: elected, an appointed Penjabat (Pj), or a Pelaksana Tugas (Plt)' })
  @IsIn(['DEFINITIF', 'PENJABAT', 'PLT'])
  ppkStatus!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @ValidateIf((o: AgencyDto) => o.headInaugurationDate !== null) @IsCivilDate() headInaugurationDate!: string | null;
  @ApiProperty({ nullable: true, type: ElectionCalendarDto })
  @ValidateIf((o: AgencyDto) => o.electionCalendar !== null)
  @ValidateNested()
  @Type(() => ElectionCalendarDto)
  electionCalendar!: ElectionCalendarDto | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() abroad?: boolean;
  @ApiPropertyOptional({ enum: ['KEMENDAGRI', 'BKN', 'KANREG_BKN'] }) @IsOptional() @IsIn(['KEMENDAGRI', 'BKN', 'KANREG_BKN']) authority?: string;
  @ApiPropertyOptional({ enum: ['NATIONAL'], description: 'holds national merit oversight: its INSPEKTUR reads every case (BKN today; an independent body once set up)' })
  @IsOptional()
  @IsIn(['NATIONAL'])
  oversight?: string;
  @ApiPropertyOptional({ enum: ['WIB', 'WITA', 'WIT'], description: "the agency's time zone for the dates its people read (WIB when unset)" })
  @IsOptional()
  @IsIn(['WIB', 'WITA', 'WIT'])
  timeZone?: string;
}

/** One task of a position's workload analysis (ABK): output a year and the standard minutes per unit. */
export class AbkTaskDto {
  @ApiProperty({ example: 'Menyusun laporan hasil audit' }) @IsPlainText() @Length(1, 300) task!: string;
  @ApiProperty({ example: 120, description: 'units of output a year (volume kerja)' }) @IsInt() @Min(0) @Max(10_000_000) volumePerYear!: number;
  @ApiProperty({ example: 600, description: 'standard time per unit in minutes (norma waktu)' }) @IsInt() @Min(1) @Max(1_000_000) minutesPerUnit!: number;
}

export class PositionDto {
  @ApiProperty() @Matches(ID, { message: `id ${idMessage}` }) id!: string;
  @ApiProperty() @Matches(ID, { message: `agencyId ${idMessage}` }) agencyId!: string;
  @ApiProperty() @IsPlainText() @Length(1, 200) unit!: string;
  @ApiProperty() @IsPlainText() @Length(1, 200) title!: string;
  @ApiProperty({ enum: POSITION_CLASSES }) @IsIn(POSITION_CLASSES) positionClass!: string;
  @ApiProperty({ type: String, nullable: true }) @ValidateIf((o: PositionDto) => o.functionalLevel !== null) @IsString() @MaxLength(60) functionalLevel!: string | null;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(80, { each: true }) requiredCompetencies!: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(80, { each: true }) requiredEducationFields!: string[];
  @ApiPropertyOptional({ description: 'required headcount; computed from `abkTasks` when they are given (a stated figure must then agree)' })
  @ValidateIf((o: PositionDto) => !o.abkTasks || o.kebutuhan !== undefined)
  @IsInt()
  @Min(0)
  @Max(100_000)
  kebutuhan!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(100_000) bezetting!: number;
  @ApiProperty() @IsBoolean() pilkadaScope!: boolean;
  @ApiPropertyOptional({ type: [AbkTaskDto], description: 'the workload analysis (ABK) the kebutuhan is computed from' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AbkTaskDto)
  abkTasks?: AbkTaskDto[];
}

export class CompetencyAssessmentDto {
  @ApiProperty({ example: 'AUDIT' }) @IsString() @Length(1, 80) competency!: string;
  @ApiProperty({ example: 4, description: 'level found, 1 (lowest) to 5' }) @IsInt() @Min(1) @Max(5) level!: number;
  @ApiProperty({ example: '2026-03-14' }) @IsCivilDate() date!: string;
  @ApiProperty({ example: 'UPT Penilaian Kompetensi BKN Regional' }) @IsPlainText() @Length(1, 200) assessor!: string;
}

export class PlannedMoveDto {
  @ApiProperty() @Matches(ID, { message: `targetPositionId ${idMessage}` }) targetPositionId!: string;
  @ApiProperty({ description: 'places the plan means to fill' }) @IsInt() @Min(1) @Max(10_000) count!: number;
  @ApiProperty({ type: String, nullable: true }) @ValidateIf((o: PlannedMoveDto) => o.note !== null) @IsPlainText() @Length(0, 500) note!: string | null;
}

/** An agency's annual mutation plan (rencana mutasi): R-01 checks a case against it by id. */
export class MutationPlanDto {
  @ApiProperty({ example: 'rencana-mutasi.kota-bandar-lestari.2027' }) @Matches(ID, { message: `id ${idMessage}` }) id!: string;
  @ApiProperty() @Matches(ID, { message: `agencyId ${idMessage}` }) agencyId!: string;
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2200) year!: number;
  @ApiProperty() @IsPlainText() @Length(1, 300) title!: string;
  @ApiProperty({ type: [PlannedMoveDto] }) @IsArray() @ArrayMaxSize(5_000) @ValidateNested({ each: true }) @Type(() => PlannedMoveDto) moves!: PlannedMoveDto[];
}

export class SkpDto {
  @ApiProperty() @IsInt() @Min(1970) @Max(2100) year!: number;
  @ApiProperty({ enum: SKP_RATINGS }) @IsIn(SKP_RATINGS) rating!: string;
}

export class RelationDto {
  @ApiProperty({ type: String, nullable: true }) @ValidateIf((o: RelationDto) => o.nip !== null) @Matches(/^\d{18}$/, { message: 'nip harus 18 angka' }) nip!: string | null;
  @ApiProperty() @IsPlainText() @Length(1, 200) name!: string;
  @ApiProperty() @IsPlainText() @Length(1, 60) relation!: string;
}

export class DisciplineDto {
  @ApiProperty() @IsBoolean() activeSanction!: boolean;
  @ApiProperty() @IsBoolean() courtCase!: boolean;
}

export class StudyDto {
  @ApiProperty() @IsBoolean() onStudyAssignment!: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @ValidateIf((o: StudyDto) => o.serviceBondUntil !== null) @IsCivilDate() serviceBondUntil!: string | null;
}

export class EmployeeDto {
  @ApiProperty({ example: '198804122015031004' }) @IsString() nip!: string;
  @ApiProperty() @IsPlainText() @Length(1, 200) name!: string;
  @ApiProperty({ enum: ['PNS', 'PPPK'] }) @IsIn(['PNS', 'PPPK']) kind!: string;
  @ApiProperty({ example: 'III/c' }) @IsString() golongan!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @ValidateIf((o: EmployeeDto) => o.tmtCpns !== null) @IsCivilDate() tmtCpns!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @ValidateIf((o: EmployeeDto) => o.tmtPns !== null) @IsCivilDate() tmtPns!: string | null;
  @ApiProperty() @Matches(ID, { message: `agencyId ${idMessage}` }) agencyId!: string;
  @ApiProperty() @Matches(ID, { message: `positionId ${idMessage}` }) positionId!: string;
  @ApiProperty() @IsCivilDate() positionSince!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @ValidateIf((o: EmployeeDto) => o.jptInaugurationDate !== null) @IsCivilDate() jptInaugurationDate!: string | null;
  @ApiProperty() @IsPlainText() @Length(1, 80) educationField!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) competencies!: string[];
  @ApiProperty({ type: [SkpDto] }) @IsArray() @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => SkpDto) skp!: SkpDto[];
  @ApiProperty({ type: DisciplineDto }) @ValidateNested() @Type(() => DisciplineDto) discipline!: DisciplineDto;
  @ApiProperty({ type: StudyDto }) @ValidateNested() @Type(() => StudyDto) study!: StudyDto;
  @ApiProperty({ type: [RelationDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => RelationDto) relations!: RelationDto[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) @ValidateIf((o: EmployeeDto) => o.lastTransferDate !== null) @IsCivilDate() lastTransferDate!: string | null;
  @ApiPropertyOptional({ type: [CompetencyAssessmentDto], description: 'competency assessments (uji kompetensi) on record' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CompetencyAssessmentDto)
  assessments?: CompetencyAssessmentDto[];
}

export class GrantorDto {
  @ApiProperty() @IsIn(ROLES) role!: string;
  @ApiProperty() @Matches(ID, { message: `agencyId ${idMessage}` }) agencyId!: string;
}

export class DelegationDto {
  @ApiProperty() @Matches(ID, { message: `id ${idMessage}` }) id!: string;
  @ApiProperty({ type: GrantorDto }) @ValidateNested() @Type(() => GrantorDto) grantor!: GrantorDto;
  @ApiProperty() @IsString() @Length(1, 200) granteeUserId!: string;
  @ApiProperty({ enum: ['DECREE', 'APPROVAL'], isArray: true }) @IsArray() @IsIn(['DECREE', 'APPROVAL'], { each: true }) scope!: string[];
  @ApiProperty() @IsCivilDate() validFrom!: string;
  @ApiProperty() @IsCivilDate() validUntil!: string;
  @ApiProperty() @IsPlainText() @Length(1, 500) legalBasis!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() revoked?: boolean;
}

export class AgencyElectionCalendarDto extends ElectionCalendarDto {
  @ApiProperty() @Matches(ID, { message: `agencyId ${idMessage}` }) agencyId!: string;
}

export class DevUserDto {
  @ApiProperty() @IsString() @Length(1, 200) userId!: string;
  @ApiProperty() @IsPlainText() @Length(1, 200) name!: string;
  @ApiProperty() @Matches(ID, { message: `agencyId ${idMessage}` }) agencyId!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @IsIn(ROLES, { each: true }) roles!: string[];
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{18}$/, { message: 'nip harus 18 angka' }) nip?: string;
  @ApiProperty() @IsPlainText() @Length(1, 200) title!: string;
}

export class HolidayDto {
  @ApiProperty({ example: '2027-01-01' }) @IsCivilDate() date!: string;
  @ApiProperty({ enum: ['LIBUR_NASIONAL', 'CUTI_BERSAMA'] }) @IsIn(['LIBUR_NASIONAL', 'CUTI_BERSAMA']) kind!: string;
  @ApiProperty({ example: 'Tahun Baru Masehi' }) @IsPlainText() @Length(1, 200) occasion!: string;
}

/** One year's national holidays and cuti bersama as the SKB 3 Menteri published them. */
export class HolidayCalendarDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2200) year!: number;
  @ApiProperty({ description: 'the decree (SKB) the list rests on' }) @IsPlainText() @Length(1, 500) basis!: string;
  @ApiProperty({ type: [HolidayDto] }) @IsArray() @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => HolidayDto) days!: HolidayDto[];
}

/** A reference data file: every list optional; validated as a whole and applied all or nothing. */
export class ReferenceDataImportDto {
  @ApiPropertyOptional({ type: [AgencyDto] }) @IsOptional() @IsArray() @ArrayMaxSize(2_000) @ValidateNested({ each: true }) @Type(() => AgencyDto) agencies?: AgencyDto[];
  @ApiPropertyOptional({ type: [PositionDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100_000) @ValidateNested({ each: true }) @Type(() => PositionDto) positions?: PositionDto[];
  @ApiPropertyOptional({ type: [EmployeeDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100_000) @ValidateNested({ each: true }) @Type(() => EmployeeDto) employees?: EmployeeDto[];
  @ApiPropertyOptional({ type: [DelegationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => DelegationDto)
  delegations?: DelegationDto[];
  @ApiPropertyOptional({ type: [AgencyElectionCalendarDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2_000)
  @ValidateNested({ each: true })
  @Type(() => AgencyElectionCalendarDto)
  electionCalendars?: AgencyElectionCalendarDto[];
  @ApiPropertyOptional({ type: [HolidayCalendarDto], description: 'holiday calendars per year (SKB 3 Menteri), for working-day deadlines' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HolidayCalendarDto)
  holidayCalendars?: HolidayCalendarDto[];
  @ApiPropertyOptional({ type: [MutationPlanDto], description: 'annual mutation plans (rencana mutasi) per agency and year' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2_000)
  @ValidateNested({ each: true })
  @Type(() => MutationPlanDto)
  mutationPlans?: MutationPlanDto[];
  @ApiPropertyOptional({ type: [DevUserDto], description: 'demo sign-ins (standalone mode only)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => DevUserDto)
  users?: DevUserDto[];
}
