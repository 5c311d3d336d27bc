import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildDemoData } from '@mutasi/demo-data';
import { TEST_NOW } from '@mutasi/demo-data';

/** Someone who can sign in at the test provider, with the claims Mutasi reads (docs/sign-in.md). */
export interface OidcTestAccount {
  readonly userId: string;
  readonly name: string;
  readonly agencyId: string;
  readonly roles: readonly string[];
  readonly nip?: string;
}

export interface TestOidcProviderOptions {
  readonly accounts?: readonly OidcTestAccount[];
  readonly clientId?: string;
  /** The audience the API expects (AUTH_AUDIENCE). */
  readonly audience?: string;
  /** The RFC 8707 resource indicator that yields JWT access tokens for `audience` (OIDC_RESOURCE). */
  readonly resource?: string;
}

/** A running oidc-provider on 127.0.0.1 with one public client (PKCE required) and JWT access tokens for the API. */
export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly audience: string;
  readonly resource: string;
  /** The environment that points a Mutasi server at this provider (JWKS from its discovery document). */
  serverEnv(): Promise<Record<string, string>>;
  /**
   * Registers the web app's public client (token_endpoint_auth_method none, PKCE required) with the redirect URI
   * `<appOrigin>/app/masuk/callback`: call it once the server listens and its origin is known.
   */
  registerWebApp(appOrigin: string): Promise<void>;
  close(): Promise<void>;
}

/** The demo users (the same the standalone demo signs in with), as provider accounts. */
export function demoOidcAccounts(): OidcTestAccount[] {
  return buildDemoData(TEST_NOW.slice(0, 10)).users.map(({ userId, name, agencyId, roles, nip }) => ({ userId, name, agencyId, roles, ...(nip ? { nip } : {}) }));
}

/**
 * Starts the provider in a child process (oidc-provider is ESM-only; see provider-process.mjs) and resolves once it
 * prints its issuer. Sign-in is oidc-provider's development login form: any password, the login is the user id.
 */
export async function startTestOidcProvider(options: TestOidcProviderOptions = {}): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'mutasi-web';
  const audience = options.audience ?? 'mutasi-api';
  const resource = options.resource ?? 'urn:mutasi:api';
  const registrationToken = randomBytes(24).toString('base64url');
  const settings = { clientId, audience, resource, registrationToken, accounts: options.accounts ?? demoOidcAccounts() };
  const child = spawn(process.execPath, [join(__dirname, 'provider-process.mjs')], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
  const { stdin, stdout, stderr } = child;
  if (!stdin || !stdout || !stderr) throw new Error('the test OIDC provider started without its pipes');
  const output: string[] = [];
  stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n') && line) resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
    child.once('exit', (code) => reject(new Error(`the test OIDC provider exited (${code}) before it listened:\n${output.join('')}`)));
    stdin.end(JSON.stringify(settings));
  });
  return {
    issuer,
    clientId,
    audience,
    resource,
    async serverEnv() {
      const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
      return { AUTH_DEV_TOKENS: 'false', AUTH_JWKS_URL: discovery.jwks_uri, AUTH_AUDIENCE: audience, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_RESOURCE: resource };
    },
    async registerWebApp(appOrigin) {
      const response = await fetch(`${issuer}/reg`, {
        method: 'POST',
        headers: { authorization: `Bearer ${registrationToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          redirect_uris: [`${appOrigin}/app/masuk/callback`],
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code'],
          response_types: ['code'],
        }),
      });
      if (response.status !== 201) throw new Error(`the test OIDC provider refused the web client: ${response.status} ${await response.text()}`);
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
