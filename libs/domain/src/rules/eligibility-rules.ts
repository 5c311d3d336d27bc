import { IsoInstant, toDate } from '../shared/dates';
import { Policy } from '../policy/policy';
import { EmployeeSnapshot } from '../reference/employee';
import { skpAtLeast } from '../values/skp';
import { Route } from '../routes/route';
import { isJpt, Position } from '../reference/position';
import { outcome, RuleOutcome } from './outcome';

const PERBAN5 = 'Peraturan BKN 5/2019 Pasal 3';

/** R-22: no active discipline sanction or court case. */
export function r22Discipline(employee: EmployeeSnapshot): RuleOutcome {
  const inputs = { activeSanction: employee.discipline.activeSanction, courtCase: employee.discipline.courtCase };
  if (employee.discipline.activeSanction) return outcome('R-22', 'BLOCK', 'pegawai sedang menjalani hukuman disiplin', PERBAN5, inputs, 'RULE_R22_DISCIPLINE');
  if (employee.discipline.courtCase) return outcome('R-22', 'BLOCK', 'pegawai sedang menjalani proses hukum di pengadilan', PERBAN5, inputs, 'RULE_R22_DISCIPLINE');
  return outcome('R-22', 'PASS', 'tidak sedang menjalani hukuman disiplin atau proses hukum di pengadilan', PERBAN5, inputs);
}

/** R-23: not on study assignment and not under a service bond. */
export function r23Study(employee: EmployeeSnapshot, now: IsoInstant): RuleOutcome {
  const inputs = { onStudyAssignment: employee.study.onStudyAssignment, serviceBondUntil: employee.study.serviceBondUntil };
  if (employee.study.onStudyAssignment) return outcome('R-23', 'BLOCK', 'pegawai sedang menjalani tugas belajar', PERBAN5, inputs, 'RULE_R23_STUDY');
  const bond = employee.study.serviceBondUntil;
  if (bond !== null && bond >= toDate(now)) return outcome('R-23', 'BLOCK', `pegawai terikat ikatan dinas sampai ${bond}`, PERBAN5, inputs, 'RULE_R23_STUDY');
  return outcome('R-23', 'PASS', 'tidak sedang tugas belajar atau terikat ikatan dinas', PERBAN5, inputs);
}

/**
 * The SKP years R-24 and the merit score look at on `now`: the last `skpYearsRequired` years whose rating is due, so
 * the previous year counts only from `skpRatingDueBy` (its rating is finalised early in the new year).
 */
export function assessedSkpYears(now: IsoInstant, policy: Policy): number[] {
  const today = toDate(now);
  const year = Number(today.slice(0, 4));
  const latest = today.slice(5) >= policy.skpRatingDueBy.value ? year - 1 : year - 2;
  return Array.from({ length: policy.skpYearsRequired.value }, (_, i) => latest - i);
}

/** R-24: SKP at least the policy minimum (BAIK) in each of the last `skpYearsRequired` years whose rating is due. */
export function r24Skp(employee: EmployeeSnapshot, now: IsoInstant, policy: Policy): RuleOutcome {
  const years = assessedSkpYears(now, policy);
  const minimum = policy.minimumSkp.value;
  const ratings = years.map((year) => ({ year, rating: employee.skp.find((s) => s.year === year)?.rating ?? null }));
  const inputs = { years, ratings, minimum, policyVersion: policy.version };
  const missing = ratings.find((r) => r.rating === null);
  if (missing) return outcome('R-24', 'BLOCK', `tidak ada nilai SKP tercatat untuk tahun ${missing.year}`, policy.minimumSkp.legalBasis, inputs, 'RULE_R24_SKP');
  const low = ratings.find((r) => r.rating !== null && !skpAtLeast(r.rating, minimum));
  if (low) return outcome('R-24', 'BLOCK', `SKP ${low.year} bernilai ${low.rating}, di bawah ${minimum}`, policy.minimumSkp.legalBasis, inputs, 'RULE_R24_SKP');
  return outcome('R-24', 'PASS', `SKP paling rendah ${minimum} pada ${years.join(' dan ')}`, policy.minimumSkp.legalBasis, inputs);
}

/**
 * R-60: PPPK have no mutation scheme to another agency: the cross-agency routes are closed to them. Under the current
 * policy a PPPK may move inside one agency (R-62) or in organisational downsizing (R-61).
 */
export function r60Pppk(employee: EmployeeSnapshot, route: Route, policy: Policy): RuleOutcome {
  const basis = 'PP 49/2018';
  const inputs = { kind: employee.kind, route, internalAllowed: policy.pppkInternalMove.value };
  if (employee.kind !== 'PPPK') return outcome('R-60', 'PASS', 'pegawai berstatus PNS', basis, inputs);
  if (route === 'PPPK_PERAMPINGAN') return outcome('R-60', 'PASS', 'PPPK dipindahkan dalam rangka perampingan organisasi (R-61)', basis, inputs);
  if (route === 'INTERNAL' && policy.pppkInternalMove.value)
    return outcome('R-60', 'PASS', 'perpindahan PPPK di dalam satu instansi (berlaku R-62)', policy.pppkInternalMove.legalBasis, inputs);
  const why = policy.pppkInternalMove.value
    ? 'PPPK hanya dapat pindah di dalam instansinya sendiri (R-62) atau dalam rangka perampingan organisasi (R-61)'
    : 'PPPK hanya dapat pindah dalam rangka perampingan organisasi (R-61)';
  return outcome('R-60', 'BLOCK', `tidak ada skema mutasi PPPK ke instansi lain: ${why}`, basis, inputs, 'RULE_R60_PPPK');
}

/**
 * R-62: a PPPK moving inside one agency needs the MenPAN-RB recommendation, attached and verified before approval
 * (KepMenPAN-RB 16/2025 as reported).
 */
export function r62PppkRecommendation(employee: EmployeeSnapshot, route: Route, policy: Policy): RuleOutcome {
  const basis = policy.pppkInternalMove.legalBasis;
  const applies = employee.kind === 'PPPK' && route === 'INTERNAL' && policy.pppkInternalMove.value;
  const inputs = { kind: employee.kind, route, ...(applies ? { requiredDocument: 'MENPANRB_RECOMMENDATION' } : {}) };
  if (!applies) return outcome('R-62', 'PASS', 'bukan perpindahan PPPK di dalam satu instansi', basis, inputs);
  return outcome('R-62', 'PASS', 'PPPK pindah di dalam instansi: rekomendasi MenPAN-RB wajib dilampirkan dan diverifikasi sebelum persetujuan', basis, inputs);
}

/** R-02: the positions whose transfer the President decides, not the agency's PPK. */
export function isPresidentialPosition(position: Position, policy: Policy): boolean {
  const p = policy.presidentialPositions.value;
  return p.classes.includes(position.positionClass) || (position.functionalLevel !== null && p.functionalLevels.includes(position.functionalLevel));
}

/**
 * R-02: the transfer of a JPT Utama, a JPT Madya or a JF Ahli Utama is not delegated to the agency's PPK; under the
 * current policy Mutasi refuses it, naming the article, rather than run it as if the PPK could decide.
 */
export function r02Presidential(origin: Position, target: Position, policy: Policy): RuleOutcome {
  const rule = policy.presidentialPositions;
  const hit = [origin, target].filter((p) => isPresidentialPosition(p, policy));
  const inputs = { mode: rule.value.mode, positions: hit.map((p) => ({ id: p.id, positionClass: p.positionClass, functionalLevel: p.functionalLevel })) };
  if (rule.value.mode === 'NOT_APPLIED' || hit.length === 0) return outcome('R-02', 'PASS', 'tidak ada jabatan yang mutasinya diputuskan oleh Presiden', rule.legalBasis, inputs);
  return outcome(
    'R-02',
    'BLOCK',
    `${hit.map((p) => `${p.title} (${p.positionClass}${p.functionalLevel ? `, ${p.functionalLevel}` : ''})`).join(' dan ')}: mutasinya diputuskan oleh Presiden, bukan oleh PPK instansi; Mutasi tidak menjalankan prosedur tersebut`,
    rule.legalBasis,
    inputs,
    'RULE_R02_PRESIDENTIAL',
  );
}

/** R-05: a move from one JPT to another needs a competency test (uji kompetensi) recorded on the case before approval. */
export function r05JptCompetencyTest(origin: Position, target: Position, policy: Policy): RuleOutcome {
  const rule = policy.jptCompetencyTest;
  const applies = rule.value && isJpt(origin.positionClass) && isJpt(target.positionClass);
  const inputs = { originClass: origin.positionClass, targetClass: target.positionClass, ...(applies ? { requiredDocument: 'COMPETENCY_TEST_RESULT' } : {}) };
  if (!applies) return outcome('R-05', 'PASS', 'bukan perpindahan dari satu JPT ke JPT lain', rule.legalBasis, inputs);
  return outcome('R-05', 'PASS', 'perpindahan dari satu JPT ke JPT lain: hasil uji kompetensi wajib dilampirkan dan diverifikasi sebelum persetujuan', rule.legalBasis, inputs);
}

/** R-61: the downsizing route needs the reference of the downsizing decree. */
export function r61Downsizing(route: Route, downsizingDecreeReference: string | null): RuleOutcome {
  const basis = 'PermenPAN-RB 6/2024 Pasal 59 ayat (5)';
  const inputs = { route, downsizingDecreeReference };
  if (route !== 'PPPK_PERAMPINGAN') return outcome('R-61', 'PASS', 'bukan perpindahan karena perampingan organisasi', basis, inputs);
  if (downsizingDecreeReference === null || downsizingDecreeReference.trim() === '') {
    return outcome('R-61', 'BLOCK', 'perpindahan PPPK karena perampingan organisasi memerlukan nomor keputusan perampingan', basis, inputs, 'RULE_R61_DOWNSIZING');
  }
  return outcome('R-61', 'PASS', `keputusan perampingan ${downsizingDecreeReference}`, basis, inputs);
}
