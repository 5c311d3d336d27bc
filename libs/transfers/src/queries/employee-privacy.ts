import { covers, DomainError, EmployeeSnapshot, ReadScope } from '@mutasi/domain';

/** Fields of an employee record only the roles that decide on them see (UU 27/2022 PDP; docs/access.md). */
export const SENSITIVE_FIELDS = ['discipline', 'relations'] as const;

/** The record as `scope` may read it: sensitive fields withheld (and named) unless the reader decides on them or it is their own. */
export function redacted(employee: EmployeeSnapshot, scope: ReadScope): Record<string, unknown> {
  if (scope.sensitive || scope.ownNip === employee.nip) return { ...employee };
  const { discipline: _discipline, relations: _relations, ...rest } = employee;
  return { ...rest, withheld: [...SENSITIVE_FIELDS] };
}

/** Refuses (403) a reader whose scope does not reach the employee: not their agency, not a candidate of their cases, not themself. */
export function requireVisible(employee: EmployeeSnapshot, scope: ReadScope, candidateOfOwnCase: boolean): void {
  if (scope.ownNip === employee.nip || covers(scope.employees, [employee.agencyId]) || candidateOfOwnCase) return;
  throw new DomainError(
    'FORBIDDEN',
    'EMPLOYEE_NOT_VISIBLE',
    'pegawai ini di luar yang boleh Anda baca: bukan pegawai instansi Anda dan bukan calon pada kasus yang melibatkan instansi Anda',
  );
}
