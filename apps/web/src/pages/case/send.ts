import type { CommandSegment } from '../../api/client';
import { request } from '../../api/http';
import { currentSession } from '../../auth/session';

/** The path segment of each case command, each checked against the OpenAPI contract by its type. */
export const COMMAND_PATHS: Record<string, CommandSegment> = {
  ApproveNeedsAnalysis: 'approve-needs-analysis',
  ProposeCandidate: 'propose-candidate',
  ReviseProposal: 'revise-proposal',
  NotifyEmployee: 'notify-employee',
  AcknowledgeTransfer: 'acknowledge',
  RaiseObjection: 'raise-objection',
  ResolveObjection: 'resolve-objection',
  AttachDocument: 'attach-document',
  VerifyDocument: 'verify-document',
  SubmitForApproval: 'submit-for-approval',
  ApproveStep: 'approve-step',
  RejectStep: 'reject-step',
  ReturnForRevision: 'return-for-revision',
  IssueDecree: 'issue-decree',
  RecordAppointment: 'record-appointment',
  RecordEvaluation: 'record-evaluation',
  CloseCase: 'close',
  WithdrawTransfer: 'withdraw',
  FreezeCase: 'freeze',
  UnfreezeCase: 'unfreeze',
  RevokeDecree: 'revoke',
  AdjustTrainingPlan: 'adjust-training-plan',
  CompleteTrainingItem: 'complete-training',
  WaiveTrainingItem: 'waive-training',
};

/** Sends a case command with the revision the screen showed (If-Match) and a fresh idempotency key per attempt. */
export async function sendCommand(caseId: string, command: string, body: unknown, etag: string | null): Promise<unknown> {
  const path = COMMAND_PATHS[command];
  if (!path) throw new Error(`perintah ${command} tidak dikenal`);
  return (await request('POST', `/api/transfers/${caseId}/${path}`, { body, ...(etag ? { ifMatch: etag } : {}), idempotencyKey: crypto.randomUUID() })).body;
}

/** Uploads a file to the case; the answer is its SHA-256, computed by the server, which the command then records. */
export async function uploadFile(caseId: string, file: File): Promise<{ sha256: string; fileName: string; size: number }> {
  const type = file.type === '' ? 'application/octet-stream' : file.type;
  return (
    await request<{ sha256: string; fileName: string; size: number }>('POST', `/api/transfers/${caseId}/files`, {
      rawBody: file,
      headers: { 'Content-Type': type, 'X-File-Name': encodeURIComponent(file.name) },
    })
  ).body;
}

/** Downloads a case file through the API (with the token) and hands it to the browser as a download. */
export async function downloadFile(caseId: string, sha256: string, name: string): Promise<void> {
  const res = await fetch(`/api/transfers/${caseId}/files/${sha256}`, { headers: { Authorization: `Bearer ${currentSession()?.token ?? ''}` } });
  if (!res.ok) throw new Error(res.status === 404 ? 'berkas ini hanya tercatat hash-nya; tidak ada salinannya di server' : `gagal mengunduh (${res.status})`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
