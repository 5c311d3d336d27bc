import { EmployeeSnapshot } from '@mutasi/domain';

/**
 * A PNS who passes every eligibility rule on the test clock (2026-06-01): three years in post, TMT PNS over ten
 * years ago, SKP BAIK in 2024 and 2025, no sanction, study or bond. Tests patch the one fact a rule looks at.
 */
export function anEmployee(patch: Partial<EmployeeSnapshot> = {}): EmployeeSnapshot {
  return {
    nip: '198503302010011002',
    name: 'Rina Kartika',
    kind: 'PNS',
    golongan: 'III/c',
    tmtCpns: '2010-01-01',
    tmtPns: '2011-01-01',
    agencyId: 'kota-bandar-lestari',
    positionId: 'kota-bandar-lestari/auditor',
    positionSince: '2023-06-01',
    jptInaugurationDate: null,
    educationField: 'AKUNTANSI',
    competencies: ['AUDIT'],
    skp: [
      { year: 2024, rating: 'BAIK' },
      { year: 2025, rating: 'BAIK' },
    ],
    discipline: { activeSanction: false, courtCase: false },
    study: { onStudyAssignment: false, serviceBondUntil: null },
    relations: [],
    lastTransferDate: null,
    ...patch,
  };
}

/** The instant of a civil date on the test clock's time of day (09:00 WIB). */
export const on = (date: string): string => `${date}T02:00:00.000Z`;
