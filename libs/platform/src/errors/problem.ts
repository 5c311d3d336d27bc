/** An RFC 9457 problem details body, with Mutasi's stable `code` and, for rule refusals, the `ruleId`. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  readonly ruleId?: string;
  readonly legalBasis?: string;
  readonly instance?: string;
  /** When to try again (also sent as `Retry-After`): 503 while a dependency is away, 409 while a key is in use. */
  readonly retryAfterSeconds?: number;
  readonly [extension: string]: unknown;
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Permintaan tidak valid',
  401: 'Belum masuk',
  403: 'Tidak diizinkan',
  404: 'Tidak ditemukan',
  408: 'Waktu permintaan habis',
  409: 'Konflik',
  413: 'Permintaan terlalu besar',
  415: 'Jenis media tidak didukung',
  422: 'Ditolak oleh aturan',
  431: 'Header permintaan terlalu besar',
  500: 'Kesalahan internal',
  503: 'Layanan tidak tersedia',
};

/** Builds a problem; `type` is a stable URI per code. */
export function problem(status: number, code: string, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return { type: `https://mutasi.example.go.id/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[status] ?? 'Kesalahan', status, detail, code, ...extra };
}

/** Bad input found by request validation, one entry per field. */
export class RequestValidationError extends Error {
  readonly code = 'VALIDATION_FAILED';

  constructor(readonly errors: readonly { readonly field: string; readonly message: string }[]) {
    super(`isian tidak sah (${errors.length}): ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
}
