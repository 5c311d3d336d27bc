import { IsoInstant, toDate } from '../shared/dates';
import { Policy } from '../policy/policy';
import { EmployeeSnapshot } from '../reference/employee';
import { skpAtLeast } from '../values/skp';
import { Route } from '../routes/route';
import { outcome, RuleOutcome } from './outcome';

const PERBAN5 = 'Peraturan BKN 5/2019 Pasal 3';

/** no active discipline sanction or court case. */
export function r22Discipline(employee: EmployeeSnapshot): RuleOutcome {
  const inputs = { activeSanction: employee.discipline.activeSanction, courtCase: employee.discipline.courtCase };
  if (employee.discipline.activeSanction) return outcome('R-22', 'BLOCK', 'the employee is serving an active discipline sanction', PERBAN5, inputs, 'RULE_R22_DISCIPLINE');
  if (employee.discipline.courtCase) return outcome('R-22', 'BLOCK', 'the employee is in a court case', PERBAN5, inputs, 'RULE_R22_DISCIPLINE');
  return outcome('R-22', 'PASS', 'no discipline sanction or court case', PERBAN5, inputs);
}

/** not on study assignment and not under a service bond. */
export function r23Study(employee: EmployeeSnapshot, now: IsoInstant): RuleOutcome {
  const inputs = { onStudyAssignment: employee.study.onStudyAssignment, serviceBondUntil: employee.study.serviceBondUntil };
  if (employee.study.onStudyAssignment) return outcome('R-23', 'BLOCK', 'the employee is on a study assignment (tugas belajar)', PERBAN5, inputs, 'RULE_R23_STUDY');
  const bond = employee.study.serviceBondUntil;
  if (bond !== null && bond >= toDate(now)) return outcome('R-23', 'BLOCK', `the employee is under a service bond until ${bond}`, PERBAN5, inputs, 'RULE_R23_STUDY');
  return outcome('R-23', 'PASS', 'no study assignment or service bond', PERBAN5, inputs);
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

/** SKP at least the policy minimum (BAIK) in each of the last `skpYearsRequired` years whose rating is due. */
export function r24Skp(employee: EmployeeSnapshot, now: IsoInstant, policy: Policy): RuleOutcome {
  const years = assessedSkpYears(now, policy);
  const minimum = policy.minimumSkp.value;
  const ratings = years.map((year) => ({ year, rating: employee.skp.find((s) => s.year === year)?.rating ?? null }));
  const inputs = { years, ratings, minimum, policyVersion: policy.version };
  const missing = ratings.find((r) => r.rating === null);
  if (missing) return outcome('R-24', 'BLOCK', `no SKP rating on record for ${missing.year}`, policy.minimumSkp.legalBasis, inputs, 'RULE_R24_SKP');
  const low = ratings.find((r) => r.rating !== null && !skpAtLeast(r.rating, minimum));
  if (low) return outcome('R-24', 'BLOCK', `SKP ${low.year} was ${low.rating}, below ${minimum}`, policy.minimumSkp.legalBasis, inputs, 'RULE_R24_SKP');
  return outcome('R-24', 'PASS', `SKP at least ${minimum} in ${years.join(' and ')}`, policy.minimumSkp.legalBasis, inputs);
}

/** PPPK have no mutation scheme; every standard route is closed to them. */
export function r60Pppk(employee: EmployeeSnapshot, route: Route): RuleOutcome {
  const basis = 'PP 49/2018';
  const inputs = { kind: employee.kind, route };
  if (employee.kind !== 'PPPK') return outcome('R-60', 'PASS', 'the employee is a PNS', basis, inputs);
  if (route === 'PPPK_PERAMPINGAN') return outcome('R-60', 'PASS', 'PPPK moved under organisational downsizing (R-61)', basis, inputs);
  return outcome('R-60', 'BLOCK', 'PPPK have no mutation scheme: a PPPK can move only in organisational downsizing (R-61)', basis, inputs, 'RULE_R60_PPPK');
}

/** the downsizing route needs the reference of the downsizing decree. */
export function r61Downsizing(route: Route, downsizingDecreeReference: string | null): RuleOutcome {
  const basis = 'PermenPAN-RB 6/2024 Pasal 59 ayat (5)';
  const inputs = { route, downsizingDecreeReference };
  if (route !== 'PPPK_PERAMPINGAN') return outcome('R-61', 'PASS', 'not a downsizing move', basis, inputs);
  if (downsizingDecreeReference === null || downsizingDecreeReference.trim() === '') {
    return outcome('R-61', 'BLOCK', 'a PPPK downsizing move needs the reference of the downsizing decree', basis, inputs, 'RULE_R61_DOWNSIZING');
  }
  return outcome('R-61', 'PASS', `downsizing decree ${downsizingDecreeReference}`, basis, inputs);
}
