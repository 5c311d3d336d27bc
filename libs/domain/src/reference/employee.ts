import { IsoDate } from '../shared/dates';
import { Golongan } from '../values/golongan';
import { SkpRating } from '../values/skp';

export type EmployeeKind = 'PNS' | 'PPPK';

/** A relation the employee declared, for conflicts of interest. */
export interface DeclaredRelation {
  readonly nip: string | null;
  readonly name: string;
  readonly relation: string;
}

/** A competency assessment (uji kompetensi) on record: the level found (1–5), when, and by whom. */
export interface CompetencyAssessment {
  readonly competency: string;
  readonly level: number;
  readonly date: IsoDate;
  readonly assessor: string;
}

/**
 * An employee as the proposal saw them. The snapshot is stored in the proposal event so that later readers see
 * the facts the rules were run on, even after the reference data changed.
 */
export interface EmployeeSnapshot {
  /** NIP (PNS) or NI PPPK. */
  readonly nip: string;
  readonly name: string;
  readonly kind: EmployeeKind;
  readonly golongan: Golongan;
  readonly tmtCpns: IsoDate | null;
  /** TMT PNS: the ten-year lock runs from here. Null for PPPK. */
  readonly tmtPns: IsoDate | null;
  readonly agencyId: string;
  readonly positionId: string;
  /** TMT in the current position. */
  readonly positionSince: IsoDate;
  /** Inauguration into a JPT position, if any. */
  readonly jptInaugurationDate: IsoDate | null;
  readonly educationField: string;
  readonly competencies: readonly string[];
  readonly skp: readonly { readonly year: number; readonly rating: SkpRating }[];
  readonly discipline: { readonly activeSanction: boolean; readonly courtCase: boolean };
  readonly study: { readonly onStudyAssignment: boolean; readonly serviceBondUntil: IsoDate | null };
  readonly relations: readonly DeclaredRelation[];
  /** Effective date of the employee's previous transfer, for M-03. */
  readonly lastTransferDate: IsoDate | null;
  /** Competency assessments on record (uji kompetensi); they count in the merit score from `merit-score/v2`. */
  readonly assessments?: readonly CompetencyAssessment[];
}

/** A delegation of signing authority. */
export interface Delegation {
  readonly id: string;
  readonly grantor: { readonly role: string; readonly agencyId: string };
  readonly granteeUserId: string;
  readonly scope: readonly ('DECREE' | 'APPROVAL')[];
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  readonly legalBasis: string;
  readonly revoked?: boolean;
}
