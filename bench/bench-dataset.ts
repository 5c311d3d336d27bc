import { addMonths, EmployeeSnapshot, IsoDate, Position } from '@mutasi/domain';
import { AGENCY, makeNip, Prng } from '@mutasi/demo-data';

/** The benchmark's own position: places for every case it opens (R-04 counts them), no competency asked. */
export const BENCH_TARGET = `${AGENCY.bandarLestari}.bench-target`;
/**
 * Positions the open-case line spreads its cases over, as a national load spreads over positions: R-04 holds a
 * position's row lock from the claim to COMMIT, so cases opened on one position at once take turns by design.
 */
export const BENCH_OPEN_TARGETS = Array.from({ length: 64 }, (_, k) => `${AGENCY.bandarLestari}.bench-open-${k + 1}`);
const BENCH_ORIGIN = `${AGENCY.bandarLestari}.bench-origin`;

const position = (id: string, title: string, kebutuhan: number, bezetting: number): Position => ({
  id,
  agencyId: AGENCY.bandarLestari,
  unit: 'Benchmark',
  title,
  positionClass: 'PELAKSANA',
  functionalLevel: null,
  requiredCompetencies: [],
  requiredEducationFields: [],
  kebutuhan,
  bezetting,
  pilkadaScope: false,
});

/**
 * A reference data file for the HTTP benchmark, relative to `today`: a target with room for every case, and `count`
 * eligible employees in another position (one open case each, M-09), so each benchmark proposal is a real one.
 */
export function benchDataset(today: IsoDate, count: number): { positions: Position[]; employees: EmployeeSnapshot[] } {
  const prng = new Prng(7);
  const used = new Set<string>();
  const year = Number(today.slice(0, 4));
  const employees = Array.from({ length: count }, (_, i): EmployeeSnapshot => {
    const birth = `${year - 40}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const tmtCpns = `${addMonths(today, -150).slice(0, 8)}01`;
    return {
      nip: makeNip(prng, used, birth, tmtCpns.slice(0, 7), i % 2 === 0),
      name: `Pegawai Uji ${i + 1}`,
      kind: 'PNS',
      golongan: 'III/b',
      tmtCpns,
      tmtPns: `${addMonths(today, -138).slice(0, 8)}01`,
      agencyId: AGENCY.bandarLestari,
      positionId: BENCH_ORIGIN,
      positionSince: `${addMonths(today, -36).slice(0, 8)}01`,
      jptInaugurationDate: null,
      educationField: 'ADMINISTRASI_PUBLIK',
      competencies: [],
      skp: [year - 3, year - 2, year - 1, year].map((y) => ({ year: y, rating: 'BAIK' as const })),
      discipline: { activeSanction: false, courtCase: false },
      study: { onStudyAssignment: false, serviceBondUntil: null },
      relations: [],
      lastTransferDate: null,
    };
  });
  return {
    positions: [
      position(BENCH_TARGET, 'Pelaksana Uji Beban', 100_000, 0),
      ...BENCH_OPEN_TARGETS.map((id, k) => position(id, `Pelaksana Uji Beban ${k + 1}`, 10_000, 0)),
      position(BENCH_ORIGIN, 'Pelaksana Asal Uji Beban', count, count),
    ],
    employees,
  };
}
