import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Length } from 'class-validator';
import { IsPlainText } from '../import/validators';

/** A required free-text field (1–4000 characters, no control characters). */
export const RequiredText = (description: string, max = 4000): PropertyDecorator => applyDecorators(ApiProperty({ description, maxLength: max }), IsPlainText(), Length(1, max));

/** An optional free-text field (up to 4000 characters, no control characters). */
export const OptionalText = (description: string, max = 4000): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ description, maxLength: max }), IsOptional(), IsPlainText(), Length(0, max));
