import { isIsoDate } from '../shared/dates';
import { FieldError } from '../shared/errors';
import { POSITION_CLASSES } from '../reference/position';
import { isSkpRating } from '../values/skp';
import { Policy } from './policy';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

function sameShape(candidate: unknown, template: unknown, path: string, errors: FieldError[]): void {
  if (Array.isArray(template)) {
    if (!Array.isArray(candidate)) {
      errors.push({ field: path, message: `${path} harus berupa daftar` });
      return;
    }
    const example = template[0] as unknown;
    if (example !== undefined) candidate.forEach((item, i) => sameShape(item, example, `${path}[${i}]`, errors));
    return;
  }
  if (template !== null && typeof template === 'object') {
    if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) {
      errors.push({ field: path, message: `${path} harus berupa objek` });
      return;
    }
    const t = template as Record<string, unknown>;
    const c = candidate as Record<string, unknown>;
    for (const key of Object.keys(c)) if (!(key in t)) errors.push({ field: `${path}.${key}`, message: `kolom ${key} tidak dikenal` });
    for (const [key, value] of Object.entries(t)) {
      if (key === 'note' && c[key] === undefined) continue;
      if (!(key in c)) errors.push({ field: `${path}.${key}`, message: `${path}.${key} wajib diisi` });
      else sameShape(c[key], value, `${path}.${key}`, errors);
    }
    return;
  }
  if (typeof candidate !== typeof template) errors.push({ field: path, message: `${path} harus bertipe ${typeof template}` });
  else if (typeof candidate === 'number' && (!Number.isFinite(candidate) || candidate < 0))
    errors.push({ field: path, message: `${path} harus berupa angka terhingga, tidak negatif` });
  else if (typeof candidate === 'string' && (candidate.trim() === '' || candidate.length > 2_000)) errors.push({ field: path, message: `${path} harus 1–2000 karakter` });
}

/**
 * What is wrong with a policy version an administrator publishes, every problem at once: it must have exactly the
 * shape of the policy in force (every threshold with its value and legal basis), a new version name, an effective date
 * not before today (history is never re-ruled), and coherent numbers.
 */
export function policyProblems(candidate: unknown, inForce: Policy, known: readonly Policy[], today: string): FieldError[] {
  const errors: FieldError[] = [];
  const template: { readonly [key: string]: Json } = JSON.parse(JSON.stringify(inForce)) as { [key: string]: Json };
  sameShape(candidate, template, 'policy', errors);
  if (errors.length > 0) return errors.map((e) => ({ field: e.field.replace(/^policy\.?/, '') || 'policy', message: e.message }));
  const p = candidate as Policy;
  if (!/^[a-z0-9][a-z0-9./-]{2,80}$/.test(p.version))
    errors.push({ field: 'version', message: 'version harus 3–80 karakter berupa huruf kecil, angka, titik, garis miring atau tanda hubung' });
  if (known.some((k) => k.version === p.version)) errors.push({ field: 'version', message: `versi ${p.version} sudah ada; terbitkan versi baru` });
  if (!isIsoDate(p.effectiveFrom)) errors.push({ field: 'effectiveFrom', message: 'effectiveFrom harus tanggal yang valid dalam bentuk YYYY-MM-DD' });
  else if (p.effectiveFrom < today)
    errors.push({
      field: 'effectiveFrom',
      message: `effectiveFrom ${p.effectiveFrom} lebih awal dari hari ini (${today}): kebijakan tidak pernah berlaku surut bagi keputusan yang sudah diambil`,
    });
  const w = p.meritWeights.value;
  if (Math.abs(w.skp + w.competency + w.education + w.timeInPost + w.assessment - 1) > 1e-9) errors.push({ field: 'meritWeights.value', message: 'jumlah bobot merit harus 1' });
  if (p.minYearsInPost.value > p.maxYearsInPost.value) errors.push({ field: 'minYearsInPost.value', message: 'batas minimal tahun dalam jabatan melebihi batas maksimal' });
  if (!/^\d{2}-\d{2}$/.test(p.skpRatingDueBy.value)) errors.push({ field: 'skpRatingDueBy.value', message: 'skpRatingDueBy harus berbentuk MM-DD' });
  if (!isSkpRating(p.minimumSkp.value)) errors.push({ field: 'minimumSkp.value', message: 'minimumSkp harus berupa predikat SKP' });
  p.pilkadaScopeClasses.value.forEach((c, i) => {
    if (!(POSITION_CLASSES as readonly string[]).includes(c)) errors.push({ field: `pilkadaScopeClasses.value[${i}]`, message: `${c} bukan kelas jabatan` });
  });
  if (!['BLOCK', 'FLAG', 'WEIGHT'].includes(p.educationFit.value)) errors.push({ field: 'educationFit.value', message: 'educationFit harus BLOCK, FLAG atau WEIGHT' });
  (p.exceptionGrounds.value ?? []).forEach((g, i) => {
    if (g.ruleId !== 'R-03' && g.ruleId !== 'R-44') errors.push({ field: `exceptionGrounds.value[${i}].ruleId`, message: 'alasan pengecualian hanya untuk R-03 atau R-44' });
    if (!/^[A-Z0-9_]{3,60}$/.test(g.code))
      errors.push({ field: `exceptionGrounds.value[${i}].code`, message: 'kode alasan terdiri atas 3–60 huruf kapital, angka atau garis bawah' });
  });
  if (!['PELATIHAN', 'DIKLAT', 'E_LEARNING', 'MENTORING', 'COACHING'].includes(p.trainingPlan.value.kind))
    errors.push({ field: 'trainingPlan.value.kind', message: 'trainingPlan.kind harus PELATIHAN, DIKLAT, E_LEARNING, MENTORING atau COACHING' });
  if (p.minimumCompetencyFit.value > 1) errors.push({ field: 'minimumCompetencyFit.value', message: 'minimumCompetencyFit berupa proporsi dari 0 sampai 1' });
  return errors;
}
