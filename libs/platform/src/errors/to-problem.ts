import { HttpException } from '@nestjs/common';
import { DomainError } from '@mutasi/domain';
import { DuplicateEventIdError, EventRejectedError, WrongExpectedRevisionError } from '@mutasi/event-store';
import { AuthenticationError } from '../auth/principal';
import { JsonTooDeepError } from '../http/json-depth';
import { problem, ProblemDetails, RequestValidationError } from './problem';
import { isDatabaseUnavailable } from './unavailable';

const DOMAIN_STATUS: Readonly<Record<DomainError['kind'], number>> = { VALIDATION: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RULE: 422 };

/** Errors that carry their own problem (used by feature libs for their refusals). */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
  }
}

/**
 * The one mapping from errors to problem details (docs/style.md 4): 400 bad input with each field, 401, 403, 404, 409
 * conflicts and duplicates, 422 rule refusals with the rule id, 503 while the database is away (with Retry-After).
 * Anything else is a 500 and a bug.
 */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof ProblemError) return error.problem;
  if (error instanceof DomainError) {
    const outcomes = (error as DomainError & { outcomes?: unknown }).outcomes;
    return problem(DOMAIN_STATUS[error.kind], error.code, error.message, {
      ...(error.details.errors ? { errors: error.details.errors } : {}),
      ...(error.ruleId ? { ruleId: error.ruleId } : {}),
      ...(error.details.legalBasis ? { legalBasis: error.details.legalBasis } : {}),
      ...(outcomes ? { ruleOutcomes: outcomes } : {}),
      ...(error.details.extensions ?? {}),
    });
  }
  if (error instanceof JsonTooDeepError) return problem(400, 'JSON_TOO_DEEP', error.message, { errors: [{ field: 'body', message: error.message }] });
  if (error instanceof RequestValidationError) return problem(400, error.code, error.message, { errors: error.errors });
  if (error instanceof AuthenticationError) return problem(401, error.code, error.message);
  if (error instanceof WrongExpectedRevisionError) return problem(409, error.code, `${error.message}: muat ulang kasus lalu coba lagi`);
  if (error instanceof DuplicateEventIdError) return problem(409, error.code, error.message);
  if (error instanceof EventRejectedError) return problem(400, error.code, error.message, { errors: [{ field: error.field ?? 'body', message: error.message }] });
  // NestJS 12 wraps what body parsers and Express throw in an HttpException; the cause says what it was.
  if (error instanceof HttpException && error.cause !== undefined) {
    const inner = toProblem(error.cause);
    if (inner.status < 500) return inner;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problem(status, status === 404 ? 'NOT_FOUND' : `HTTP_${status}`, typeof error.getResponse() === 'string' ? String(error.getResponse()) : error.message);
  }
  const bodyParser = error as { status?: unknown; type?: unknown; message?: unknown };
  if (typeof bodyParser.status === 'number' && bodyParser.status >= 400 && bodyParser.status < 500 && typeof bodyParser.type === 'string') {
    const code = bodyParser.type === 'entity.parse.failed' ? 'MALFORMED_JSON' : bodyParser.type.toUpperCase().replace(/[^A-Z]+/g, '_');
    return problem(bodyParser.status, code, bodyParser.type === 'entity.parse.failed' ? parseFailure(error) : String(bodyParser.message ?? bodyParser.type));
  }
  if (isDatabaseUnavailable(error)) {
    return problem(
      503,
      'DATABASE_UNAVAILABLE',
      'basis data sedang tidak dapat dihubungi; coba lagi dalam beberapa detik (dengan Idempotency-Key yang sama, agar perintah yang sudah masuk tidak terulang)',
      { retryAfterSeconds: 5 },
    );
  }
  return problem(500, 'INTERNAL_ERROR', 'terjadi kesalahan internal; kesalahan ini sudah dicatat');
}

/** Valid JSON that is not an object or array (`null`, `"text"`) is refused by the strict parser too: say which it was. */
function parseFailure(error: unknown): string {
  const body = (error as { body?: unknown }).body;
  if (typeof body !== 'string') return 'isi permintaan bukan JSON yang valid';
  try {
    JSON.parse(body);
    return 'isi permintaan harus berupa objek JSON';
  } catch {
    return 'isi permintaan bukan JSON yang valid';
  }
}
