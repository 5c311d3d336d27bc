import { abkNeed, identifierProblems, isPnsGolongan, isPppkGolongan, Policy } from '@mutasi/domain';
import { ReferenceDataImportDto } from './import.dto';

type FieldError = { field: string; message: string };

/** What already exists in the database, for references the file does not carry itself. */
export interface ExistingIds {
  readonly agencies: ReadonlySet<string>;
  readonly positions: ReadonlyMap<string, string>;
}

function duplicates<T>(items: readonly T[] | undefined, key: (t: T) => string, list: string, errors: FieldError[]): void {
  const seen = new Set<string>();
  (items ?? []).forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) errors.push({ field: `${list}[${i}]`, message: `${k} ganda dalam ${list}` });
    seen.add(k);
  });
}

/**
 * The checks a whole file must pass beyond each field's shape: valid NIPs and golongan for the employee kind,
 * every reference resolvable (in the file or already stored), dates in order, no duplicates. All problems at once.
 */
/** Positions with an ABK: the kebutuhan is the ABK's; a stated figure that differs is refused, showing both. */
function abkProblems(file: ReferenceDataImportDto, policy: Policy, errors: FieldError[]): void {
  (file.positions ?? []).forEach((p, i) => {
    if (p.abkTasks === undefined || p.abkTasks === null) return;
    if (p.abkTasks.length === 0) {
      errors.push({ field: `positions[${i}].abkTasks`, message: 'ABK memerlukan paling sedikit satu tugas; kosongkan abkTasks bila tidak ada' });
      return;
    }
    const abk = abkNeed(p.abkTasks, policy);
    if (p.kebutuhan !== undefined && p.kebutuhan !== abk.kebutuhan) {
      errors.push({
        field: `positions[${i}].kebutuhan`,
        message: `kebutuhan ${p.kebutuhan} berbeda dengan ABK: ${abk.workloadHours} jam ÷ ${abk.effectiveHoursPerYear} jam kerja efektif = ${abk.exactNeed} → ${abk.kebutuhan} (${policy.version})`,
      });
    }
  });
}

/** The plans refer to agencies and positions of their own agency; one plan per id; each position planned once. */
function planProblems(file: ReferenceDataImportDto, agencies: ReadonlySet<string>, positions: ReadonlyMap<string, string>, errors: FieldError[]): void {
  duplicates(file.mutationPlans, (m) => m.id, 'mutationPlans', errors);
  (file.mutationPlans ?? []).forEach((m, i) => {
    if (!agencies.has(m.agencyId)) errors.push({ field: `mutationPlans[${i}].agencyId`, message: `tidak ada instansi ${m.agencyId}` });
    duplicates(m.moves, (mv) => mv.targetPositionId, `mutationPlans[${i}].moves`, errors);
    m.moves.forEach((mv, j) => {
      const owner = positions.get(mv.targetPositionId);
      if (owner === undefined) errors.push({ field: `mutationPlans[${i}].moves[${j}].targetPositionId`, message: `tidak ada jabatan ${mv.targetPositionId}` });
      else if (owner !== m.agencyId)
        errors.push({
          field: `mutationPlans[${i}].moves[${j}].targetPositionId`,
          message: `jabatan ${mv.targetPositionId} milik ${owner}, bukan milik instansi pemilik rencana ${m.agencyId}`,
        });
    });
  });
}

export function crossCheck(file: ReferenceDataImportDto, existing: ExistingIds, policy: Policy, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const agencies = new Set([...existing.agencies, ...(file.agencies ?? []).map((a) => a.id)]);
  const positions = new Map([...existing.positions, ...(file.positions ?? []).map((p) => [p.id, p.agencyId] as const)]);
  duplicates(file.agencies, (a) => a.id, 'agencies', errors);
  duplicates(file.positions, (p) => p.id, 'positions', errors);
  duplicates(file.employees, (e) => e.nip, 'employees', errors);
  duplicates(file.delegations, (d) => d.id, 'delegations', errors);
  duplicates(file.users, (u) => u.userId, 'users', errors);
  (file.agencies ?? []).forEach((a, i) => {
    if (!agencies.has(a.kanregAgencyId)) errors.push({ field: `agencies[${i}].kanregAgencyId`, message: `tidak ada instansi ${a.kanregAgencyId}` });
    if (a.kind !== 'PUSAT' && a.provinceCode === null) errors.push({ field: `agencies[${i}].provinceCode`, message: 'pemerintah daerah wajib memiliki kode provinsi' });
    const cal = a.electionCalendar;
    if (cal && cal.endOfTermDate <= cal.penetapanPaslonDate)
      errors.push({ field: `agencies[${i}].electionCalendar.endOfTermDate`, message: 'akhir masa jabatan harus setelah penetapan paslon' });
  });
  (file.positions ?? []).forEach((p, i) => {
    if (!agencies.has(p.agencyId)) errors.push({ field: `positions[${i}].agencyId`, message: `tidak ada instansi ${p.agencyId}` });
  });
  (file.employees ?? []).forEach((e, i) => {
    const at = (f: string): string => `employees[${i}].${f}`;
    for (const problem of identifierProblems(e.nip, e.kind === 'PPPK' ? 'PPPK' : 'PNS')) errors.push({ field: at('nip'), message: problem });
    const golonganOk = e.kind === 'PPPK' ? isPppkGolongan(e.golongan) : isPnsGolongan(e.golongan);
    if (!golonganOk) errors.push({ field: at('golongan'), message: `golongan ${e.golongan} tidak berlaku bagi ${e.kind}` });
    if (e.kind === 'PNS' && e.tmtPns === null)
      errors.push({ field: at('tmtPns'), message: 'PNS wajib memiliki TMT PNS (larangan pindah sepuluh tahun dihitung sejak tanggal itu)' });
    if (e.tmtCpns && e.tmtPns && e.tmtPns < e.tmtCpns) errors.push({ field: at('tmtPns'), message: 'TMT PNS tidak boleh lebih awal dari TMT CPNS' });
    const positionAgency = positions.get(e.positionId);
    if (positionAgency === undefined) errors.push({ field: at('positionId'), message: `tidak ada jabatan ${e.positionId}` });
    else if (positionAgency !== e.agencyId) errors.push({ field: at('positionId'), message: `jabatan ${e.positionId} milik ${positionAgency}, bukan ${e.agencyId}` });
    (e.assessments ?? []).forEach((a, j) => {
      if (a.date > today) errors.push({ field: at(`assessments[${j}].date`), message: `tanggal uji kompetensi tidak boleh setelah hari ini (${today})` });
    });
    const years = e.skp.map((s) => s.year);
    if (new Set(years).size !== years.length) errors.push({ field: at('skp'), message: 'satu predikat SKP per tahun' });
  });
  (file.delegations ?? []).forEach((d, i) => {
    if (!agencies.has(d.grantor.agencyId)) errors.push({ field: `delegations[${i}].grantor.agencyId`, message: `tidak ada instansi ${d.grantor.agencyId}` });
    if (d.validUntil < d.validFrom) errors.push({ field: `delegations[${i}].validUntil`, message: 'validUntil lebih awal dari validFrom' });
  });
  (file.electionCalendars ?? []).forEach((c, i) => {
    if (!agencies.has(c.agencyId)) errors.push({ field: `electionCalendars[${i}].agencyId`, message: `tidak ada instansi ${c.agencyId}` });
    if (c.endOfTermDate <= c.penetapanPaslonDate) errors.push({ field: `electionCalendars[${i}].endOfTermDate`, message: 'akhir masa jabatan harus setelah penetapan paslon' });
  });
  duplicates(file.holidayCalendars, (c) => String(c.year), 'holidayCalendars', errors);
  (file.holidayCalendars ?? []).forEach((c, i) => {
    c.days.forEach((d, j) => {
      if (d.date.slice(0, 4) !== String(c.year)) errors.push({ field: `holidayCalendars[${i}].days[${j}].date`, message: `${d.date} tidak berada dalam tahun ${c.year}` });
    });
  });
  abkProblems(file, policy, errors);
  planProblems(file, agencies, positions, errors);
  (file.users ?? []).forEach((u, i) => {
    if (!agencies.has(u.agencyId)) errors.push({ field: `users[${i}].agencyId`, message: `tidak ada instansi ${u.agencyId}` });
  });
  return errors;
}
