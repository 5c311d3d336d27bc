import { addDays, IsoDate, IsoInstant, isWithin, toDate } from '../shared/dates';
import { Policy } from '../policy/policy';
import { Actor } from '../reference/roles';
import { Delegation } from '../reference/employee';
import { DecreeSigner } from '../routes/approval-chain';
import { outcome, RuleOutcome } from './outcome';

/**
 * the decree is signed by the route's signer, or by a delegate within a valid delegation from that signer
 * (right grantor, right grantee, DECREE in scope, in force today, not revoked).
 */
export function r16Delegation(actor: Actor, signer: DecreeSigner, delegation: Delegation | null, now: IsoInstant): RuleOutcome {
  const basis = 'local practice (R-16): delegation of PPK authority';
  const inputs = { actorId: actor.userId, actorRole: actor.role, actorAgencyId: actor.agencyId, signer, delegationId: delegation?.id ?? null };
  if (actor.role === signer.role && actor.agencyId === signer.agencyId) return outcome('R-16', 'PASS', 'signed by the decree signer in person', basis, inputs);
  const refuse = (reason: string): RuleOutcome => outcome('R-16', 'BLOCK', reason, delegation?.legalBasis ?? basis, inputs, 'RULE_R16_DELEGATION');
  if (delegation === null) return refuse(`the decree must be signed by ${signer.role} of ${signer.agencyId} or a delegate with a valid delegation`);
  if (delegation.revoked === true) return refuse(`delegation ${delegation.id} was revoked`);
  if (delegation.granteeUserId !== actor.userId) return refuse(`delegation ${delegation.id} was granted to another person`);
  if (delegation.grantor.role !== signer.role || delegation.grantor.agencyId !== signer.agencyId)
    return refuse(`delegation ${delegation.id} was not granted by the decree signer ${signer.role} of ${signer.agencyId}`);
  if (!delegation.scope.includes('DECREE')) return refuse(`delegation ${delegation.id} does not cover signing decrees`);
  if (!isWithin(toDate(now), delegation.validFrom, delegation.validUntil))
    return refuse(`delegation ${delegation.id} is valid only from ${delegation.validFrom} to ${delegation.validUntil}`);
  return outcome('R-16', 'PASS', `signed under delegation ${delegation.id} (${delegation.legalBasis})`, delegation.legalBasis, inputs);
}

/** M-02: the decree must name exactly the approved employee and target position. */
export function m02DecreeMatchesProposal(
  decree: { readonly employeeNip: string; readonly targetPositionId: string },
  approved: { readonly employeeNip: string; readonly targetPositionId: string },
): RuleOutcome {
  const basis = 'anti-interference (M-02): the decree equals the approved proposal';
  const inputs = { decree, approved };
  const differences = [
    decree.employeeNip !== approved.employeeNip ? `employee ${decree.employeeNip} instead of ${approved.employeeNip}` : null,
    decree.targetPositionId !== approved.targetPositionId ? `position ${decree.targetPositionId} instead of ${approved.targetPositionId}` : null,
  ].filter((d): d is string => d !== null);
  if (differences.length > 0)
    return outcome('M-02', 'BLOCK', `the decree differs from the approved proposal: ${differences.join(', ')}`, basis, inputs, 'RULE_M02_DECREE_MISMATCH');
  return outcome('M-02', 'PASS', 'the decree names the approved employee and position', basis, inputs);
}

/**
 * M-06 (dates that cannot lie): the decree is dated between the chain's last approval and today, and its TMT falls on
 * or after the decree date and at most `maxDaysFromDecreeToTmt` days after it. A backdated SK, or one that takes
 * effect decades ahead, is refused.
 */
export function m06DecreeDates(
  decree: { readonly decreeDate: IsoDate; readonly effectiveDate: IsoDate },
  bounds: { readonly lastApproval: IsoDate; readonly today: IsoDate },
  policy: Policy,
): RuleOutcome {
  const window = policy.maxDaysFromDecreeToTmt;
  const latestTmt = addDays(decree.decreeDate, window.value);
  const inputs = { ...decree, ...bounds, latestTmt, maxDaysFromDecreeToTmt: window.value, policyVersion: policy.version };
  const basis = 'anti-interference (M-06): dates that cannot lie';
  const refuse = (reason: string): RuleOutcome => outcome('M-06', 'BLOCK', reason, basis, inputs, 'RULE_M06_DECREE_DATE');
  if (decree.decreeDate < bounds.lastApproval)
    return refuse(`decreeDate ${decree.decreeDate} is before the last approval of the chain on ${bounds.lastApproval}: a decree cannot be backdated`);
  if (decree.decreeDate > bounds.today) return refuse(`decreeDate ${decree.decreeDate} is in the future (today is ${bounds.today})`);
  if (decree.effectiveDate < decree.decreeDate) return refuse(`the TMT ${decree.effectiveDate} is before the decree date ${decree.decreeDate}`);
  if (decree.effectiveDate > latestTmt)
    return refuse(`the TMT ${decree.effectiveDate} is more than ${window.value} days after the decree date (latest ${latestTmt}; ${window.legalBasis})`);
  return outcome('M-06', 'PASS', `decree dated ${decree.decreeDate} (after the last approval on ${bounds.lastApproval}), TMT ${decree.effectiveDate}`, basis, inputs);
}
