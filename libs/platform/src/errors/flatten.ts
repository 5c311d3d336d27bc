import { ValidationError } from 'class-validator';
import { indonesianValidatorMessage } from './validator-messages';

/** class-validator errors as `{field, message}` with paths like `employees[3].nip`, their default texts in Bahasa Indonesia. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: indonesianValidatorMessage(message) }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}
