import { IsoDate } from '../shared/dates';

export type AgencyKind = 'PUSAT' | 'PROVINSI' | 'KABKOTA';
/** The head's status: elected (definitif), an appointed Penjabat (Pj), or a Pelaksana Tugas (Plt). */
export type PpkStatus = 'DEFINITIF' | 'PENJABAT' | 'PLT';

/** Regional election dates for R-40 (freeze before the election) and the end of the head's term. */
export interface ElectionCalendar {
  /** Date of *penetapan pasangan calon* by the KPU. */
  readonly penetapanPaslonDate: IsoDate;
  /** End of the sitting regional head's term. */
  readonly endOfTermDate: IsoDate;
}

/** An agency (instansi) as reference data (docs/domain.md §2). */
export interface Agency {
  readonly id: string;
  readonly name: string;
  readonly kind: AgencyKind;
  /** Province code, e.g. `NB`; null for central agencies. */
  readonly provinceCode: string | null;
  /** Agency id of the BKN regional office (kanreg) that serves this agency. */
  readonly kanregAgencyId: string;
  readonly ppkStatus: PpkStatus;
  /** Inauguration of the current regional head, or of the minister for central agencies. */
  readonly headInaugurationDate: IsoDate | null;
  readonly electionCalendar: ElectionCalendar | null;
  /** A Perwakilan RI abroad: no route is supported (source not found). */
  readonly abroad?: boolean;
  /** National authorities that act in approval chains. */
  readonly authority?: 'KEMENDAGRI' | 'BKN' | 'KANREG_BKN';
  /**
   * The agency that holds national merit oversight (INSPEKTUR sees every case): BKN since KASN was dissolved (UU 20/2023,
   * Perpres 92/2024), an independent body once one is set up (MK 121/PUU-XXII/2024). Reference data, not a constant.
   */
  readonly oversight?: 'NATIONAL';
  /** The agency's own time zone for the dates its people read: WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9); WIB when unset. */
  readonly timeZone?: AgencyTimeZone;
}

export const AGENCY_TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type AgencyTimeZone = (typeof AGENCY_TIME_ZONES)[number];

/** Agencies that hold national or regional authority in approval chains. */
export interface ChainAuthorities {
  /** Kementerian Dalam Negeri (MENDAGRI steps). */
  readonly kemendagriAgencyId: string;
  /** BKN head office (KEPALA_BKN steps). */
  readonly bknAgencyId: string;
  /** The provincial government of each province code, for GUBERNUR steps. */
  readonly provinceAgencyIds: Readonly<Record<string, string>>;
}

/** The authorities of approval chains, found among the agencies; throws when one is missing. */
export function chainAuthorities(agencies: readonly Agency[]): ChainAuthorities {
  const kemendagri = agencies.find((a) => a.authority === 'KEMENDAGRI');
  const bkn = agencies.find((a) => a.authority === 'BKN');
  if (!kemendagri || !bkn) throw new Error('the reference data must hold Kemendagri and BKN (agency.authority)');
  const provinceAgencyIds: Record<string, string> = {};
  for (const a of agencies) if (a.kind === 'PROVINSI' && a.provinceCode !== null) provinceAgencyIds[a.provinceCode] = a.id;
  return { kemendagriAgencyId: kemendagri.id, bknAgencyId: bkn.id, provinceAgencyIds };
}

/** True for a regional government (provinsi, kabupaten or kota). */
export function isRegional(agency: Agency): boolean {
  return agency.kind !== 'PUSAT';
}
