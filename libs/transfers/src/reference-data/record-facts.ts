import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, EligibilityChange, EvaluationContext, HeldPlaces, IsoDate, Position, SkpRating } from '@mutasi/domain';
import { employeeOpenCase, placesHeld } from '../invariants/claim-store';

/** The employee fields the eligibility rules read (R-03, R-06, R-21–, M-01, M-03, R-04 fit). */
export const ELIGIBILITY_FIELDS = [
  'kind',
  'golongan',
  'tmtCpns',
  'tmtPns',
  'positionId',
  'agencyId',
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
] as const;

type ChangeRow = { import_id: string; changed_at: Date; changed_by: string; field: string; kind: string; old_value: unknown; new_value: unknown };

/**
 * Whether a recorded field change counts for M-05: any alteration does, and so does an addition, which can lift a block
 * as well as an alteration can (a competency added, a missing SKP year filled in). Only the yearly SKP round does not:
 * ratings of years after the newest one on record.
 */
function counts(row: ChangeRow): boolean {
  if (row.kind === 'CHANGED' || row.field !== 'skp') return true;
  const years = (v: unknown): number[] => (Array.isArray(v) ? v.map((s) => Number((s as { year?: unknown }).year)) : []);
  const before = years(row.old_value);
  const newest = Math.max(0, ...before);
  return years(row.new_value)
    .filter((y) => !before.includes(y))
    .some((y) => y <= newest);
}

/**
 * Facts of the record that a command is decided on besides the reference data itself: the places and employees
 * other cases hold, recent imports that touched a candidate, and what the placement of a completed move says.
 */
@Injectable()
export class RecordFacts {
  constructor(private readonly db: DataSource) {}

  placesHeld(position: Position, exceptCaseId: string | null): Promise<HeldPlaces> {
    return placesHeld(this.db, position.id, exceptCaseId, position.kebutuhan - position.bezetting);
  }

  employeeOpenCase(nip: string): Promise<string | null> {
    return employeeOpenCase(this.db, nip);
  }

  /**
   * Imports that changed the employee's eligibility inputs on or after `since` (M-05), one entry per import: alterations
   * and additions alike, except the yearly SKP round (`counts`).
   */
  async eligibilityChanges(nip: string, since: IsoDate): Promise<EligibilityChange[]> {
    const rows = (await this.db.query(
      `SELECT import_id, changed_at, changed_by, field, kind, old_value, new_value FROM reference_changes
       WHERE entity = 'employee' AND key = $1 AND field = ANY($2) AND changed_at >= $3::date ORDER BY changed_at, import_id, field`,
      [nip, [...ELIGIBILITY_FIELDS], since],
    )) as ChangeRow[];
    const byImport = new Map<string, EligibilityChange>();
    for (const r of rows.filter(counts)) {
      const seen = byImport.get(r.import_id);
      byImport.set(
        r.import_id,
        seen ? { ...seen, fields: [...seen.fields, r.field] } : { importId: r.import_id, importedAt: r.changed_at.toISOString(), importedBy: r.changed_by, fields: [r.field] },
      );
    }
    return [...byImport.values()];
  }

  /** What the record says after the move of a case, for its evaluation (M-08). */
  async evaluationContext(caseId: string, nip: string, targetPositionId: string, tmt: IsoDate): Promise<EvaluationContext> {
    const placements = (await this.db.query(`SELECT kind FROM placements WHERE case_id = $1`, [caseId])) as { kind: string }[];
    const appointed = placements.some((p) => p.kind === 'APPOINTMENT') && !placements.some((p) => p.kind === 'REVOCATION');
    const [employee] = (await this.db.query('SELECT position_id, skp FROM employees_current WHERE nip = $1', [nip])) as {
      position_id: string;
      skp: { year: number; rating: SkpRating }[];
    }[];
    const [position] = (await this.db.query('SELECT kebutuhan, bezetting FROM positions_current WHERE id = $1', [targetPositionId])) as { kebutuhan: number; bezetting: number }[];
    const year = Number(addDays(tmt, 0).slice(0, 4)) + 1;
    const after = employee?.skp.find((s) => s.year === year) ?? null;
    return {
      placement: appointed ? { holdsTargetPosition: employee?.position_id === targetPositionId, positionGapAfter: (position?.kebutuhan ?? 0) - (position?.bezetting ?? 0) } : null,
      importedSkpAfter: after,
    };
  }
}
