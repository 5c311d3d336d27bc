import { clearSession, currentSession } from '../auth/session';

/** Problem details (RFC 9457) as the API answers them, with the rule and the fields when it names them. */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly code: string;
  readonly ruleId?: string;
  readonly legalBasis?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

/** A refusal or failure from the API, carrying its problem details for the screen to show next to the field or action. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

async function problemOf(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as Partial<Problem>;
    return { status: res.status, title: body.title ?? res.statusText, detail: body.detail ?? res.statusText, code: body.code ?? `HTTP_${res.status}`, ...body } as Problem;
  } catch {
    return { status: res.status, title: res.statusText, detail: `Server menjawab ${res.status}`, code: `HTTP_${res.status}` };
  }
}

export interface RequestOptions {
  readonly ifMatch?: string;
  readonly idempotencyKey?: string;
  readonly body?: unknown;
  readonly rawBody?: Blob;
  readonly headers?: Record<string, string>;
}

/** One request to the API with the signed-in user's token; a 401 ends the session and sends the user to sign in. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<{ body: T; etag: string | null }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const session = currentSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let body: BodyInit | undefined;
  if (options.rawBody) body = options.rawBody;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  if (res.status === 401 && session) {
    clearSession();
    window.location.assign('/app/masuk');
  }
  if (!res.ok) throw new ApiProblem(await problemOf(res));
  const text = await res.text();
  return { body: (text === '' ? null : JSON.parse(text)) as T, etag: res.headers.get('ETag') };
}

export const get = async <T>(path: string): Promise<T> => (await request<T>('GET', path)).body;

/** A query string from the set values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
