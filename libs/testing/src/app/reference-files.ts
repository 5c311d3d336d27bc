import type { HttpResult, MutasiHttp } from '@mutasi/demo-data';

/** An import as the demo ADMIN sends it. */
export function importAsAdmin(http: MutasiHttp, file: unknown): Promise<HttpResult> {
  return http.as('admin.bkn', 'POST', '/api/admin/import', file);
}

/** A reference data file holding one employee's record as it stands, with `change` applied: what an insider would import. */
export async function employeeFile(http: MutasiHttp, nip: string, change: Record<string, unknown>): Promise<{ employees: Record<string, unknown>[] }> {
  const { riwayat: _history, ...record } = (await http.as('admin.bkn', 'GET', `/api/employees/${nip}`)).body as Record<string, unknown>;
  return { employees: [{ ...record, ...change }] };
}
