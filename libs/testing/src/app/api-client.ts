/** An HTTP answer as tests look at it. */
export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A small HTTP client for end-to-end tests: signs in as demo users and sends JSON. */
export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** A token for a seeded demo user, through `POST /api/dev/token` (cached). */
  async token(userId: string): Promise<string> {
    const cached = this.tokens.get(userId);
    if (cached) return cached;
    const response = await this.request<{ token: string }>('POST', '/api/dev/token', { body: { userId } });
    if (response.status !== 200) throw new Error(`cannot sign in as ${userId}: ${response.status} ${JSON.stringify(response.body)}`);
    this.tokens.set(userId, response.body.token);
    return response.body.token;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  /** Requests as a demo user. */
  as(userId: string) {
    const send = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      this.request<T>(method, path, { token: await this.token(userId), ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
    return {
      get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) => send<T>('GET', path, undefined, headers),
      post: <T = Record<string, unknown>>(path: string, body: unknown = {}, headers?: Record<string, string>) => send<T>('POST', path, body, headers),
    };
  }
}
