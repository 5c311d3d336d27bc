import { integer, list, named, object, openObject, optional, text } from './schema';

/** The media type of every error answer (RFC 9457; `ProblemDetailsFilter`). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The body of every error answer, as `problem()` and `toProblem()` build it (libs/platform/src/errors). */
export const ProblemDetailsSchema = named(
  'ProblemDetails',
  openObject(
    {
      type: text('a stable URI per code, e.g. https://mutasi.example.go.id/problems/case-not-found'),
      title: text('the HTTP status in words, e.g. "Refused by a rule"'),
      status: integer('the HTTP status, repeated'),
      detail: text('what happened, for a person'),
      code: text('a stable code for programs, e.g. VALIDATION_FAILED, CASE_NOT_FOUND, RULE_R21'),
      instance: optional(text('the request path')),
      errors: optional(list(object({ field: text('e.g. employees[3].nip, If-Match'), message: text() }), 'each bad field (400)')),
      ruleId: optional(text('the rule that refused (422, and a 409 a rule raised), e.g. R-21')),
      legalBasis: optional(text('the article the rule applies, e.g. PP 11/2017 Pasal 190')),
    },
    "RFC 9457 problem details with Mutasi's `code`; a rule refusal names its rule and legal basis, and may carry more members (e.g. `ruleOutcomes`).",
  ),
);
