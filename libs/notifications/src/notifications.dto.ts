import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** `?unreadOnly=true|false&limit=`: a query string carries text, so the boolean is read from it here. */
export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'only the unread ones', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unreadOnly harus true atau false' })
  unreadOnly?: boolean;

  @ApiPropertyOptional({ description: 'how many, newest first', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit harus bilangan bulat' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class MarkReadBody {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "the notifications to mark read; left out: all of the caller's", maxItems: 500 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'setiap id harus berupa id notifikasi (UUID)' })
  ids?: string[];
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({
    enum: ['TASK', 'DEADLINE', 'INFO'],
    description: "TASK: new work; DEADLINE: a deadline passed (R-30 escalation and the other timers); INFO: news of the reader's own case",
  })
  kind!: string;
  @ApiProperty({ example: 'STEP', description: 'what it is about (docs/notifications.md): STEP, ESCALATION, PROPOSED, DECREE_ISSUED, …' }) topic!: string;
  @ApiProperty({ example: 'Tugas baru: verifikasi berkas usulan' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ example: '/app/kasus/3f0c…', description: "the web app's page of the case" }) link!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadline!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when the event happened' }) createdAt!: string;
  @ApiProperty() read!: boolean;
}

export class NotificationListDto {
  @ApiProperty({ description: "the caller's unread notifications (the bell's count), whatever the filter" }) unread!: number;
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
}

export class MarkReadResultDto {
  @ApiProperty({ description: 'notifications newly marked read' }) marked!: number;
  @ApiProperty({ description: 'unread after marking' }) unread!: number;
}
