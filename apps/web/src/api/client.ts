import createClient, { Middleware } from 'openapi-fetch';
import { clearSession, currentSession } from '../auth/session';
import { ApiProblem, Problem } from './http';
import type { components, paths } from './schema';

/** The API's schemas, generated from its OpenAPI document (npm run api:generate): a drift fails the type check. */
export type Schemas = components['schemas'];

const auth: Middleware = {
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && currentSession()) {
      clearSession();
      window.location.assign('/app/masuk');
    }
    return response;
  },
};

/** The typed API client: paths, parameters, bodies and answers as the OpenAPI document declares them. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** The answer's data, or an ApiProblem carrying the problem details (with the rule and the fields) to show. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const body = (error ?? {}) as Partial<Problem>;
    throw new ApiProblem({
      status: response.status,
      title: body.title ?? response.statusText,
      detail: body.detail ?? `Server menjawab ${response.status}`,
      code: body.code ?? `HTTP_${response.status}`,
      ...body,
    } as Problem);
  }
  return data as T;
}

/** The path segment of every case command, checked against the contract: a command the API drops fails to compile. */
type CommandPath = Extract<keyof paths, `/api/transfers/{caseId}/${string}`>;
export type CommandSegment = CommandPath extends `/api/transfers/{caseId}/${infer S}` ? (S extends `${string}/${string}` ? never : S) : never;
