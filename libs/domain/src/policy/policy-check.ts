import { isIsoDate } from '../shared/dates';
import { FieldError } from '../shared/errors';
import { POSITION_CLASSES } from '../reference/position';
import { isSkpRating } from '../values/skp';
import { Policy } from './policy';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

function sameShape(candidate: unknown, template: unknown, path: string, errors: FieldError[]): void {
  if (Array.isArray(template)) {
    if (!Array.isArray(candidate)) {
      errors.push({ field: path, message: `${path} must be a list` });
      return;
    }
    const example = template[0] as unknown;
    if (example !== undefined) candidate.forEach((item, i) => sameShape(item, example, `${path}[${i}]`, errors));
    return;
  }
  if (template !== null && typeof template === 'object') {
    if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) {
      errors.push({ field: path, message: `${path} must be an object` });
      return;
    }
    const t = template as Record<string, unknown>;
    const c = candidate as Record<string, unknown>;
    for (const key of Object.keys(c)) if (!(key in t)) errors.push({ field: `${path}.${key}`, message: `unknown field ${key}` });
    for (const [key, value] of Object.entries(t)) {
      if (key === 'note' && c[key] === undefined) continue;
      if (!(key in c)) errors.push({ field: `${path}.${key}`, message: `${path}.${key} is required` });
      else sameShape(c[key], value, `${path}.${key}`, errors);
    }
    return;
  }
  if (typeof candidate !== typeof template) errors.push({ field: path, message: `${path} must be a ${typeof template}` });
  else if (typeof candidate === 'number' && (!Number.isFinite(candidate) || candidate < 0)) errors.push({ field: path, message: `${path} must be a finite number, not negative` });
  else if (typeof candidate === 'string' && (candidate.trim() === '' || candidate.length > 2_000)) errors.push({ field: path, message: `${path} must be 1–2000 characters` });
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
  if (!/^[a-z0-9][a-z0-9./-]{2,80}$/.test(p.version)) errors.push({ field: 'version', message: 'version must be 3–80 lowercase letters, digits, dots, slashes or dashes' });
  if (known.some((k) => k.version === p.version)) errors.push({ field: 'version', message: `version ${p.version} already exists; publish a new version` });
  if (!isIsoDate(p.effectiveFrom)) errors.push({ field: 'effectiveFrom', message: 'effectiveFrom must be a real date in YYYY-MM-DD form' });
  else if (p.effectiveFrom < today)
    errors.push({ field: 'effectiveFrom', message: `effectiveFrom ${p.effectiveFrom} is before today (${today}): a policy never applies to decisions already taken` });
  const w = p.meritWeights.value;
  if (Math.abs(w.skp + w.competency + w.education + w.timeInPost + w.assessment - 1) > 1e-9)
    errors.push({ field: 'meritWeights.value', message: 'the merit weights must sum to 1' });
  if (p.minYearsInPost.value > p.maxYearsInPost.value) errors.push({ field: 'minYearsInPost.value', message: 'the minimum years in post exceed the maximum' });
  if (!/^\d{2}-\d{2}$/.test(p.skpRatingDueBy.value)) errors.push({ field: 'skpRatingDueBy.value', message: 'skpRatingDueBy must be MM-DD' });
  if (!isSkpRating(p.minimumSkp.value)) errors.push({ field: 'minimumSkp.value', message: 'minimumSkp must be an SKP rating' });
  p.pilkadaScopeClasses.value.forEach((c, i) => {
    if (!(POSITION_CLASSES as readonly string[]).includes(c)) errors.push({ field: `pilkadaScopeClasses.value[${i}]`, message: `${c} is not a position class` });
  });
  if (!['BLOCK', 'FLAG', 'WEIGHT'].includes(p.educationFit.value)) errors.push({ field: 'educationFit.value', message: 'educationFit must be BLOCK, FLAG or WEIGHT' });
  (p.exceptionGrounds.value ?? []).forEach((g, i) => {
    if (g.ruleId !== 'R-03' && g.ruleId !== 'R-44') errors.push({ field: `exceptionGrounds.value[${i}].ruleId`, message: 'an exception ground is for R-03 or R-44' });
    if (!/^[A-Z0-9_]{3,60}$/.test(g.code)) errors.push({ field: `exceptionGrounds.value[${i}].code`, message: 'a ground code is 3–60 capital letters, digits or underscores' });
  });
  if (!['PELATIHAN', 'DIKLAT', 'E_LEARNING', 'MENTORING', 'COACHING'].includes(p.trainingPlan.value.kind))
    errors.push({ field: 'trainingPlan.value.kind', message: 'trainingPlan.kind must be PELATIHAN, DIKLAT, E_LEARNING, MENTORING or COACHING' });
  if (p.minimumCompetencyFit.value > 1) errors.push({ field: 'minimumCompetencyFit.value', message: 'minimumCompetencyFit is a share from 0 to 1' });
  return errors;
}
