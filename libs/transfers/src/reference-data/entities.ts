import { Column, Entity, Index, PrimaryColumn, ViewColumn, ViewEntity } from 'typeorm';
import type { AbkTask, CompetencyAssessment, DeclaredRelation, ElectionCalendar, PlannedMove } from '@mutasi/domain';

/** Reference data: not event-sourced, imported and versioned by whole-file imports (each recorded in the audit trail). */
@Entity({ name: 'agencies' })
export class AgencyRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text', name: 'province_code', nullable: true }) provinceCode!: string | null;
  @Column({ type: 'text', name: 'kanreg_agency_id' }) kanregAgencyId!: string;
  @Column({ type: 'text', name: 'ppk_status' }) ppkStatus!: string;
  @Column({ type: 'date', name: 'head_inauguration_date', nullable: true }) headInaugurationDate!: string | null;
  @Column({ type: 'jsonb', name: 'election_calendar', nullable: true }) electionCalendar!: ElectionCalendar | null;
  @Column({ type: 'boolean', default: false }) abroad!: boolean;
  @Column({ type: 'text', nullable: true }) authority!: string | null;
  @Column({ type: 'text', nullable: true }) oversight!: string | null;
  @Column({ type: 'text', name: 'time_zone', nullable: true }) timeZone!: string | null;
}

@Entity({ name: 'positions' })
@Index(['agencyId'])
export class PositionRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'agency_id' }) agencyId!: string;
  @Column({ type: 'text' }) unit!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', name: 'position_class' }) positionClass!: string;
  @Column({ type: 'text', name: 'functional_level', nullable: true }) functionalLevel!: string | null;
  @Column({ type: 'jsonb', name: 'required_competencies' }) requiredCompetencies!: string[];
  @Column({ type: 'jsonb', name: 'required_education_fields' }) requiredEducationFields!: string[];
  @Column({ type: 'integer' }) kebutuhan!: number;
  @Column({ type: 'integer' }) bezetting!: number;
  @Column({ type: 'boolean', name: 'pilkada_scope' }) pilkadaScope!: boolean;
  @Column({ type: 'jsonb', name: 'abk_tasks', nullable: true }) abkTasks!: AbkTask[] | null;
  /** When, by which import and where in the event order the row was last imported (`positions_current`). */
  @Column({ type: 'timestamptz', name: 'imported_at' }) importedAt!: Date;
  @Column({ type: 'text', name: 'import_id', nullable: true }) importId!: string | null;
  @Column({ type: 'text', name: 'imported_position' }) importedPosition!: string;
}

@Entity({ name: 'employees' })
export class EmployeeRow {
  @PrimaryColumn({ type: 'text' }) nip!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) golongan!: string;
  @Column({ type: 'date', name: 'tmt_cpns', nullable: true }) tmtCpns!: string | null;
  @Column({ type: 'date', name: 'tmt_pns', nullable: true }) tmtPns!: string | null;
  @Column({ type: 'text', name: 'agency_id' }) agencyId!: string;
  @Column({ type: 'text', name: 'position_id' }) positionId!: string;
  @Column({ type: 'date', name: 'position_since' }) positionSince!: string;
  @Column({ type: 'date', name: 'jpt_inauguration_date', nullable: true }) jptInaugurationDate!: string | null;
  @Column({ type: 'text', name: 'education_field' }) educationField!: string;
  @Column({ type: 'jsonb' }) competencies!: string[];
  @Column({ type: 'jsonb' }) skp!: { year: number; rating: string }[];
  @Column({ type: 'jsonb' }) discipline!: { activeSanction: boolean; courtCase: boolean };
  @Column({ type: 'jsonb' }) study!: { onStudyAssignment: boolean; serviceBondUntil: string | null };
  @Column({ type: 'jsonb' }) relations!: DeclaredRelation[];
  @Column({ type: 'date', name: 'last_transfer_date', nullable: true }) lastTransferDate!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) assessments!: CompetencyAssessment[];
  /** When, by which import and where in the event order the row was last imported (`employees_current`). */
  @Column({ type: 'timestamptz', name: 'imported_at' }) importedAt!: Date;
  @Column({ type: 'text', name: 'import_id', nullable: true }) importId!: string | null;
  @Column({ type: 'text', name: 'imported_position' }) importedPosition!: string;
}

@Entity({ name: 'delegations' })
export class DelegationRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'jsonb' }) grantor!: { role: string; agencyId: string };
  @Column({ type: 'text', name: 'grantee_user_id' }) granteeUserId!: string;
  @Column({ type: 'jsonb' }) scope!: string[];
  @Column({ type: 'date', name: 'valid_from' }) validFrom!: string;
  @Column({ type: 'date', name: 'valid_until' }) validUntil!: string;
  @Column({ type: 'text', name: 'legal_basis' }) legalBasis!: string;
  @Column({ type: 'boolean', default: false }) revoked!: boolean;
}

/** Demo sign-ins for standalone mode (`GET /api/dev/users`); production users come from the identity provider. */
@Entity({ name: 'dev_users' })
export class DevUserRow {
  @PrimaryColumn({ type: 'text', name: 'user_id' }) userId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'agency_id' }) agencyId!: string;
  @Column({ type: 'jsonb' }) roles!: string[];
  @Column({ type: 'text', nullable: true }) nip!: string | null;
  @Column({ type: 'text' }) title!: string;
}

/** A position as it stands: the imported row with the placements recorded since (read only). */
@ViewEntity({ name: 'positions_current', synchronize: false })
export class CurrentPositionRow {
  @ViewColumn() id!: string;
  @ViewColumn({ name: 'agency_id' }) agencyId!: string;
  @ViewColumn() unit!: string;
  @ViewColumn() title!: string;
  @ViewColumn({ name: 'position_class' }) positionClass!: string;
  @ViewColumn({ name: 'functional_level' }) functionalLevel!: string | null;
  @ViewColumn({ name: 'required_competencies' }) requiredCompetencies!: string[];
  @ViewColumn({ name: 'required_education_fields' }) requiredEducationFields!: string[];
  @ViewColumn() kebutuhan!: number;
  @ViewColumn() bezetting!: number;
  @ViewColumn({ name: 'pilkada_scope' }) pilkadaScope!: boolean;
  @ViewColumn({ name: 'abk_tasks' }) abkTasks!: AbkTask[] | null;
}

/** An employee as they stand: the imported row with the placements recorded since (read only). */
@ViewEntity({ name: 'employees_current', synchronize: false })
export class CurrentEmployeeRow {
  @ViewColumn() nip!: string;
  @ViewColumn() name!: string;
  @ViewColumn() kind!: string;
  @ViewColumn() golongan!: string;
  @ViewColumn({ name: 'tmt_cpns' }) tmtCpns!: string | null;
  @ViewColumn({ name: 'tmt_pns' }) tmtPns!: string | null;
  @ViewColumn({ name: 'agency_id' }) agencyId!: string;
  @ViewColumn({ name: 'position_id' }) positionId!: string;
  @ViewColumn({ name: 'position_since' }) positionSince!: string;
  @ViewColumn({ name: 'jpt_inauguration_date' }) jptInaugurationDate!: string | null;
  @ViewColumn({ name: 'education_field' }) educationField!: string;
  @ViewColumn() competencies!: string[];
  @ViewColumn() skp!: { year: number; rating: string }[];
  @ViewColumn() discipline!: { activeSanction: boolean; courtCase: boolean };
  @ViewColumn() study!: { onStudyAssignment: boolean; serviceBondUntil: string | null };
  @ViewColumn() relations!: DeclaredRelation[];
  @ViewColumn({ name: 'last_transfer_date' }) lastTransferDate!: string | null;
  @ViewColumn({ name: 'placed_by_case' }) placedByCase!: string | null;
  @ViewColumn() assessments!: CompetencyAssessment[];
}

/** An agency's mutation plan (rencana mutasi) for a year: the moves it planned, by target position. */
@Entity({ name: 'mutation_plans' })
export class MutationPlanRow {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text', name: 'agency_id' }) agencyId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'jsonb' }) moves!: PlannedMove[];
  @Column({ type: 'timestamptz', name: 'imported_at' }) importedAt!: Date;
  @Column({ type: 'text', name: 'import_id', nullable: true }) importId!: string | null;
}

export const REFERENCE_ENTITIES = [AgencyRow, PositionRow, EmployeeRow, DelegationRow, DevUserRow, CurrentPositionRow, CurrentEmployeeRow, MutationPlanRow];
