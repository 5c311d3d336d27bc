import { anyValue, boolean, date, enumOf, instant, integer, list, named, nullable, object, optional, text } from '@mutasi/platform';

const threshold = object(
  {
    value: anyValue('the number, list or settings the rule uses'),
    legalBasis: text('the law or the agency policy that sets it'),
    note: optional(text()),
  },
  'a threshold with the law it comes from',
);

/** A policy version (the `Policy` of libs/domain): its identity, and every threshold by name with its legal basis. */
export const Policy = named('Policy', {
  type: 'object',
  description: "one version of the rules' numbers; every member besides these five is a threshold (e.g. minYearsInPost, meritWeights)",
  properties: {
    version: text('e.g. mutasi-policy/2026.12'),
    effectiveFrom: date(),
    description: text(),
    meritScoreVersion: text('e.g. merit-score/v2'),
    maxTextLength: integer('the largest text field accepted'),
  },
  required: ['version', 'effectiveFrom', 'description', 'meritScoreVersion', 'maxTextLength'],
  additionalProperties: threshold,
});

const source = {
  source: enumOf(['BUILT_IN', 'PUBLISHED']),
  publishedBy: nullable(text('the ADMIN who published it')),
  publishedAt: nullable(instant()),
};

export const PolicyVersion = named(
  'PolicyVersion',
  object({
    version: text(),
    effectiveFrom: date(),
    description: text(),
    ...source,
    inForce: boolean('the version in force today'),
    policy: Policy,
  }),
);

export const PublishedPolicy = named('PublishedPolicy', object({ policy: Policy, ...source }));

export const HolidayCalendar = named(
  'HolidayCalendar',
  object({
    year: integer(),
    basis: text('the SKB that published it'),
    days: list(object({ date: date(), kind: text('LIBUR_NASIONAL or CUTI_BERSAMA'), occasion: text() })),
  }),
);
