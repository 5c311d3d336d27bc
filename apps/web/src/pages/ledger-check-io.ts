import { ApiProblem, query, type Problem } from '../api/http';
import { currentSession } from '../auth/session';

/**
 * What the ledger check reads and keeps: the case's export as a byte stream (JSON lines, not the JSON the rest of
 * the API speaks), and, in this browser's storage, the pinned key, the witness policy and the held checkpoint.
 */
export const PIN_KEY = 'mutasi.pinned-verifier-key';
export const POLICY_KEY = 'mutasi.witness-policy';
const HELD_KEY = 'mutasi.held-checkpoint';

/** The last checkpoint that verified here, with the key it verified under: later bundles must equal or extend it. */
export interface HeldCheckpoint {
  readonly verifierKey: string;
  readonly checkpoint: string;
  readonly treeSize: number;
  readonly signedAt: string;
}

async function problemOf(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as Partial<Problem>;
    return { status: res.status, title: body.title ?? res.statusText, detail: body.detail ?? res.statusText, code: body.code ?? `HTTP_${res.status}`, ...body } as Problem;
  } catch {
    return { status: res.status, title: res.statusText, detail: `Server menjawab ${res.status}`, code: `HTTP_${res.status}` };
  }
}

/** `GET /api/audit/export?caseId=` with the signed-in inspector's token; a refusal as ApiProblem. */
export async function fetchCaseExport(caseId: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/x-ndjson, application/problem+json' };
  const session = currentSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  const res = await fetch(`/api/audit/export${query({ caseId })}`, { headers });
  if (!res.ok) throw new ApiProblem(await problemOf(res));
  return res;
}

/** Saves the case's export as the file the server names (mutasi-audit-<case>-<size>.jsonl). */
export async function downloadCaseExport(caseId: string): Promise<void> {
  const res = await fetchCaseExport(caseId);
  const named = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
  const url = URL.createObjectURL(new Blob([await res.text()], { type: 'application/x-ndjson' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = named ?? `mutasi-audit-${caseId}.jsonl`;
  a.click();
  URL.revokeObjectURL(url);
}

export function readHeld(): HeldCheckpoint | null {
  try {
    const held = JSON.parse(localStorage.getItem(HELD_KEY) ?? 'null') as HeldCheckpoint | null;
    return held && typeof held.checkpoint === 'string' && typeof held.verifierKey === 'string' && typeof held.treeSize === 'number' ? held : null;
  } catch {
    return null;
  }
}

export function writeHeld(held: HeldCheckpoint | null): void {
  if (held === null) localStorage.removeItem(HELD_KEY);
  else localStorage.setItem(HELD_KEY, JSON.stringify(held));
}

/** Keeps a value in this browser's storage; empty text removes it. */
export function remember(key: string, value: string): void {
  if (value.trim() === '') localStorage.removeItem(key);
  else localStorage.setItem(key, value);
}
