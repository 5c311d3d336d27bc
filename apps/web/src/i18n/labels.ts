/**
 * Indonesian labels for every code the API returns (docs/ui.md). The screen shows the label and, beside it, the code,
 * so an official can quote either. An unknown code shows as itself: never hidden.
 */
export const STAGES: Record<string, string> = {
  ANALISIS_KEBUTUHAN: 'Analisis kebutuhan',
  USULAN: 'Usulan',
  SOSIALISASI: 'Sosialisasi',
  PERSETUJUAN: 'Persetujuan',
  SK: 'Surat Keputusan (SK)',
  EVALUASI: 'Evaluasi pascamutasi',
};

export const STATUSES: Record<string, string> = {
  NEEDS_ANALYSIS_SUBMITTED: 'Analisis kebutuhan diajukan',
  AWAITING_PROPOSAL: 'Menunggu usulan kandidat',
  PROPOSED: 'Kandidat diusulkan',
  EMPLOYEE_NOTIFIED: 'Pegawai sudah diberi tahu',
  SOCIALISED: 'Sosialisasi selesai',
  OBJECTION_RAISED: 'Keberatan diajukan',
  IN_APPROVAL: 'Dalam persetujuan',
  RETURNED_FOR_REVISION: 'Dikembalikan untuk perbaikan',
  DECREED: 'SK terbit',
  APPOINTED: 'Sudah dilantik',
  COMPLETED: 'Selesai',
  REJECTED: 'Ditolak',
  WITHDRAWN: 'Ditarik',
  REVOKED: 'SK dicabut',
  FROZEN: 'Dibekukan',
};

export const ROUTES: Record<string, string> = {
  INTERNAL: 'Dalam satu instansi',
  KABKOTA_SAME_PROVINCE: 'Antarkabupaten/kota dalam satu provinsi',
  PROVINSI_TO_KABKOTA: 'Dari provinsi ke kabupaten/kota',
  KABKOTA_TO_PROVINSI: 'Dari kabupaten/kota ke provinsi',
  INTER_PROVINCE: 'Antarprovinsi',
  PUSAT_TO_DAERAH: 'Dari instansi pusat ke daerah',
  DAERAH_TO_PUSAT: 'Dari daerah ke instansi pusat',
  PUSAT_TO_PUSAT: 'Antarinstansi pusat',
  PPPK_PERAMPINGAN: 'PPPK karena perampingan organisasi',
};

export const ROLES: Record<string, string> = {
  PENGUSUL: 'Pengusul (BKPSDM/BKD)',
  VERIFIKATOR: 'Verifikator kepegawaian',
  TIM_PENILAI_KINERJA: 'Tim Penilai Kinerja',
  PPK: 'Pejabat Pembina Kepegawaian',
  GUBERNUR: 'Gubernur',
  MENDAGRI: 'Menteri Dalam Negeri',
  KANREG_BKN: 'Kepala Kantor Regional BKN',
  KEPALA_BKN: 'Kepala BKN',
  INSPEKTUR: 'Inspektur',
  ADMIN: 'Pengelola data',
  PNS: 'Pegawai',
  SYSTEM: 'Sistem (penjadwal)',
};

export const STEP_STATUSES: Record<string, string> = {
  WAITING: 'Menunggu giliran',
  ACTIVE: 'Menunggu tindakan',
  APPROVED: 'Disetujui',
  REJECTED: 'Ditolak',
  RETURNED: 'Dikembalikan',
  DONE: 'Selesai',
  CANCELLED: 'Dibatalkan',
};

export const OUTCOMES: Record<string, string> = { PASS: 'Memenuhi', BLOCK: 'Menolak', FLAG: 'Ditandai untuk pengawas', REQUIRES_STEP: 'Perlu persetujuan tambahan' };

export const VERDICTS: Record<string, string> = { MET: 'Tercapai', PARTLY_MET: 'Tercapai sebagian', PARTLY: 'Tercapai sebagian', NOT_MET: 'Tidak tercapai' };

/** SKP performance ratings (predikat kinerja pegawai). */
export const SKP_RATINGS: Record<string, string> = {
  SANGAT_BAIK: 'Sangat baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat kurang',
};

export const DOCUMENT_STATUSES: Record<string, string> = { PENDING: 'Menunggu verifikasi', APPROVED: 'Disetujui', REJECTED: 'Ditolak', MISSING: 'Belum ada' };

export const TASK_KINDS: Record<string, string> = {
  NEEDS_APPROVAL: 'Persetujuan analisis kebutuhan',
  PROPOSAL: 'Usulan kandidat',
  REVISION: 'Perbaikan usulan',
  NOTIFY_EMPLOYEE: 'Pemberitahuan pegawai',
  ACKNOWLEDGEMENT: 'Tanggapan pegawai',
  OBJECTION_DECISION: 'Keputusan keberatan',
  SUBMISSION: 'Pengajuan persetujuan',
  DOCUMENT_VERIFICATION: 'Verifikasi dokumen',
  STEP: 'Langkah persetujuan',
  DECREE: 'Penerbitan SK',
  APPOINTMENT: 'Pelantikan',
  EVALUATION: 'Evaluasi pascamutasi',
  TRAINING: 'Pengembangan kompetensi',
};

export const STEP_KINDS: Record<string, string> = {
  VERIFICATION: 'Verifikasi berkas',
  PROPOSAL: 'Persetujuan usulan',
  CONSENT: 'Persetujuan melepas/menerima',
  CONSIDERATION: 'Pertimbangan',
  COORDINATION: 'Koordinasi',
  FORWARDING: 'Penerusan usulan',
  PERTEK: 'Pertimbangan teknis (Pertek) BKN',
  WRITTEN_APPROVAL: 'Persetujuan tertulis',
  DECREE: 'Penerbitan SK',
};

export const TRAINING_STATUSES: Record<string, string> = { PLANNED: 'Direncanakan', COMPLETED: 'Selesai', WAIVED: 'Dibebaskan' };

/** The accessible names of the actions (docs/ui.md and issue 11): each button is named so. */
export const ACTIONS: Record<string, string> = {
  ApproveNeedsAnalysis: 'Setujui analisis kebutuhan',
  ProposeCandidate: 'Usulkan kandidat',
  ReviseProposal: 'Perbaiki usulan',
  NotifyEmployee: 'Beri tahu pegawai',
  AcknowledgeTransfer: 'Terima usulan',
  RaiseObjection: 'Ajukan keberatan',
  ResolveObjection: 'Putuskan keberatan',
  AttachDocument: 'Unggah dokumen',
  VerifyDocument: 'Verifikasi dokumen',
  SubmitForApproval: 'Ajukan untuk persetujuan',
  ApproveStep: 'Setujui',
  RejectStep: 'Tolak',
  ReturnForRevision: 'Kembalikan untuk perbaikan',
  IssueDecree: 'Terbitkan SK',
  RecordAppointment: 'Catat pelantikan',
  RecordEvaluation: 'Catat evaluasi',
  CloseCase: 'Tutup kasus',
  WithdrawTransfer: 'Tarik kasus',
  FreezeCase: 'Bekukan',
  UnfreezeCase: 'Cairkan',
  RevokeDecree: 'Cabut SK',
  AdjustTrainingPlan: 'Ubah rencana pelatihan',
  CompleteTrainingItem: 'Catat pelatihan selesai',
  WaiveTrainingItem: 'Bebaskan pelatihan',
};

/** Event types of the timeline in plain words (the type itself is shown beside). */
export const EVENTS: Record<string, string> = {
  'TransferCaseOpened.v1': 'Kasus dibuka dengan analisis kebutuhan',
  'NeedsAnalysisApproved.v1': 'Analisis kebutuhan disetujui',
  'CandidateProposed.v1': 'Kandidat diusulkan',
  'ProposalRevised.v1': 'Usulan diperbaiki',
  'EmployeeNotified.v1': 'Pegawai diberi tahu',
  'EmployeeAcknowledged.v1': 'Pegawai menerima usulan',
  'ObjectionRaised.v1': 'Pegawai mengajukan keberatan',
  'ObjectionResolved.v1': 'Keberatan diputuskan',
  'ObjectionWindowClosed.v1': 'Masa keberatan berakhir',
  'DocumentAttached.v1': 'Dokumen diunggah',
  'DocumentAttached.v2': 'Dokumen diunggah',
  'DocumentVerified.v1': 'Dokumen diverifikasi',
  'ApprovalChainStarted.v1': 'Diajukan untuk persetujuan',
  'ApprovalStepGranted.v1': 'Langkah disetujui',
  'ApprovalStepRejected.v1': 'Langkah ditolak',
  'ProposalReturnedForRevision.v1': 'Dikembalikan untuk perbaikan',
  'ApprovalStepEscalated.v1': 'Langkah lewat tenggat dan dieskalasi (R-30)',
  'DecreeIssued.v1': 'SK diterbitkan',
  'AppointmentRecorded.v1': 'Pelantikan dicatat',
  'EvaluationDue.v1': 'Evaluasi jatuh tempo',
  'EvaluationRecorded.v1': 'Evaluasi dicatat',
  'TransferCaseClosed.v1': 'Kasus ditutup',
  'TransferWithdrawn.v1': 'Kasus ditarik',
  'CaseFrozen.v1': 'Kasus dibekukan',
  'CaseUnfrozen.v1': 'Kasus dicairkan',
  'DecreeRevoked.v1': 'SK dicabut',
  'TrainingPlanDerived.v1': 'Rencana pelatihan disusun',
  'TrainingPlanAdjusted.v1': 'Rencana pelatihan diubah',
  'TrainingItemCompleted.v1': 'Pelatihan selesai',
  'TrainingItemWaived.v1': 'Pelatihan dibebaskan',
  'TrainingItemOverdue.v1': 'Pelatihan lewat tenggat',
  'ReplacementReported.v1': 'Penggantian dilaporkan',
  'AppointmentOverdue.v1': 'Pelantikan lewat tenggat',
  'ObjectionDecisionOverdue.v1': 'Keputusan keberatan lewat tenggat',
  'ReplacementReportOverdue.v1': 'Laporan penggantian lewat tenggat',
};

export const label = (table: Record<string, string>, code: string | null | undefined): string => (code ? (table[code] ?? code) : '—');

/** Document kinds of the checklist (Peraturan BKN 5/2019 Pasal 3 ayat (1)) in the words of the regulation. */
export const DOCUMENT_KINDS: Record<string, string> = {
  ANJAB_ABK: 'Analisis jabatan (Anjab) dan analisis beban kerja (ABK)',
  EMPLOYEE_APPLICATION: 'Surat permohonan pegawai (R-50)',
  PROPOSAL_LETTER: 'Surat usulan PPK penerima yang menyebut jabatan',
  CONSENT_LETTER: 'Surat persetujuan PPK pelepas yang menyebut jabatan (R-11)',
  NO_DISCIPLINE_STATEMENT: 'Surat pernyataan tidak sedang dijatuhi hukuman disiplin atau proses pidana',
  LATEST_DECREE: 'SK pangkat atau jabatan terakhir',
  SKP_TWO_YEARS: 'SKP minimal BAIK dua tahun terakhir',
  NO_STUDY_STATEMENT: 'Surat pernyataan tidak sedang tugas belajar atau ikatan dinas',
  SKBT: 'Surat keterangan bebas temuan (SKBT) dari Inspektorat asal',
  KEMENDAGRI_RECOMMENDATION: 'Rekomendasi Kemendagri',
  DOWNSIZING_DECREE: 'Keputusan perampingan organisasi (R-61)',
  TRAINING_PLAN: 'Rencana pengembangan kompetensi',
  PERIODIC_PERFORMANCE_EVALUATION: 'Evaluasi kinerja periodik di jabatan baru, dengan predikatnya',
  COMPETENCY_TEST_RESULT: 'Hasil uji kompetensi (R-05)',
  MENPANRB_RECOMMENDATION: 'Rekomendasi MenPAN-RB (R-62)',
  REPLACEMENT_REPORT: 'Laporan penggantian kepada Mendagri (R-33)',
  OTHER: 'Dokumen lain',
};

/** Verdicts of the in-browser ledger check (Inspeksi → Verifikasi catatan, apps/web/src/verify). */
export const VERIFY_OUTCOMES: Record<string, string> = { VERIFIED: 'Terverifikasi', FAILED: 'Gagal verifikasi', INCOMPLETE: 'Tidak lengkap' };

/** What an audit bundle claims to hold in full. */
export const BUNDLE_SCOPES: Record<string, string> = { case: 'Satu kasus', agency: 'Semua kasus satu instansi' };

/** Where the pinned verifier key came from: the inspector, or the operator's own announcement (a claim, not proof). */
export const KEY_SOURCES: Record<string, string> = { PINNED: 'Disematkan oleh Anda', OPERATOR: 'Klaim operator (GET /api/ledger/public-key)' };

/** Why a place of an audit bundle fails the ledger check (FailureCode of apps/web/src/verify/types.ts). */
export const VERIFY_FAILURES: Record<string, string> = {
  PINNED_KEY_INVALID: 'Kunci yang disematkan tidak terbaca',
  NOT_A_BUNDLE: 'Bukan bundel audit v2',
  KEY_NOT_PINNED: 'Bundel menyebut kunci lain',
  CHECKPOINT_SIGNATURE: 'Tanda tangan checkpoint tidak sah',
  TREE_HEAD_MISMATCH: 'Kepala pohon tidak sesuai checkpoint',
  NO_COMPLETENESS_MAPS: 'Checkpoint tanpa bukti kelengkapan',
  WITNESS_POLICY: 'Kebijakan saksi tidak terpenuhi',
  CONSISTENCY: 'Bukti konsistensi gagal',
  HELD_CHECKPOINT: 'Tidak melanjutkan checkpoint yang disimpan',
  AGENCY_CASES_UNPROVEN: 'Daftar kasus instansi tidak terbukti',
  NOT_THE_CASE: 'Bukan bundel kasus ini',
  LINE_MALFORMED: 'Baris bundel cacat',
  STREAM_TWICE: 'Aliran tercantum dua kali',
  STREAM_OUT_OF_SCOPE: 'Aliran di luar cakupan bundel',
  HEAD_UNPROVEN: 'Kepala aliran tidak terbukti',
  STREAM_NOT_IN_CHECKPOINT: 'Aliran tidak ada dalam checkpoint',
  STREAM_MISMATCH: 'Peristiwa milik aliran lain',
  MALFORMED_RECORD: 'Catatan peristiwa cacat',
  REVISION_GAP: 'Revisi melompat',
  CHAIN_BROKEN: 'Rantai hash putus',
  HASH_MISMATCH: 'Isi peristiwa diubah',
  LEAF_UNHASHABLE: 'Daun tidak dapat di-hash',
  NOT_IN_TREE: 'Tidak termuat dalam pohon bertanda tangan',
  REVISIONS_MISSING: 'Revisi hilang',
  BEYOND_HEAD: 'Revisi melewati kepala aliran',
  HEAD_MISMATCH: 'Peristiwa terakhir bukan kepala aliran',
  CUT_SHORT: 'Bundel terpotong',
  END_MISCOUNT: 'Hitungan baris penutup tidak cocok',
  END_MALFORMED: 'Baris penutup cacat',
  STREAM_LEFT_OUT: 'Aliran kasus tidak disertakan',
  UNEXPECTED: 'Pemeriksaan berhenti tak terduga',
};
