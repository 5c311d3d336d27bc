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
  const basis = 'praktik setempat (R-16): pendelegasian wewenang PPK';
  const inputs = { actorId: actor.userId, actorRole: actor.role, actorAgencyId: actor.agencyId, signer, delegationId: delegation?.id ?? null };
  if (actor.role === signer.role && actor.agencyId === signer.agencyId) return outcome('R-16', 'PASS', 'ditandatangani sendiri oleh penandatangan SK', basis, inputs);
  const refuse = (reason: string): RuleOutcome => outcome('R-16', 'BLOCK', reason, delegation?.legalBasis ?? basis, inputs, 'RULE_R16_DELEGATION');
  if (delegation === null) return refuse(`SK harus ditandatangani oleh ${signer.role} ${signer.agencyId} atau penerima delegasi dengan pendelegasian yang sah`);
  if (delegation.revoked === true) return refuse(`pendelegasian ${delegation.id} telah dicabut`);
  if (delegation.granteeUserId !== actor.userId) return refuse(`pendelegasian ${delegation.id} diberikan kepada orang lain`);
  if (delegation.grantor.role !== signer.role || delegation.grantor.agencyId !== signer.agencyId)
    return refuse(`pendelegasian ${delegation.id} tidak diberikan oleh penandatangan SK ${signer.role} ${signer.agencyId}`);
  if (!delegation.scope.includes('DECREE')) return refuse(`pendelegasian ${delegation.id} tidak mencakup penandatanganan SK`);
  if (!isWithin(toDate(now), delegation.validFrom, delegation.validUntil))
    return refuse(`pendelegasian ${delegation.id} hanya berlaku dari ${delegation.validFrom} sampai ${delegation.validUntil}`);
  return outcome('R-16', 'PASS', `ditandatangani berdasarkan pendelegasian ${delegation.id} (${delegation.legalBasis})`, delegation.legalBasis, inputs);
}

/** M-02: the decree must name exactly the approved employee and target position. */
export function m02DecreeMatchesProposal(
  decree: { readonly employeeNip: string; readonly targetPositionId: string },
  approved: { readonly employeeNip: string; readonly targetPositionId: string },
): RuleOutcome {
  const basis = 'antiintervensi (M-02): SK sama dengan usulan yang disetujui';
  const inputs = { decree, approved };
  const differences = [
    decree.employeeNip !== approved.employeeNip ? `pegawai ${decree.employeeNip} (seharusnya ${approved.employeeNip})` : null,
    decree.targetPositionId !== approved.targetPositionId ? `jabatan ${decree.targetPositionId} (seharusnya ${approved.targetPositionId})` : null,
  ].filter((d): d is string => d !== null);
  if (differences.length > 0) return outcome('M-02', 'BLOCK', `SK berbeda dengan usulan yang disetujui: ${differences.join(', ')}`, basis, inputs, 'RULE_M02_DECREE_MISMATCH');
  return outcome('M-02', 'PASS', 'SK menyebut pegawai dan jabatan yang disetujui', basis, inputs);
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
  const basis = 'antiintervensi (M-06): tanggal yang tidak dapat dimanipulasi';
  const refuse = (reason: string): RuleOutcome => outcome('M-06', 'BLOCK', reason, basis, inputs, 'RULE_M06_DECREE_DATE');
  if (decree.decreeDate < bounds.lastApproval)
    return refuse(
      `tanggal SK ${decree.decreeDate} lebih awal dari persetujuan terakhir dalam rantai persetujuan pada ${bounds.lastApproval}: SK tidak boleh diberi tanggal mundur`,
    );
  if (decree.decreeDate > bounds.today) return refuse(`tanggal SK ${decree.decreeDate} belum tiba (hari ini ${bounds.today})`);
  if (decree.effectiveDate < decree.decreeDate) return refuse(`TMT ${decree.effectiveDate} lebih awal dari tanggal SK ${decree.decreeDate}`);
  if (decree.effectiveDate > latestTmt)
    return refuse(`TMT ${decree.effectiveDate} lebih dari ${window.value} hari setelah tanggal SK (paling lambat ${latestTmt}; ${window.legalBasis})`);
  return outcome('M-06', 'PASS', `SK bertanggal ${decree.decreeDate} (setelah persetujuan terakhir pada ${bounds.lastApproval}), TMT ${decree.effectiveDate}`, basis, inputs);
}
