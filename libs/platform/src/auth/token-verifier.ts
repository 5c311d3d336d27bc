import { createRemoteJWKSet, importSPKI, JWTPayload, jwtVerify } from 'jose';
import { ConfigError } from '../config/config';
import { AuthenticationError, Principal, principalFromClaims } from './principal';
import { VerifiedTokens } from './verified-tokens';

type KeyInput = CryptoKey | ReturnType<typeof createRemoteJWKSet>;

/** Clock skew allowed between the identity provider and this server, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 60;
/** The longest lifetime and age a token may have unless configured (`AUTH_MAX_TOKEN_AGE_SECONDS`): one day. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 86_400;

/**
 * Verifies sign-in tokens (JWT): signature against a JWKS URL or a public key, issuer and audience; `exp` and `iat`
 * required, `iat` not in the future, a token no older and no longer-lived than the maximum age (a stolen or
 * forged-for-ever token stays bounded); then the Mutasi claims (sub, name, agencyId, roles, nip).
 */
export class TokenVerifier {
  private readonly verified = new VerifiedTokens();

  private constructor(
    private readonly key: KeyInput,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly maxAgeSeconds: number,
  ) {}

  /** From `AUTH_JWKS_URL`, or `AUTH_PUBLIC_KEY` (PEM, SPKI; RS256, ES256 or EdDSA). */
  static async fromConfig(auth: { jwksUrl: string | null; publicKey: string | null; issuer: string; audience: string; maxTokenAgeSeconds?: number }): Promise<TokenVerifier> {
    const maxAge = auth.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
    if (auth.jwksUrl) return new TokenVerifier(createRemoteJWKSet(new URL(auth.jwksUrl)), auth.issuer, auth.audience, maxAge);
    if (auth.publicKey) {
      const pem = auth.publicKey.replace(/\\n/g, '\n');
      try {
        const alg = pem.includes('BEGIN PUBLIC KEY') ? await detectAlgorithm(pem) : 'RS256';
        return new TokenVerifier(await importSPKI(pem, alg), auth.issuer, auth.audience, maxAge);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ConfigError([
          reason.startsWith('AUTH_PUBLIC_KEY') ? reason : `AUTH_PUBLIC_KEY is not a public key in PEM (SPKI) form, "-----BEGIN PUBLIC KEY----- …" (${reason})`,
        ]);
      }
    }
    throw new Error('no key to verify tokens with');
  }

  /** For a key held in memory (the standalone dev issuer). */
  static forKey(key: CryptoKey, issuer: string, audience: string, maxAgeSeconds = DEFAULT_MAX_TOKEN_AGE_SECONDS): TokenVerifier {
    return new TokenVerifier(key, issuer, audience, maxAgeSeconds);
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token, Date.now());
    if (known) return known;
    let payload: JWTPayload;
    try {
      const options = { issuer: this.issuer, audience: this.audience, requiredClaims: ['exp', 'iat'], maxTokenAge: this.maxAgeSeconds, clockTolerance: CLOCK_TOLERANCE_SECONDS };
      ({ payload } = typeof this.key === 'function' ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options));
      checkLifetime(payload, this.maxAgeSeconds);
    } catch (error) {
      throw new AuthenticationError(`the token was refused: ${error instanceof Error ? error.message : String(error)}`);
    }
    const principal = principalFromClaims(payload as Record<string, unknown>);
    // Remembered without the clock tolerance: near its end a token is verified afresh, and jose decides.
    this.verified.set(token, principal, Math.min(payload.exp as number, (payload.iat as number) + this.maxAgeSeconds) * 1000);
    return principal;
  }
}

/** `iat` in the future or `exp` further from `iat` than the maximum age: a token nobody should have issued. */
function checkLifetime(payload: JWTPayload, maxAgeSeconds: number): void {
  const now = Math.floor(Date.now() / 1000);
  const iat = payload.iat as number;
  const exp = payload.exp as number;
  if (iat > now + CLOCK_TOLERANCE_SECONDS) throw new Error(`"iat" is in the future (${new Date(iat * 1000).toISOString()})`);
  if (exp - iat > maxAgeSeconds) throw new Error(`the token lives ${exp - iat} s ("exp" − "iat"), more than the ${maxAgeSeconds} s allowed (AUTH_MAX_TOKEN_AGE_SECONDS)`);
}

async function detectAlgorithm(pem: string): Promise<string> {
  for (const alg of ['EdDSA', 'ES256', 'RS256']) {
    try {
      await importSPKI(pem, alg);
      return alg;
    } catch {
      // try the next algorithm
    }
  }
  throw new Error('AUTH_PUBLIC_KEY is not an RSA, P-256 or Ed25519 public key in PEM (SPKI) form');
}
