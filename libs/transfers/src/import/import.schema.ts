import { anyValue, boolean, enumOf, integer, list, named, object, optional, text } from '@mutasi/platform';

/** The answers of `POST /api/admin/import` and its preview (import.service.ts). */

const ImportConflict = named(
  'ImportConflict',
  object(
    {
      entity: enumOf(['position', 'employee']),
      key: text(),
      field: text(),
      imported: anyValue('the value in the file'),
      kept: anyValue('the value a later placement set, kept'),
      reason: text(),
    },
    'a field kept as a newer placement says, instead of the imported value',
  ),
);

export const ImportSummary = named(
  'ImportSummary',
  object({
    importId: text(),
    agencies: integer(),
    positions: integer(),
    employees: integer(),
    delegations: integer(),
    electionCalendars: integer(),
    holidayCalendars: integer(),
    users: integer(),
    mutationPlans: integer(),
    sha256: text('of the file as sent'),
    changedRecords: integer('records created or changed, each with its fields in the audit trail'),
    conflicts: list(ImportConflict),
  }),
);

export const ImportPreview = named(
  'ImportPreview',
  object({
    changedRecords: integer(),
    conflicts: list(ImportConflict),
    changes: list(
      object({
        entity: enumOf(['agency', 'position', 'employee', 'mutationPlan', 'delegation', 'user', 'holidayCalendar']),
        key: text(),
        created: boolean(),
        fields: list(
          object({
            field: text(),
            kind: enumOf(['ADDED', 'CHANGED']),
            old: optional(anyValue('left out for a sensitive field')),
            new: optional(anyValue('left out for a sensitive field')),
            sensitive: boolean('personal data (UU 27/2022): values not shown'),
          }),
        ),
      }),
      'the first 500 changed records',
    ),
  }),
);
