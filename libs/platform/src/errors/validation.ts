import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from './flatten';
import { RequestValidationError } from './problem';

/** Request validation: unknown fields refused, types transformed, every bad field listed in the 400 problem. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
