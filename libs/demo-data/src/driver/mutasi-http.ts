/** An HTTP answer of the Mutasi API. */
export interface HttpResult {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
  readonly headers: Headers;
}

/** A refusal or failure the driver did not expect, with the problem details the server sent. */
export class UnexpectedAnswer extends Error {
  constructor(
    readonly what: string,
    readonly result: HttpResult,
  ) {
    super(`${what}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  }
}

/**
 * Signs in as demo users and sends JSON to the Mutasi API. Tokens come from `presetTokens` (userId → JWT, e.g. the
 * tokens file of `npm run start:distributed`) or, in standalone mode, from `POST /api/dev/token`.
 */
export class MutasiHttp {
  private readonly tokens: Map<string, string>;

  constructor(
    readonly baseUrl: string,
    presetTokens: Readonly<Record<string, string>> = {},
  ) {
    this.tokens = new Map(Object.entries(presetTokens));
  }

  async token(userId: string): Promise<string> {
    const cached = this.tokens.get(userId);
    if (cached) return cached;
    const result = await this.raw('POST', '/api/dev/token', { userId });
    if (result.status !== 200) throw new UnexpectedAnswer(`sign in as ${userId}`, result);
    this.tokens.set(userId, result.body.token as string);
    return result.body.token as string;
  }

  async raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
    const init: RequestInit = { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  async as(userId: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
    return this.raw(method, path, body, { authorization: `Bearer ${await this.token(userId)}`, ...headers });
  }
}
