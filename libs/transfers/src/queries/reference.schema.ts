import { AGENCY_TIME_ZONES, POSITION_CLASSES, SKP_RATINGS } from '@mutasi/domain';
import { boolean, date, decimal, enumOf, instant, integer, list, named, nullable, object, optional, text } from '@mutasi/platform';
import { SENSITIVE_FIELDS } from './employee-privacy';

/** The reference data as `GET /api/agencies`, `/positions` and `/employees` answer it (the domain's records). */

export const Agency = named(
  'Agency',
  object({
    id: text(),
    name: text(),
    kind: enumOf(['PUSAT', 'PROVINSI', 'KABKOTA']),
    provinceCode: nullable(text('e.g. NB; null for central agencies')),
    kanregAgencyId: text('the BKN regional office serving the agency'),
    ppkStatus: enumOf(['DEFINITIF', 'PENJABAT', 'PLT']),
    headInaugurationDate: nullable(date()),
    electionCalendar: nullable(object({ penetapanPaslonDate: date(), endOfTermDate: date() })),
    abroad: optional(boolean()),
    authority: optional(enumOf(['KEMENDAGRI', 'BKN', 'KANREG_BKN'])),
    oversight: optional(enumOf(['NATIONAL'])),
    timeZone: optional(enumOf(AGENCY_TIME_ZONES, 'WIB when unset')),
  }),
);

export const Position = named(
  'Position',
  object({
    id: text(),
    agencyId: text(),
    unit: text(),
    title: text(),
    positionClass: enumOf(POSITION_CLASSES),
    functionalLevel: nullable(text()),
    requiredCompetencies: list(text()),
    requiredEducationFields: list(text()),
    kebutuhan: integer('required headcount from the ABK'),
    bezetting: integer('current headcount'),
    pilkadaScope: boolean(),
    abkTasks: optional(nullable(list(object({ task: text(), volumePerYear: decimal(), minutesPerUnit: decimal() }), 'the ABK behind kebutuhan'))),
  }),
);

const employee = {
  nip: text(),
  name: text(),
  kind: enumOf(['PNS', 'PPPK']),
  golongan: text('e.g. III/c, or a PPPK grade'),
  tmtCpns: nullable(date()),
  tmtPns: nullable(date()),
  agencyId: text(),
  positionId: text(),
  positionSince: date(),
  jptInaugurationDate: nullable(date()),
  educationField: text(),
  competencies: list(text()),
  skp: list(object({ year: integer(), rating: enumOf(SKP_RATINGS) })),
  discipline: optional(object({ activeSanction: boolean(), courtCase: boolean() }, 'only to the roles that decide on it')),
  study: object({ onStudyAssignment: boolean(), serviceBondUntil: nullable(date()) }),
  relations: optional(list(object({ nip: nullable(text()), name: text(), relation: text() }), 'only to the roles that decide on them')),
  lastTransferDate: nullable(date()),
  assessments: optional(list(object({ competency: text(), level: integer('1–5'), date: date(), assessor: text() }))),
  withheld: optional(list(enumOf(SENSITIVE_FIELDS), 'the fields left out for this reader')),
};

export const Employee = named('Employee', object(employee, 'an employee as the record stands, sensitive fields withheld unless you decide on them'));

export const EmployeePage = named('EmployeePage', object({ items: list(Employee), nextCursor: nullable(text('the cursor of the next page')) }));

const placeHeld = object({ agencyId: text(), positionId: text(), title: nullable(text()) });

export const EmployeeRecord = named(
  'EmployeeRecord',
  object({
    ...employee,
    riwayat: list(
      object({
        kind: enumOf(['APPOINTMENT', 'REVOCATION']),
        caseId: text(),
        from: placeHeld,
        to: placeHeld,
        effectiveOn: date(),
        decreeNumber: text(),
        decreeDate: date(),
        recordedAt: instant(),
      }),
      'riwayat jabatan/mutasi, oldest first, from the events',
    ),
  }),
);
