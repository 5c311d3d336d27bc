import { DataSource } from 'typeorm';

/** One move of an employee, as the placements of completed cases record it (riwayat jabatan/mutasi). */
export interface HistoryEntry {
  readonly kind: 'APPOINTMENT' | 'REVOCATION';
  readonly caseId: string;
  readonly from: { readonly agencyId: string; readonly positionId: string; readonly title: string | null };
  readonly to: { readonly agencyId: string; readonly positionId: string; readonly title: string | null };
  readonly effectiveOn: string;
  readonly decreeNumber: string;
  readonly decreeDate: string;
  readonly recordedAt: string;
}

/** The riwayat of an employee, oldest first, built from the events through the placements projection. */
export async function employeeHistory(db: DataSource, nip: string): Promise<HistoryEntry[]> {
  const rows = (await db.query(
    `SELECT pl.kind, pl.case_id, pl.from_agency_id, pl.from_position_id, f.title AS from_title, pl.to_agency_id, pl.to_position_id, t.title AS to_title,
       pl.effective_on::text AS effective_on, pl.decree_number, pl.decree_date::text AS decree_date, pl.recorded_at
     FROM placements pl LEFT JOIN positions f ON f.id = pl.from_position_id LEFT JOIN positions t ON t.id = pl.to_position_id
     WHERE pl.nip = $1 ORDER BY pl.position`,
    [nip],
  )) as {
    kind: HistoryEntry['kind'];
    case_id: string;
    from_agency_id: string;
    from_position_id: string;
    from_title: string | null;
    to_agency_id: string;
    to_position_id: string;
    to_title: string | null;
    effective_on: string;
    decree_number: string;
    decree_date: string;
    recorded_at: Date;
  }[];
  return rows.map((r) => ({
    kind: r.kind,
    caseId: r.case_id,
    from: { agencyId: r.from_agency_id, positionId: r.from_position_id, title: r.from_title },
    to: { agencyId: r.to_agency_id, positionId: r.to_position_id, title: r.to_title },
    effectiveOn: r.effective_on,
    decreeNumber: r.decree_number,
    decreeDate: r.decree_date,
    recordedAt: r.recorded_at.toISOString(),
  }));
}
