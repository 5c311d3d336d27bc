import { problem, ProblemDetails } from '@mutasi/platform';

/**
 * The agency a case is opened in, as the request names it (for the permission check before the command is built:
 * the body was validated already, so a missing one is refused as the wrong agency).
 */
export function openedIn(request: { readonly type: string; readonly body: unknown }): { openedIn?: string } {
  if (request.type !== 'OpenTransferCase' || typeof request.body !== 'object' || request.body === null) return {};
  const agency: unknown = Reflect.get(request.body, 'targetAgencyId');
  return typeof agency === 'string' ? { openedIn: agency } : {};
}

function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const field = (name: string): unknown => Reflect.get(value, name);
  return (
    typeof field('status') === 'number' &&
    typeof field('code') === 'string' &&
    typeof field('detail') === 'string' &&
    typeof field('title') === 'string' &&
    typeof field('type') === 'string'
  );
}

/** The refusal an idempotency key answered first, as stored (problem details), for a retry to get it again. */
export function storedProblem(status: number, body: unknown): ProblemDetails {
  return isProblemDetails(body) ? body : problem(status, 'IDEMPOTENT_REPLAY', 'permintaan pertama dengan Idempotency-Key ini ditolak; jawaban yang tersimpan tidak dapat dibaca');
}
