import { EntityManager } from 'typeorm';
import { diffRecord, ImportConflict, RecordChange } from './record-diff';
import { EmployeeDto, PositionDto, ReferenceDataImportDto } from './import.dto';

/** What an import will do: the file as it will be applied (placement-held fields kept), its changes and conflicts. */
export interface ImportPlan {
  readonly file: ReferenceDataImportDto;
  readonly changes: RecordChange[];
  readonly conflicts: ImportConflict[];
}

const AGENCY_FIELDS = ['name', 'kind', 'provinceCode', 'kanregAgencyId', 'ppkStatus', 'headInaugurationDate', 'electionCalendar', 'abroad', 'authority', 'oversight', 'timeZone'];
const POSITION_FIELDS = [
  'agencyId',
  'unit',
  'title',
  'positionClass',
  'functionalLevel',
  'requiredCompetencies',
  'requiredEducationFields',
  'kebutuhan',
  'bezetting',
  'pilkadaScope',
  'abkTasks',
];
const EMPLOYEE_FIELDS = [
  'name',
  'kind',
  'golongan',
  'tmtCpns',
  'tmtPns',
  'agencyId',
  'positionId',
  'positionSince',
  'jptInaugurationDate',
  'educationField',
  'competencies',
  'skp',
  'discipline',
  'study',
  'relations',
  'lastTransferDate',
  'assessments',
];
const PLAN_FIELDS = ['agencyId', 'year', 'title', 'moves'];
const DELEGATION_FIELDS = ['grantor', 'granteeUserId', 'scope', 'validFrom', 'validUntil', 'legalBasis', 'revoked'];
const USER_FIELDS = ['name', 'agencyId', 'roles', 'nip', 'title'];
const CALENDAR_FIELDS = ['basis', 'days'];
const DELEGATION_COLUMNS = 'id, grantor, grantee_user_id, scope, valid_from::text AS valid_from, valid_until::text AS valid_until, legal_basis, revoked';
/** The fields of an employee a placement decides: an older import may not undo them. */
const PLACED_FIELDS = ['agencyId', 'positionId', 'positionSince', 'jptInaugurationDate'] as const;

type Row = Record<string, unknown>;

/** A value as compared: lists in a stable order, so an import that only reorders changes nothing. */
function normal(value: unknown): unknown {
  if (!Array.isArray(value)) return value ?? null;
  const items = value.map(normal);
  const key = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(Object.entries(v as Row).sort(([a], [b]) => (a < b ? -1 : 1))) : String(v));
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function normalised(row: object, fields: readonly string[]): Row {
  const r = row as Row;
  return Object.fromEntries(fields.map((f) => [f, normal(r[f])]));
}

const camel = (snake: string): string => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const camelRow = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));

/** The current rows of `table` for `ids`; `columns` casts dates to text so they compare with the file's. */
async function currentRows(tx: EntityManager, table: string, key: string, ids: readonly string[], columns = '*'): Promise<Map<string, Row>> {
  if (ids.length === 0) return new Map();
  const rows = (await tx.query(`SELECT ${columns} FROM ${table} WHERE ${key} = ANY($1)`, [ids])) as Row[];
  return new Map(rows.map((r) => [String(r[key]), camelRow(r)]));
}

const AGENCY_COLUMNS =
  'id, name, kind, province_code, kanreg_agency_id, ppk_status, head_inauguration_date::text AS head_inauguration_date, election_calendar, abroad, authority, oversight, time_zone';

/** Employees whose last import is older than a placement: the placement's fields stand unless the file agrees. */
function keepPlacedFields(employees: readonly EmployeeDto[], current: Map<string, Row>, conflicts: ImportConflict[]): EmployeeDto[] {
  return employees.map((e) => {
    const now = current.get(e.nip);
    if (!now || now.placedByCase === null || now.placedByCase === undefined) return e;
    const kept: Row = {};
    for (const field of PLACED_FIELDS) {
      const imported: unknown = Reflect.get(e, field) ?? null;
      if (JSON.stringify(imported) === JSON.stringify(now[field] ?? null)) continue;
      kept[field] = now[field] ?? null;
      conflicts.push({
        entity: 'employee',
        key: e.nip,
        field,
        imported,
        kept: now[field] ?? null,
        reason: `case ${String(now.placedByCase)} placed the employee after the record was last imported; the file still holds the earlier value`,
      });
    }
    return Object.keys(kept).length === 0 ? e : { ...e, ...kept };
  });
}

/** Positions whose bezetting moved with placements since their last import: the moved count stands unless the file agrees. */
async function keepPlacedBezetting(tx: EntityManager, positions: readonly PositionDto[], current: Map<string, Row>, conflicts: ImportConflict[]): Promise<PositionDto[]> {
  const ids = positions.map((p) => p.id);
  if (ids.length === 0) return [];
  const moved = new Set(
    (
      (await tx.query(
        `SELECT DISTINCT pos.id FROM positions pos JOIN placements pl ON (pl.to_position_id = pos.id OR pl.from_position_id = pos.id) AND pl.position > pos.imported_position WHERE pos.id = ANY($1)`,
        [ids],
      )) as { id: string }[]
    ).map((r) => r.id),
  );
  return positions.map((p) => {
    const now = current.get(p.id);
    if (!now || !moved.has(p.id) || now.bezetting === p.bezetting) return p;
    conflicts.push({
      entity: 'position',
      key: p.id,
      field: 'bezetting',
      imported: p.bezetting,
      kept: now.bezetting,
      reason: 'placements of completed transfers moved the bezetting after the position was last imported; the file still holds the earlier count',
    });
    return { ...p, bezetting: Number(now.bezetting) };
  });
}

/**
 * Every other list of the file compared with the record, so no import changes anything without a trace: election
 * calendars (as the agency's field), delegations, demo sign-ins and holiday calendars.
 */
async function otherChanges(tx: EntityManager, file: ReferenceDataImportDto, agencies: Map<string, Row>): Promise<(RecordChange | null)[]> {
  const inFile = new Set((file.agencies ?? []).map((a) => a.id));
  const calendars = (file.electionCalendars ?? []).filter((c) => !inFile.has(c.agencyId));
  const delegations = await currentRows(
    tx,
    'delegations',
    'id',
    (file.delegations ?? []).map((d) => d.id),
    DELEGATION_COLUMNS,
  );
  const users = await currentRows(
    tx,
    'dev_users',
    'user_id',
    (file.users ?? []).map((u) => u.userId),
  );
  const years = (file.holidayCalendars ?? []).map((y) => y.year);
  const held = years.length === 0 ? [] : ((await tx.query('SELECT year, basis, days FROM holiday_calendars WHERE year = ANY($1::int[])', [years])) as Row[]);
  const heldYears = new Map(held.map((r) => [Number(r.year), r]));
  return [
    ...calendars.map((c) =>
      diffRecord(
        'agency',
        c.agencyId,
        agencies.has(c.agencyId) ? normalised(agencies.get(c.agencyId) as Row, ['electionCalendar']) : null,
        normalised({ electionCalendar: { penetapanPaslonDate: c.penetapanPaslonDate, endOfTermDate: c.endOfTermDate } }, ['electionCalendar']),
        ['electionCalendar'],
      ),
    ),
    ...(file.delegations ?? []).map((d) =>
      diffRecord(
        'delegation',
        d.id,
        delegations.has(d.id) ? normalised(delegations.get(d.id) as Row, DELEGATION_FIELDS) : null,
        normalised({ ...d, revoked: d.revoked ?? false }, DELEGATION_FIELDS),
        DELEGATION_FIELDS,
      ),
    ),
    ...(file.users ?? []).map((u) =>
      diffRecord(
        'user',
        u.userId,
        users.has(u.userId) ? normalised(users.get(u.userId) as Row, USER_FIELDS) : null,
        normalised({ ...u, nip: u.nip ?? null }, USER_FIELDS),
        USER_FIELDS,
      ),
    ),
    ...(file.holidayCalendars ?? []).map((y) =>
      diffRecord(
        'holidayCalendar',
        String(y.year),
        heldYears.has(y.year) ? normalised(heldYears.get(y.year) as Row, CALENDAR_FIELDS) : null,
        normalised(y, CALENDAR_FIELDS),
        CALENDAR_FIELDS,
      ),
    ),
  ];
}

/** The agencies of the file with the election calendars the file sets for them (one change per field). */
function withCalendars(file: ReferenceDataImportDto): ReferenceDataImportDto['agencies'] {
  const calendars = new Map((file.electionCalendars ?? []).map((c) => [c.agencyId, { penetapanPaslonDate: c.penetapanPaslonDate, endOfTermDate: c.endOfTermDate }]));
  return file.agencies?.map((a) => (calendars.has(a.id) ? { ...a, electionCalendar: calendars.get(a.id) as NonNullable<typeof a.electionCalendar> } : a));
}

/**
 * Plans an import against the record as it stands (`employees_current`, `positions_current`): what each record's
 * change is, field by field, and which imported fields a newer placement overrules.
 */
export async function planImport(tx: EntityManager, file: ReferenceDataImportDto): Promise<ImportPlan> {
  const conflicts: ImportConflict[] = [];
  const agencies = await currentRows(
    tx,
    'agencies',
    'id',
    [...new Set([...(file.agencies ?? []).map((a) => a.id), ...(file.electionCalendars ?? []).map((c) => c.agencyId)])],
    AGENCY_COLUMNS,
  );
  const positionsNow = await currentRows(
    tx,
    'positions_current',
    'id',
    (file.positions ?? []).map((p) => p.id),
  );
  const employeesNow = await currentRows(
    tx,
    'employees_current',
    'nip',
    (file.employees ?? []).map((e) => e.nip),
  );
  const plansNow = await currentRows(
    tx,
    'mutation_plans',
    'id',
    (file.mutationPlans ?? []).map((m) => m.id),
  );
  const positions = await keepPlacedBezetting(tx, file.positions ?? [], positionsNow, conflicts);
  const employees = keepPlacedFields(file.employees ?? [], employeesNow, conflicts);
  const fileAgencies = withCalendars(file);
  const changes = [
    ...(fileAgencies ?? []).map((a) =>
      diffRecord(
        'agency',
        a.id,
        agencies.has(a.id) ? normalised(agencies.get(a.id) as Row, AGENCY_FIELDS) : null,
        normalised({ ...a, abroad: a.abroad ?? false, authority: a.authority ?? null, oversight: a.oversight ?? null, timeZone: a.timeZone ?? null }, AGENCY_FIELDS),
        AGENCY_FIELDS,
      ),
    ),
    ...positions.map((p) =>
      diffRecord('position', p.id, positionsNow.has(p.id) ? normalised(positionsNow.get(p.id) as Row, POSITION_FIELDS) : null, normalised(p, POSITION_FIELDS), POSITION_FIELDS),
    ),
    ...employees.map((e) =>
      diffRecord(
        'employee',
        e.nip,
        employeesNow.has(e.nip) ? normalised(employeesNow.get(e.nip) as Row, EMPLOYEE_FIELDS) : null,
        normalised({ ...e, assessments: e.assessments ?? [] }, EMPLOYEE_FIELDS),
        EMPLOYEE_FIELDS,
      ),
    ),
    ...(file.mutationPlans ?? []).map((m) =>
      diffRecord('mutationPlan', m.id, plansNow.has(m.id) ? normalised(plansNow.get(m.id) as Row, PLAN_FIELDS) : null, normalised(m, PLAN_FIELDS), PLAN_FIELDS),
    ),
    ...(await otherChanges(tx, file, agencies)),
  ].filter((c): c is RecordChange => c !== null);
  return { file: { ...file, positions, employees }, changes, conflicts };
}
