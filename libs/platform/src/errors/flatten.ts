import { ValidationError } from 'class-validator';

/** class-validator errors as `{field, message}` with paths like `employees[3].nip`. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'unknown field: $1 is not accepted'),
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}
