import { MutasiConfig } from '../config/config';
import { Clock } from '../clock/clock';
import { DevTokenIssuer } from '../auth/dev-token-issuer';
import { TokenVerifier } from '../auth/token-verifier';

/** The configuration as an injectable (class token, no string tokens). */
export class AppConfig {
  constructor(readonly values: MutasiConfig) {}
}

/** The standalone dev sign-in, or null when dev tokens are off (the endpoints then answer 404). */
export class DevAuth {
  constructor(readonly issuer: DevTokenIssuer | null) {}
}

/** Everything a process decided before Nest starts: configuration, clock, token verification, database URL. */
export interface Runtime {
  readonly config: MutasiConfig;
  readonly clock: Clock;
  readonly verifier: TokenVerifier;
  readonly devAuth: DevAuth;
  readonly databaseUrl: string;
}

/** Builds the token verifier the configuration asks for: dev tokens (standalone) or JWKS / public key. */
export async function authFor(config: MutasiConfig): Promise<{ verifier: TokenVerifier; devAuth: DevAuth }> {
  if (config.auth.devTokens) {
    const issuer = await DevTokenIssuer.create(config.auth.issuer, config.auth.audience);
    return { verifier: issuer.verifier, devAuth: new DevAuth(issuer) };
  }
  return { verifier: await TokenVerifier.fromConfig(config.auth), devAuth: new DevAuth(null) };
}
