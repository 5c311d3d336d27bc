import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDate } from '@mutasi/domain';

/** A real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function IsCivilDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCivilDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} harus tanggal yang valid dalam bentuk YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
  };
}

/** Text without control characters (NUL and friends would never be stored). */
export function IsPlainText(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} harus berupa teks tanpa karakter kendali`, ...options },

      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value) &&
          !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value),
      },
    });
  };
}
