import { Agency, Delegation, EmployeeSnapshot, Golongan, Position } from '@mutasi/domain';
import { AgencyRow, CurrentEmployeeRow, CurrentPositionRow, DelegationRow, EmployeeRow, PositionRow } from './entities';

/** Row ↔ domain conversions of the reference data. */
export const toAgency = (r: AgencyRow): Agency => ({
  id: r.id,
  name: r.name,
  kind: r.kind as Agency['kind'],
  provinceCode: r.provinceCode,
  kanregAgencyId: r.kanregAgencyId,
  ppkStatus: r.ppkStatus as Agency['ppkStatus'],
  headInaugurationDate: r.headInaugurationDate,
  electionCalendar: r.electionCalendar,
  ...(r.abroad ? { abroad: true } : {}),
  ...(r.authority ? { authority: r.authority as NonNullable<Agency['authority']> } : {}),
  ...(r.oversight === 'NATIONAL' ? { oversight: 'NATIONAL' as const } : {}),
  ...(r.timeZone ? { timeZone: r.timeZone as NonNullable<Agency['timeZone']> } : {}),
});

export const toPosition = (r: PositionRow | CurrentPositionRow): Position => ({
  id: r.id,
  agencyId: r.agencyId,
  unit: r.unit,
  title: r.title,
  positionClass: r.positionClass as Position['positionClass'],
  functionalLevel: r.functionalLevel,
  requiredCompetencies: r.requiredCompetencies,
  requiredEducationFields: r.requiredEducationFields,
  kebutuhan: r.kebutuhan,
  bezetting: r.bezetting,
  pilkadaScope: r.pilkadaScope,
  ...(r.abkTasks && r.abkTasks.length > 0 ? { abkTasks: r.abkTasks } : {}),
});

export const toEmployee = (r: EmployeeRow | CurrentEmployeeRow): EmployeeSnapshot => ({
  nip: r.nip,
  name: r.name,
  kind: r.kind as EmployeeSnapshot['kind'],
  golongan: r.golongan as Golongan,
  tmtCpns: r.tmtCpns,
  tmtPns: r.tmtPns,
  agencyId: r.agencyId,
  positionId: r.positionId,
  positionSince: r.positionSince,
  jptInaugurationDate: r.jptInaugurationDate,
  educationField: r.educationField,
  competencies: r.competencies,
  skp: r.skp as EmployeeSnapshot['skp'],
  discipline: r.discipline,
  study: r.study,
  relations: r.relations,
  lastTransferDate: r.lastTransferDate,
  ...(r.assessments && r.assessments.length > 0 ? { assessments: r.assessments } : {}),
});

export const toDelegation = (r: DelegationRow): Delegation => ({
  id: r.id,
  grantor: r.grantor,
  granteeUserId: r.granteeUserId,
  scope: r.scope as Delegation['scope'],
  validFrom: r.validFrom,
  validUntil: r.validUntil,
  legalBasis: r.legalBasis,
  ...(r.revoked ? { revoked: true } : {}),
});
