import { COMMAND_REFUSED, POLICY_VERSION_PUBLISHED, REFERENCE_DATA_IMPORTED, REFERENCE_RECORDS_CHANGED, StoredEvent, upcastStored } from '@mutasi/domain';

type Data = Record<string, unknown>;
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const join = (...parts: string[]): string | null => {
  const text = parts.filter((p) => p.trim() !== '').join(' — ');
  return text === '' ? null : text;
};

/**
 * What happened, in a sentence an inspector can read, and the justification the actor gave, if any. The event is read
 * at its current version (old versions upcast by the domain's reader) and field by field, so a damaged event is still
 * described rather than dropped from the trail.
 */
export function describeEvent(stored: Pick<StoredEvent, 'type' | 'data'>): { what: string; justification: string | null } {
  const event = upcastStored(stored);
  const d: Data = event.data;
  switch (event.type) {
    case 'TransferCaseOpened.v1': {
      const position = d.targetPosition as Data | undefined;
      const analysis = (d.needsAnalysis ?? {}) as Data;
      return {
        what: `membuka kasus mutasi untuk ${str(position?.title)} (${str(d.targetPositionId)}) di ${str(d.targetAgencyId)}`,
        justification: join(str(analysis.justification), analysis.exceptionReason ? `di luar rencana mutasi: ${str(analysis.exceptionReason)}` : ''),
      };
    }
    case 'TrainingPlanDerived.v1': {
      const items = (d.items ?? []) as Data[];
      return {
        what: `menyusun rencana pelatihan untuk kesenjangan kompetensi ${((d.gaps ?? []) as string[]).join(', ') || '(tidak ada)'}: ${items.map((i) => `${str(i.itemId)} ${str(i.competency)} ${str(i.hours)} jam ${str(i.due)}`).join('; ') || 'tidak ada butir'}`,
        justification: null,
      };
    }
    case 'TrainingPlanAdjusted.v1':
      return {
        what: `menyesuaikan rencana pelatihan: ${((d.items ?? []) as Data[]).length} butir direncanakan, dihapus ${((d.removedItemIds ?? []) as string[]).join(', ') || 'tidak ada'}`,
        justification: join(str(d.reason)),
      };
    case 'TrainingItemCompleted.v1':
      return {
        what: `mencatat pelatihan ${str(d.itemId)} selesai pada ${str(d.completedOn)}: ${str(d.hours)} jam di ${str(d.provider)} (sertifikat ${str(d.certificateSha256).slice(0, 12)}…)`,
        justification: null,
      };
    case 'TrainingItemWaived.v1':
      return { what: `membebaskan pelatihan ${str(d.itemId)}`, justification: join(str(d.reason)) };
    case 'TrainingItemOverdue.v1':
      return { what: `pelatihan ${str(d.itemId)} tidak diselesaikan sampai ${str(d.dueBy)}`, justification: null };
    case 'NeedsAnalysisApproved.v1':
      return { what: 'menyetujui analisis kebutuhan', justification: join(str(d.notes)) };
    case 'CandidateProposed.v1':
    case 'ProposalRevised.v1': {
      const c = (d.candidate ?? {}) as Data;
      const grounds = ((d.exceptionGrounds ?? []) as Data[]).map((g) => `alasan ${str(g.ruleId)}: ${str(g.ground)}`);
      const verb = event.type === 'CandidateProposed.v1' ? 'mengusulkan' : 'merevisi usulan atas';
      return {
        what: `${verb} ${str(c.name)} (NIP ${str(c.nip)}) dari ${str(d.originPositionId)} melalui jalur ${str(d.route)}, prakarsa ${str(d.initiative)}`,
        justification: join(str(d.justification), d.meritDeviationJustification ? `penyimpangan dari peringkat merit: ${str(d.meritDeviationJustification)}` : '', ...grounds),
      };
    }
    case 'EmployeeNotified.v1':
      return { what: `memberi tahu pegawai (keberatan sampai ${str(d.objectionDeadline)})`, justification: join(str(d.message)) };
    case 'EmployeeAcknowledged.v1':
      return { what: 'menerima mutasi', justification: null };
    case 'ObjectionRaised.v1':
      return { what: 'mengajukan keberatan atas mutasi', justification: join(str(d.reason)) };
    case 'ObjectionResolved.v1':
      return { what: `${d.outcome === 'UPHELD' ? 'mengabulkan' : 'menolak'} keberatan`, justification: join(str(d.reasoning)) };
    case 'ObjectionWindowClosed.v1':
      return { what: `masa pengajuan keberatan berakhir pada ${str(d.objectionDeadline)} tanpa keberatan`, justification: null };
    case 'ObjectionDecisionOverdue.v1':
      return { what: `keberatan tidak diputus sampai ${str(d.decisionDeadline)}`, justification: null };
    case 'DocumentAttached.v2':
      return { what: `melampirkan ${str(d.kind)} ${str(d.documentId)} (sha256 ${str(d.documentSha256).slice(0, 12)}…)`, justification: join(str(d.title)) };
    case 'DocumentVerified.v1':
      return {
        what: `${d.status === 'APPROVED' ? 'menyetujui' : d.status === 'REJECTED' ? 'menolak' : str(d.status).toLowerCase()} dokumen ${str(d.documentId)}`,
        justification: join(str(d.notes)),
      };
    case 'ApprovalChainStarted.v1':
      return {
        what: `memulai persetujuan melalui jalur ${str(d.route)}: ${((d.steps ?? []) as Data[]).map((s) => `${str(s.role)}@${str(s.agencyId)}`).join(' → ')} (kebijakan ${str(d.policyVersion)})`,
        justification: null,
      };
    case 'ApprovalStepGranted.v1':
      return { what: `menyetujui tahap ${str(d.stepId)}`, justification: join(str(d.notes)) };
    case 'ApprovalStepRejected.v1':
      return { what: `menolak pada tahap ${str(d.stepId)}: kasus berakhir`, justification: join(str(d.reason)) };
    case 'ProposalReturnedForRevision.v1':
      return { what: `mengembalikan usulan untuk diperbaiki pada tahap ${str(d.stepId)}`, justification: join(str(d.reason)) };
    case 'ApprovalStepEscalated.v1':
      return { what: `tahap ${str(d.stepId)} dieskalasi (${str(d.escalation)}): tenggat ${str(d.deadline)} terlewati`, justification: null };
    case 'DecreeIssued.v1':
      return {
        what: `menerbitkan SK ${str(d.decreeNumber)} tanggal ${str(d.decreeDate)}, TMT ${str(d.effectiveDate)}, untuk NIP ${str(d.employeeNip)} ke ${str(d.targetPositionId)}${d.delegationId ? ` berdasarkan pendelegasian ${str(d.delegationId)}` : ''}`,
        justification: null,
      };
    case 'AppointmentRecorded.v1':
      return { what: `mencatat pelantikan pada ${str(d.appointedOn)}`, justification: join(str(d.reference)) };
    case 'AppointmentOverdue.v1':
      return { what: `belum ada pelantikan sampai ${str(d.appointmentDeadline)}`, justification: null };
    case 'EvaluationDue.v1':
      return { what: `evaluasi ${str(d.periodMonths)} bulan jatuh tempo`, justification: null };
    case 'EvaluationRecorded.v1':
      return { what: `mencatat evaluasi ${str(d.periodMonths)} bulan: ${str(d.verdict)} (skor ${str(d.score)})`, justification: join(str(d.notes)) };
    case 'TransferCaseClosed.v1':
      return { what: 'menutup kasus: COMPLETED', justification: null };
    case 'TransferWithdrawn.v1':
      return { what: 'menarik kasus', justification: join(str(d.reason)) };
    case 'CaseFrozen.v1':
      return { what: `membekukan kasus karena pemeriksaan BKN ${str(d.reference)}`, justification: join(str(d.reason)) };
    case 'CaseUnfrozen.v1':
      return { what: `mengakhiri pembekuan pemeriksaan ${str(d.reference)}`, justification: join(str(d.reason)) };
    case 'DecreeRevoked.v1':
      return { what: `mencabut SK (${str(d.reference)})`, justification: join(str(d.reason)) };
    case COMMAND_REFUSED:
      return {
        what: `ditolak saat menjalankan ${str(d.command)}${d.caseId ? ` pada kasus ${str(d.caseId)}` : ''}: ${str(d.status)} ${str(d.code)}${d.ruleId ? ` (${str(d.ruleId)})` : ''}`,
        justification: join(str(d.reason)),
      };
    case 'ReplacementReported.v1':
      return { what: `melaporkan penggantian pejabat kepada Mendagri pada ${str(d.reportedOn)} (tenggat ${str(d.deadline)})`, justification: join(str(d.reference)) };
    case 'ReplacementReportOverdue.v1':
      return { what: `penggantian pejabat tidak dilaporkan kepada Mendagri sampai ${str(d.deadline)}`, justification: null };
    case REFERENCE_DATA_IMPORTED:
      return {
        what: `mengimpor data referensi (impor ${str(d.importId)}: ${str(d.agencies)} instansi, ${str(d.positions)} jabatan, ${str(d.employees)} pegawai, ${str(d.changedRecords)} data berubah; sha256 ${str(d.sha256).slice(0, 12)}…)`,
        justification: join(`sumber ${str(d.source)}`),
      };
    case REFERENCE_RECORDS_CHANGED: {
      const changes = (d.changes ?? []) as { entity?: string; key?: string; created?: boolean; fields?: { field?: string }[] }[];
      const list = changes
        .slice(0, 20)
        .map((c) => `${str(c.entity)} ${str(c.key)}: ${c.created ? 'dibuat' : (c.fields ?? []).map((f) => str(f.field)).join(', ')}`)
        .join('; ');
      return { what: `impor ${str(d.importId)} mengubah ${changes.length} data (bagian ${str(d.chunk)}): ${list}${changes.length > 20 ? '; …' : ''}`, justification: null };
    }
    case POLICY_VERSION_PUBLISHED: {
      const policy = (d.policy ?? {}) as { version?: string; effectiveFrom?: string };
      return { what: `menerbitkan versi kebijakan ${str(policy.version)}, berlaku mulai ${str(policy.effectiveFrom)}`, justification: null };
    }
    default:
      return { what: event.type, justification: null };
  }
}
