/** One task of a position's workload analysis (ABK): how often a year, and the standard time per unit. */
export interface AbkTask {
  readonly task: string;
  /** Units of output a year (volume kerja). */
  readonly volumePerYear: number;
  /** Standard time per unit, in minutes (norma waktu). */
  readonly minutesPerUnit: number;
}

export const POSITION_CLASSES = ['JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'FUNGSIONAL', 'PELAKSANA'] as const;
export type PositionClass = (typeof POSITION_CLASSES)[number];

/** A position (jabatan) with its ABK numbers (docs/domain.md §2). */
export interface Position {
  readonly id: string;
  readonly agencyId: string;
  readonly unit: string;
  readonly title: string;
  readonly positionClass: PositionClass;
  readonly functionalLevel: string | null;
  readonly requiredCompetencies: readonly string[];
  readonly requiredEducationFields: readonly string[];
  /** Required headcount from the workload analysis (ABK). */
  readonly kebutuhan: number;
  /** Current headcount. */
  readonly bezetting: number;
  /** A functional position heading a unit (Kepala Sekolah, Kepala Puskesmas): in scope. */
  readonly pilkadaScope: boolean;
  /** The workload analysis (ABK) behind `kebutuhan`, when one is on record. */
  readonly abkTasks?: readonly AbkTask[] | null;
}

/** True for JPT positions. */
export function isJpt(positionClass: PositionClass): boolean {
  return positionClass === 'JPT_UTAMA' || positionClass === 'JPT_MADYA' || positionClass === 'JPT_PRATAMA';
}
