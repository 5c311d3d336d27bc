import { useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../api/http';
import { AvailableAction, CaseView } from '../../api/types';
import { currentSession } from '../../auth/session';
import { ActionButton, ActionDialog, Field, Values } from '../../components/action-dialog';
import { civilToday } from '../../i18n/format';
import { ACTIONS, DOCUMENT_KINDS, label, SKP_RATINGS } from '../../i18n/labels';
import { TrainingPlanActions } from './case-training-plan';
import { separationOfDutiesNotice } from './separation-of-duties';
import { sendCommand, uploadFile } from './send';

const today = (): string => civilToday();
const reasonField: Field = { name: 'reason', label: 'Alasan', type: 'textarea', required: true };
const referenceField: Field = { name: 'reference', label: 'Nomor surat / dasar', required: true };
const notesField: Field = { name: 'notes', label: 'Catatan', type: 'textarea' };

interface ActionForm {
  readonly fields: (view: CaseView, action: AvailableAction) => Field[];
  readonly body: (values: Values, view: CaseView, action: AvailableAction, files: Record<string, File | undefined>) => Promise<unknown> | unknown;
  readonly variant?: 'primary' | 'secondary' | 'danger';
}

async function requiredFile(view: CaseView, files: Record<string, File | undefined>, name = 'file'): Promise<string> {
  const file = files[name];
  if (!file) throw new Error('pilih berkas yang akan diunggah');
  return (await uploadFile(view.caseId, file)).sha256;
}

/** The kinds a reader may attach: the employee only their own application, officials the case's checklist. */
function documentKinds(view: CaseView): { kind: string; title: string }[] {
  const own = view.candidate !== null && currentSession()?.user.nip === view.candidate.nip;
  if (own) return [{ kind: 'EMPLOYEE_APPLICATION', title: 'Surat permohonan pegawai' }];
  // After the decree only the evidence for the evaluation may still be attached.
  if (view.status === 'DECREED' || view.status === 'APPOINTED')
    return [
      { kind: 'PERIODIC_PERFORMANCE_EVALUATION', title: 'Evaluasi kinerja berkala' },
      { kind: 'OTHER', title: 'Dokumen lain' },
    ];
  return [
    ...view.requiredDocuments.filter((d) => d.status !== 'APPROVED'),
    ...view.requiredDocuments.filter((d) => d.status === 'APPROVED'),
    { kind: 'OTHER', title: 'Dokumen lain' },
  ];
}

/** The input each action needs (the commands' bodies of docs/api.md); actions without input act on one click. */
const FORMS: Record<string, ActionForm> = {
  ApproveNeedsAnalysis: { fields: () => [notesField], body: (v) => ({ notes: v.notes }), variant: 'primary' },
  NotifyEmployee: {
    fields: () => [{ name: 'message', label: 'Pesan kepada pegawai', type: 'textarea', required: true }],
    body: (v) => ({ message: v.message }),
    variant: 'primary',
  },
  RaiseObjection: {
    fields: () => [reasonField, { name: 'file', label: 'Lampiran bukti (opsional)', type: 'file' }],
    body: async (v, view, _a, files) => {
      const file = files.file;
      if (!file) return { reason: v.reason };
      const stored = await uploadFile(view.caseId, file);
      return { reason: `${v.reason}\n\nLampiran: ${stored.fileName} (SHA-256 ${stored.sha256})` };
    },
  },
  ResolveObjection: {
    fields: () => [
      {
        name: 'outcome',
        label: 'Putusan',
        type: 'select',
        required: true,
        options: [
          { value: 'DISMISSED', label: 'Keberatan ditolak, mutasi berlanjut (DISMISSED)' },
          { value: 'UPHELD', label: 'Keberatan diterima (UPHELD)' },
        ],
      },
      { name: 'reasoning', label: 'Pertimbangan', type: 'textarea', required: true },
    ],
    body: (v) => ({ outcome: v.outcome, reasoning: v.reasoning }),
    variant: 'primary',
  },
  AttachDocument: {
    fields: (view) => [
      {
        name: 'kind',
        label: 'Jenis dokumen',
        type: 'select',
        required: true,
        options: documentKinds(view).map((d) => ({ value: d.kind, label: `${label(DOCUMENT_KINDS, d.kind)} (${d.kind})` })),
      },
      { name: 'title', label: 'Judul' },
      { name: 'file', label: 'Berkas (PDF, PNG, JPEG; maks. 10 MB)', type: 'file', required: true },
      {
        name: 'skpRating',
        label: 'Predikat SKP (hanya untuk evaluasi kinerja berkala)',
        type: 'select',
        options: [{ value: '', label: '—' }, ...Object.entries(SKP_RATINGS).map(([r, text]) => ({ value: r, label: `${text} (${r})` }))],
      },
      { name: 'period', label: 'Periode penilaian (hanya untuk evaluasi kinerja berkala)' },
    ],
    body: async (v, view, _a, files) => ({
      kind: v.kind,
      title: v.title || label(DOCUMENT_KINDS, v.kind),
      sha256: await requiredFile(view, files),
      ...(v.skpRating ? { statement: { skpRating: v.skpRating, period: v.period } } : {}),
    }),
  },
  VerifyDocument: {
    fields: () => [
      {
        name: 'status',
        label: 'Hasil',
        type: 'select',
        required: true,
        options: [
          { value: 'APPROVED', label: 'Disetujui (APPROVED)' },
          { value: 'REJECTED', label: 'Ditolak (REJECTED)' },
        ],
      },
      notesField,
    ],
    body: (v, _view, a) => ({ documentId: a.documentId, status: v.status, notes: v.notes }),
  },
  ApproveStep: {
    // A releasing PPK's consent names the position it consents to: the screen shows the case's target to confirm.
    fields: (view, a) => [
      notesField,
      ...(view.approvalChain.find((s) => s.stepId === a.stepId)?.kind === 'CONSENT'
        ? [{ name: 'consentToPositionId', label: 'Jabatan tujuan yang disetujui (R-11)', required: true, initial: view.target.positionId }]
        : []),
    ],
    body: (v, _view, a) => ({ stepId: a.stepId, notes: v.notes, ...(v.consentToPositionId ? { consentToPositionId: v.consentToPositionId } : {}) }),
    variant: 'primary',
  },
  RejectStep: { fields: () => [reasonField], body: (v, _view, a) => ({ stepId: a.stepId, reason: v.reason }), variant: 'danger' },
  ReturnForRevision: { fields: () => [reasonField], body: (v, _view, a) => ({ stepId: a.stepId, reason: v.reason }) },
  IssueDecree: {
    fields: (view) => [
      { name: 'decreeNumber', label: 'Nomor SK', required: true },
      { name: 'decreeDate', label: 'Tanggal SK', type: 'date', required: true, initial: today() },
      { name: 'effectiveDate', label: 'TMT (terhitung mulai tanggal)', type: 'date', required: true, initial: today() },
      { name: 'employeeNip', label: 'NIP pegawai (periksa)', required: true, initial: view.candidate?.nip },
      { name: 'targetPositionId', label: 'Jabatan tujuan (periksa)', required: true, initial: view.target.positionId },
      { name: 'file', label: 'Berkas SK bertanda tangan', type: 'file', required: true },
      { name: 'delegationId', label: 'Nomor pelimpahan wewenang (jika sebagai delegasi)' },
    ],
    body: async (v, view, _a, files) => ({
      decreeNumber: v.decreeNumber,
      decreeDate: v.decreeDate,
      effectiveDate: v.effectiveDate,
      employeeNip: v.employeeNip,
      targetPositionId: v.targetPositionId,
      documentSha256: await requiredFile(view, files),
      ...(v.delegationId ? { delegationId: v.delegationId } : {}),
    }),
    variant: 'primary',
  },
  RecordAppointment: {
    fields: () => [
      { name: 'appointedOn', label: 'Tanggal pelantikan', type: 'date', required: true, initial: today() },
      { name: 'reference', label: 'Nomor berita acara pelantikan', required: true },
    ],
    body: (v) => ({ appointedOn: v.appointedOn, reference: v.reference }),
    variant: 'primary',
  },
  RecordEvaluation: {
    fields: (view) => [
      {
        name: 'competencyFit',
        label: 'Kesesuaian kompetensi (1–5)',
        type: 'select',
        required: true,
        options: ['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n })),
        initial: '4',
      },
      {
        name: 'skpAfterDocumentId',
        label: 'SKP sesudah mutasi (M-08)',
        type: 'select',
        options: [
          { value: '', label: 'dari data SKP yang diimpor' },
          ...view.documents
            .filter((d) => d.kind === 'PERIODIC_PERFORMANCE_EVALUATION' && d.status === 'APPROVED')
            .map((d) => ({ value: d.documentId, label: `${d.title} (${d.documentId})` })),
        ].reverse(),
      },
      notesField,
    ],
    body: (v, _view, a) => ({
      periodMonths: a.periodMonths,
      competencyFit: Number(v.competencyFit),
      ...(v.skpAfterDocumentId ? { skpAfterDocumentId: v.skpAfterDocumentId } : {}),
      ...(v.notes ? { notes: v.notes } : {}),
    }),
    variant: 'primary',
  },
  WithdrawTransfer: { fields: () => [reasonField], body: (v) => ({ reason: v.reason }), variant: 'danger' },
  FreezeCase: { fields: () => [reasonField, referenceField], body: (v) => ({ reason: v.reason, reference: v.reference }), variant: 'danger' },
  UnfreezeCase: { fields: () => [reasonField, referenceField], body: (v) => ({ reason: v.reason, reference: v.reference }) },
  RevokeDecree: { fields: () => [reasonField, referenceField], body: (v) => ({ reason: v.reason, reference: v.reference }), variant: 'danger' },
  CompleteTrainingItem: {
    fields: () => [
      { name: 'file', label: 'Sertifikat', type: 'file', required: true },
      { name: 'hours', label: 'Jam pelajaran', type: 'number', required: true },
      { name: 'provider', label: 'Penyelenggara', required: true },
      { name: 'completedOn', label: 'Tanggal selesai', type: 'date', required: true, initial: today() },
    ],
    body: async (v, view, a, files) => ({
      itemId: a.itemId,
      certificateSha256: await requiredFile(view, files),
      hours: Number(v.hours),
      provider: v.provider,
      completedOn: v.completedOn,
    }),
  },
  WaiveTrainingItem: { fields: () => [reasonField], body: (v, _view, a) => ({ itemId: a.itemId, reason: v.reason }) },
};

/** Actions that need nothing but a click. */
const ONE_CLICK: Record<string, 'primary' | 'secondary'> = { AcknowledgeTransfer: 'primary', SubmitForApproval: 'primary', CloseCase: 'primary' };

/** Actions offered elsewhere on the page (the candidate list proposes) or as several dialogs (the training plan). */
const ELSEWHERE = new Set(['ProposeCandidate', 'ReviseProposal', 'AdjustTrainingPlan']);

function actionLabel(a: AvailableAction, view: CaseView): string {
  const base = ACTIONS[a.command] ?? a.command;
  if (a.documentId) return `${base}: ${view.documents.find((d) => d.documentId === a.documentId)?.title ?? a.documentId}`;
  if (a.itemId) return `${base}: ${view.training?.items.find((i) => i.itemId === a.itemId)?.competency ?? a.itemId}`;
  if (a.periodMonths) return `${base} ${a.periodMonths} bulan`;
  return base;
}

/** The action panel: exactly the commands the server says this reader may send now, each with its form. */
export function CaseActions({ view, etag }: { view: CaseView; etag: string | null }) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['case', view.caseId] });
  /** Sends; when the case changed since the page showed it (409), reloads it so the next Kirim acts on what is now true. */
  const send = async (command: string, body: unknown) => {
    try {
      await sendCommand(view.caseId, command, body, etag);
    } catch (error) {
      if (error instanceof ApiProblem && error.problem.status === 409) await refresh();
      throw error;
    }
    await refresh();
  };
  const actions = view.actions.filter((a) => !ELSEWHERE.has(a.command));
  const adjustsTraining = view.actions.some((a) => a.command === 'AdjustTrainingPlan');
  const notice = separationOfDutiesNotice(view, currentSession()?.user);
  const why = notice ? <p className="notice">{notice}</p> : null;
  if (actions.length === 0 && !adjustsTraining)
    return (
      <>
        {why}
        <p>Tidak ada tindakan yang dapat Anda lakukan pada kasus ini sekarang.</p>
      </>
    );
  return (
    <div className="actions">
      {why}
      {actions.map((a) => {
        const key = `${a.command}/${a.stepId ?? a.documentId ?? a.itemId ?? a.periodMonths ?? ''}`;
        const name = actionLabel(a, view);
        const oneClick = ONE_CLICK[a.command];
        if (oneClick) return <ActionButton key={key} action={name} variant={oneClick} onClick={() => send(a.command, {})} />;
        const form = FORMS[a.command];
        if (!form) return null;
        return (
          <ActionDialog
            key={key}
            action={name}
            fields={form.fields(view, a)}
            {...(form.variant ? { variant: form.variant } : {})}
            onSubmit={async (values, files) => send(a.command, await form.body(values, view, a, files))}
          />
        );
      })}
      {adjustsTraining ? <TrainingPlanActions view={view} send={send} /> : null}
    </div>
  );
}
