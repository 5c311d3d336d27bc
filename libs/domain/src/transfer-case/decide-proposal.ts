import { DomainError, invalid } from '../shared/errors';
import { Policy } from '../policy/policy';
import { deriveRoute, isCrossAgency, Route } from '../routes/route';
import { r06ConflictOfInterest, r06EarlierDeciders } from '../rules/conflict-rules';
import { overlayOutcomes } from '../rules/election-rules';
import { r02Presidential, r05JptCompetencyTest, r22Discipline, r23Study, r24Skp, r60Pppk, r61Downsizing, r62PppkRecommendation } from '../rules/eligibility-rules';
import { ExceptionGround, outcome, RuleOutcome, throwIfBlocked } from '../rules/outcome';
import { m03RepeatMove, r03TenureInPost, r21TenYearLock, r44JptLock } from '../rules/tenure-rules';
import { m05EligibilityChanged } from '../rules/evidence-rules';
import { r04CompetencyFit, r04Vacancy } from '../rules/vacancy-rules';
import { m01MeritChoice, MeritRanking } from '../merit/merit';
import { candidatePool, PoolMember } from '../merit/pool';
import { r08EducationFit } from '../rules/education-rules';
import { ProposalContext, ProposalInput, ProposeCandidate, ReviseProposal } from './commands';
import { emit, requireActive, requireStatus, text } from './decide-support';
import { CandidateProposed, ProposalData, ProposalRevised, TrainingPlanDerived } from './events';
import { derivedTraining } from './decide-training';
import { competencyGap } from './training';
import { ActiveCase, CaseState } from './state';

function checkFacts(c: ActiveCase, input: ProposalInput, context: ProposalContext): void {
  const { employee, originPosition, originAgency, targetPosition, targetAgency } = context;
  if (employee.nip !== input.employeeNip) throw invalid('EMPLOYEE_MISMATCH', 'employeeNip', `pegawai ${input.employeeNip} tidak ditemukan`);
  if (originPosition.id !== input.originPositionId || employee.positionId !== input.originPositionId) {
    throw invalid('ORIGIN_POSITION_MISMATCH', 'originPositionId', `pegawai ${employee.nip} tidak menduduki jabatan ${input.originPositionId}`);
  }
  if (originPosition.agencyId !== originAgency.id || employee.agencyId !== originAgency.id) {
    throw invalid('ORIGIN_AGENCY_MISMATCH', 'originPositionId', `jabatan ${originPosition.id} tidak berada di instansi pegawai ${employee.agencyId}`);
  }
  if (targetPosition.id !== c.targetPosition.id || targetAgency.id !== c.targetAgencyId) {
    throw invalid('TARGET_MISMATCH', 'targetPositionId', 'data referensi tidak sesuai dengan jabatan tujuan kasus');
  }
  if (originPosition.id === targetPosition.id) throw invalid('SAME_POSITION', 'originPositionId', 'pegawai sudah menduduki jabatan tujuan');
  if (input.initiative !== 'DINAS' && input.initiative !== 'PERMINTAAN_SENDIRI') {
    throw invalid('INVALID_INITIATIVE', 'initiative', 'initiative harus DINAS atau PERMINTAAN_SENDIRI (R-07)');
  }
}

/**
 * The exception grounds of a proposal. Under a policy that lists grounds (R-03, R-44) each names one of them by code;
 * the free text only explains, and the recorded ground carries the code and label first.
 */
function grounds(command: ProposeCandidate | ReviseProposal, policy: Policy): ExceptionGround[] {
  const listed = policy.exceptionGrounds.value;
  return command.data.exceptionGrounds.map((g, i) => {
    const ruleId = text(command, `exceptionGrounds[${i}].ruleId`, g.ruleId);
    const explanation = text(command, `exceptionGrounds[${i}].ground`, g.ground);
    if (listed === null) return { ruleId, ground: explanation };
    const options = listed.filter((o) => o.ruleId === ruleId);
    const option = options.find((o) => o.code === g.groundCode);
    if (!option) {
      const choose = options.length > 0 ? `pilih salah satu dari ${options.map((o) => o.code).join(', ')}` : `kebijakan ini tidak mencantumkan alasan untuk ${ruleId}`;
      throw invalid(
        'EXCEPTION_GROUND_NOT_LISTED',
        `exceptionGrounds[${i}].groundCode`,
        `${g.groundCode ? `alasan ${g.groundCode} tidak tercantum untuk ${ruleId}` : `pengecualian atas ${ruleId} harus menyebut kode alasan`} menurut ${policy.version}: ${choose}`,
      );
    }
    return { ruleId, groundCode: option.code, ground: `${option.code} — ${option.label} (${option.legalBasis}): ${explanation}` };
  });
}

/** Runs every eligibility rule of the proposal stage and returns the recorded proposal. */
function assess(command: ProposeCandidate | ReviseProposal, c: ActiveCase): { data: ProposalData; outcomes: RuleOutcome[] } {
  const { data: input, context, metadata } = command;
  checkFacts(c, input, context);
  if (context.employeeOpenCase !== null && context.employeeOpenCase !== c.caseId) {
    throw new DomainError(
      'CONFLICT',
      'EMPLOYEE_IN_OPEN_CASE',
      `pegawai ${input.employeeNip} sudah berada dalam kasus berjalan ${context.employeeOpenCase}; seorang pegawai paling banyak berada dalam satu kasus berjalan`,
      { ruleId: 'M-09', legalBasis: 'antiintervensi (M-09): satu pegawai, satu kasus berjalan', extensions: { openCaseId: context.employeeOpenCase } },
    );
  }
  const { employee, originAgency, targetAgency, originPosition, targetPosition } = context;
  const { now, policy, actor } = metadata;
  const downsizingRef = text(command, 'downsizingDecreeReference', input.downsizingDecreeReference, false) || null;
  const route: Route = deriveRoute(originAgency, targetAgency, employee.kind, downsizingRef !== null);
  const cross = isCrossAgency(originAgency, targetAgency);
  const exceptionGrounds = grounds(command, policy);
  const meritJustification = text(command, 'meritDeviationJustification', input.meritDeviationJustification, false) || null;
  const chosen: PoolMember = { employee, positionTitle: originPosition.title, route, openCaseId: null };
  const pool = candidatePool(context.meritPool, targetPosition, now, policy, c.caseId, chosen);
  const meritRanking: MeritRanking = { ...pool.ranking, poolSize: pool.size };
  const sides = [
    { side: 'ORIGIN' as const, agency: originAgency, position: originPosition },
    { side: 'TARGET' as const, agency: targetAgency, position: targetPosition },
  ];
  const outcomes: RuleOutcome[] = [
    r02Presidential(originPosition, targetPosition, policy),
    r05JptCompetencyTest(originPosition, targetPosition, policy),
    r60Pppk(employee, route, policy),
    r62PppkRecommendation(employee, route, policy),
    r61Downsizing(route, downsizingRef),
    r06ConflictOfInterest(actor, employee, c.decisions, 'PROPOSAL'),
    r06EarlierDeciders(employee, c.decisions),
    r44JptLock(employee, now, policy, exceptionGrounds),
    r03TenureInPost(employee, now, policy, exceptionGrounds),
    r04Vacancy(targetPosition, context.placesHeld),
    r04CompetencyFit(employee, targetPosition, policy),
    r08EducationFit(employee, targetPosition, policy),
    r21TenYearLock(employee, cross, input.initiative, now, policy),
    r22Discipline(employee),
    r23Study(employee, now),
    r24Skp(employee, now, policy),
    m01MeritChoice(meritRanking, employee.nip, meritJustification, policy),
    m03RepeatMove(employee, now, policy),
    m05EligibilityChanged(context.eligibilityChanges, policy),
    ...(route === 'INTERNAL' ? [outcome('R-10', 'REQUIRES_STEP', 'mutasi internal memerlukan pertimbangan Tim Penilai Kinerja', 'PP 11/2017 Pasal 191', { route })] : []),
    ...overlayOutcomes(sides, now, policy),
  ];
  throwIfBlocked(outcomes);
  const data: ProposalData = {
    candidate: employee,
    originAgencyId: originAgency.id,
    originPositionId: originPosition.id,
    originPositionTitle: originPosition.title,
    originPositionClass: originPosition.positionClass,
    targetAgencyId: targetAgency.id,
    targetPositionId: targetPosition.id,
    initiative: input.initiative,
    justification: text(command, 'justification', input.justification),
    meritDeviationJustification: meritJustification,
    exceptionGrounds,
    downsizingDecreeReference: downsizingRef,
    route,
    crossAgency: cross,
    meritRanking,
  };
  return { data, outcomes };
}

/** Stage 2: the receiving agency proposes a candidate; eligibility and merit are checked and recorded. */
export function proposeCandidate(command: ProposeCandidate, state: CaseState): (CandidateProposed | TrainingPlanDerived)[] {
  const c = requireStatus(requireActive(state, command), command, 'AWAITING_PROPOSAL');
  const { data, outcomes } = assess(command, c);
  return [
    emit<CandidateProposed>(command, c.caseId, 'CandidateProposed.v1', data, outcomes),
    derivedTraining(command, c, competencyGap(data.candidate, command.context.targetPosition)),
  ];
}

/** After a return for revision or an upheld objection, the proposal is revised and checked again. */
export function reviseProposal(command: ReviseProposal, state: CaseState): (ProposalRevised | TrainingPlanDerived)[] {
  const c = requireStatus(requireActive(state, command), command, 'RETURNED_FOR_REVISION');
  const { data, outcomes } = assess(command, c);
  return [
    emit<ProposalRevised>(command, c.caseId, 'ProposalRevised.v1', data, outcomes),
    derivedTraining(command, c, competencyGap(data.candidate, command.context.targetPosition)),
  ];
}
