import {
  authorizationUrl,
  discover,
  exchangeCode,
  newPendingSignIn,
  OidcSignInConfig,
  OidcSignInError,
  PendingSignIn,
  readAuthorizationResponse,
  s256Challenge,
  SignedIn,
} from './oidc-protocol';

/** What the flow needs from its surroundings: the browser's in oidc.ts, stand-ins in tests. */
export interface SignInEnvironment {
  /** Keeps the pending sign-in across the redirect (sessionStorage in the browser: this tab only). */
  readonly storage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
  /** The web app's origin (`location.origin`): the redirect URI is this + the configured path. */
  readonly origin: string;
  /** Leaves for the provider (`location.assign`). */
  navigate(url: string): void;
  fetch(input: string, init?: RequestInit): Promise<Response>;
  now(): number;
}

/** The sessionStorage key of the sign-in in progress. */
export const PENDING_SIGN_IN_KEY = 'mutasi.oidc.pending';

/** Step 1: remembers a new verifier, state and nonce, then sends the browser to the provider's authorization endpoint. */
export async function beginSignIn(config: OidcSignInConfig, env: SignInEnvironment): Promise<void> {
  const endpoints = await discover(config.issuer, (input, init) => env.fetch(input, init));
  const pending = newPendingSignIn(endpoints, `${env.origin}${config.redirectPath}`);
  const challenge = await s256Challenge(pending.codeVerifier);
  env.storage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(pending));
  env.navigate(authorizationUrl(endpoints, config, pending, challenge));
}

/** Step 2, at the redirect URI: checks the answer against the pending sign-in and trades the code for a token. */
export async function completeSignIn(config: OidcSignInConfig, callbackUrl: string, env: SignInEnvironment): Promise<SignedIn> {
  const pending = takePending(env.storage);
  // Configuration changed while the user was at the provider: the code belongs to another issuer.
  if (pending.issuer !== config.issuer) throw new OidcSignInError('Konfigurasi masuk berubah selama proses masuk. Silakan masuk lagi.');
  const code = readAuthorizationResponse(callbackUrl, pending);
  return exchangeCode(config, pending, code, (input, init) => env.fetch(input, init), env.now());
}

/** Reads and forgets the pending sign-in: a verifier is used once, so a replayed callback URL finds nothing. */
function takePending(storage: SignInEnvironment['storage']): PendingSignIn {
  const raw = storage.getItem(PENDING_SIGN_IN_KEY);
  storage.removeItem(PENDING_SIGN_IN_KEY);
  if (raw === null) throw new OidcSignInError('Tidak ada proses masuk yang sedang berjalan di tab ini. Silakan mulai masuk lagi.');
  try {
    const pending = JSON.parse(raw) as Partial<PendingSignIn>;
    for (const field of ['issuer', 'tokenEndpoint', 'redirectUri', 'state', 'nonce', 'codeVerifier'] as const) if (typeof pending[field] !== 'string') throw new Error(field);
    return pending as PendingSignIn;
  } catch {
    throw new OidcSignInError('Data proses masuk di tab ini rusak. Silakan mulai masuk lagi.');
  }
}
