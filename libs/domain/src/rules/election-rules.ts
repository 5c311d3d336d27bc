import { addMonths, IsoInstant, isWithin, toDate } from '../shared/dates';
import { Policy } from '../policy/policy';
import { Agency, isRegional } from '../reference/agency';
import { Position } from '../reference/position';
import { outcome, RuleOutcome } from './outcome';

/** One side of a move: the agency whose head acts, and the position affected on that side. */
export interface MoveSide {
  readonly side: 'ORIGIN' | 'TARGET';
  readonly agency: Agency;
  readonly position: Position;
}

/** R-41: the positions R-40 and R-43 protect. */
export function inPilkadaScope(position: Position, policy: Policy): boolean {
  return position.pilkadaScope || policy.pilkadaScopeClasses.value.includes(position.positionClass);
}

function sidesSummary(sides: readonly MoveSide[]): { agencyId: string; side: string; positionId: string; positionClass: string }[] {
  return sides.map((s) => ({ agencyId: s.agency.id, side: s.side, positionId: s.position.id, positionClass: s.position.positionClass }));
}

/**
 * R-40: from `electionFreezeMonthsBeforePaslon` months before penetapan paslon to the end of term, a regional head
 * (including a Pj) may replace officials in R-41 scope only with Mendagri's written approval: adds that step.
 */
export function r40ElectionFreeze(sides: readonly MoveSide[], now: IsoInstant, policy: Policy): RuleOutcome {
  const t = policy.electionFreezeMonthsBeforePaslon;
  const today = toDate(now);
  const frozen = sides.filter((s) => {
    const calendar = s.agency.electionCalendar;
    if (!isRegional(s.agency) || calendar === null) return false;
    const start = addMonths(calendar.penetapanPaslonDate, -t.value);
    return isWithin(today, start, calendar.endOfTermDate) && inPilkadaScope(s.position, policy);
  });
  const inputs = { today, sides: sidesSummary(sides), frozenAgencies: frozen.map((s) => s.agency.id), monthsBefore: t.value, policyVersion: policy.version };
  if (frozen.length === 0) return outcome('R-40', 'PASS', 'tidak ada larangan mutasi masa Pilkada yang berlaku bagi jabatan yang terdampak', t.legalBasis, inputs);
  const names = frozen.map((s) => `${s.agency.name} (penetapan paslon ${s.agency.electionCalendar?.penetapanPaslonDate})`).join(', ');
  return outcome('R-40', 'REQUIRES_STEP', `dalam masa larangan mutasi Pilkada di ${names}: diperlukan persetujuan tertulis Mendagri`, t.legalBasis, inputs);
}

/** R-43: within `postInaugurationMonths` of inauguration a new regional head needs Mendagri's written approval. */
export function r43PostInauguration(sides: readonly MoveSide[], now: IsoInstant, policy: Policy): RuleOutcome {
  const t = policy.postInaugurationMonths;
  const today = toDate(now);
  const fresh = sides.filter((s) => {
    const inaugurated = s.agency.headInaugurationDate;
    if (!isRegional(s.agency) || inaugurated === null) return false;
    return isWithin(today, inaugurated, addMonths(inaugurated, t.value)) && inPilkadaScope(s.position, policy);
  });
  const inputs = {
    today,
    sides: sidesSummary(sides),
    agencies: fresh.map((s) => ({ agencyId: s.agency.id, inaugurated: s.agency.headInaugurationDate })),
    months: t.value,
    policyVersion: policy.version,
  };
  if (fresh.length === 0)
    return outcome('R-43', 'PASS', 'tidak ada kepala daerah yang baru dilantik dalam beberapa bulan terakhir yang bertindak atas mutasi ini', t.legalBasis, inputs);
  const names = fresh.map((s) => `${s.agency.name} (dilantik ${s.agency.headInaugurationDate})`).join(', ');
  return outcome('R-43', 'REQUIRES_STEP', `dalam ${t.value} bulan sejak pelantikan kepala daerah ${names}: diperlukan persetujuan tertulis Mendagri`, t.legalBasis, inputs);
}

/** The sides led by an acting head (Penjabat, and under the current policy a Plt). */
function actingSides(sides: readonly MoveSide[], policy: Policy): MoveSide[] {
  return sides.filter((s) => isRegional(s.agency) && policy.actingHeads.value.includes(s.agency.ppkStatus));
}

/** R-45: an acting regional head (Penjabat; Plt under the current policy) needs Mendagri's written approval for any mutasi. */
export function r45Penjabat(sides: readonly MoveSide[], policy: Policy): RuleOutcome {
  const basis = policy.actingHeads.legalBasis;
  const acting = actingSides(sides, policy);
  const inputs = { agencies: sides.map((s) => ({ agencyId: s.agency.id, ppkStatus: s.agency.ppkStatus })), actingHeads: policy.actingHeads.value };
  if (acting.length === 0) return outcome('R-45', 'PASS', 'tidak ada penjabat kepala daerah yang bertindak atas mutasi ini', basis, inputs);
  return outcome(
    'R-45',
    'REQUIRES_STEP',
    `${acting.map((s) => `${s.agency.name} (${s.agency.ppkStatus})`).join(', ')} dipimpin oleh penjabat kepala daerah: diperlukan persetujuan tertulis Mendagri`,
    basis,
    inputs,
  );
}

/** R-46: an acting regional head also needs a pertek from the BKN head office. */
export function r46PenjabatPertek(sides: readonly MoveSide[], policy: Policy): RuleOutcome {
  const basis = policy.actingHeadPertek.legalBasis;
  const acting = policy.actingHeadPertek.value ? actingSides(sides, policy) : [];
  const inputs = { agencies: sides.map((s) => ({ agencyId: s.agency.id, ppkStatus: s.agency.ppkStatus })), actingHeads: policy.actingHeads.value };
  if (acting.length === 0) return outcome('R-46', 'PASS', 'tidak ada penjabat kepala daerah yang bertindak atas mutasi ini', basis, inputs);
  return outcome('R-46', 'REQUIRES_STEP', `${acting.map((s) => s.agency.name).join(', ')} dipimpin oleh penjabat kepala daerah: diperlukan pertek KEPALA_BKN`, basis, inputs);
}

/** The overlay rules that may add steps, in the order their steps are added. */
export function overlayOutcomes(sides: readonly MoveSide[], now: IsoInstant, policy: Policy): RuleOutcome[] {
  return [r40ElectionFreeze(sides, now, policy), r43PostInauguration(sides, now, policy), r45Penjabat(sides, policy), r46PenjabatPertek(sides, policy)];
}
