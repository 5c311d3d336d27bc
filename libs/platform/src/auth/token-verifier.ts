import { createRemoteJWKSet, importSPKI, JWTPayload, jwtVerify, KeyLike } from 'jose';
import { AuthenticationError, Principal, principalFromClaims } from './principal';

type KeyInput = KeyLike | ReturnType<typeof createRemoteJWKSet>;

/**
 * Verifies sign-in tokens (JWT): signature against a JWKS URL or a public key, issuer and audience, expiry, then
 * the Mutasi claims (sub, name, agencyId, roles, nip).
 */
export class TokenVerifier {
  private constructor(private readonly key: KeyInput, private readonly issuer: string, private readonly audience: string) {}

  /** From `AUTH_JWKS_URL`, or `AUTH_PUBLIC_KEY` (PEM, SPKI; RS256, ES256 or EdDSA). */
  static async fromConfig(auth: { jwksUrl: string | null; publicKey: string | null; issuer: string; audience: string }): Promise<TokenVerifier> {
    if (auth.jwksUrl) return new TokenVerifier(createRemoteJWKSet(new URL(auth.jwksUrl)), auth.issuer, auth.audience);
    if (auth.publicKey) {
      const pem = auth.publicKey.replace(/\\n/g, '\n');
      const alg = pem.includes('BEGIN PUBLIC KEY') ? await detectAlgorithm(pem) : 'RS256';
      return new TokenVerifier(await importSPKI(pem, alg), auth.issuer, auth.audience);
    }
    throw new Error('no key to verify tokens with');
  }

  /** For a key held in memory (the standalone dev issuer). */
  static forKey(key: KeyLike, issuer: string, audience: string): TokenVerifier {
    return new TokenVerifier(key, issuer, audience);
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const options = { issuer: this.issuer, audience: this.audience };
      ({ payload } = typeof this.key === 'function' ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options));
    } catch (error) {
      throw new AuthenticationError(`the token was refused: ${error instanceof Error ? error.message : String(error)}`);
    }
    return principalFromClaims(payload as Record<string, unknown>);
  }
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
