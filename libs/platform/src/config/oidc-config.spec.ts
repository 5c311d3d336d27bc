import { ConfigError, loadConfig } from './config';

const production = { AUTH_JWKS_URL: 'https://sso.example.go.id/jwks' };

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
}

describe('OpenID Connect sign-in configuration (docs/sign-in.md)', () => {
  it('is off without OIDC_ISSUER', () => {
    expect(loadConfig(production).oidc).toBeNull();
  });

  it('reads the issuer and the public client, scope openid profile by default, and expects the issuer in tokens', () => {
    const config = loadConfig({ ...production, OIDC_ISSUER: 'https://sso.example.go.id', OIDC_CLIENT_ID: 'mutasi-web' });
    expect(config.oidc).toEqual({ issuer: 'https://sso.example.go.id', clientId: 'mutasi-web', scope: 'openid profile', resource: null });
    expect(config.auth.issuer).toBe('https://sso.example.go.id');
    expect(loadConfig({ ...production, OIDC_ISSUER: 'https://sso.example.go.id', OIDC_CLIENT_ID: 'x', AUTH_ISSUER: 'https://sso.example.go.id/tokens' }).auth.issuer).toBe(
      'https://sso.example.go.id/tokens',
    );
  });

  it('takes a scope and an RFC 8707 resource indicator', () => {
    const config = loadConfig({
      ...production,
      OIDC_ISSUER: 'https://sso.example.go.id',
      OIDC_CLIENT_ID: 'mutasi-web',
      OIDC_SCOPE: 'openid  profile email',
      OIDC_RESOURCE: 'urn:mutasi:api',
    });
    expect(config.oidc).toMatchObject({ scope: 'openid profile email', resource: 'urn:mutasi:api' });
  });

  it('requires a JWKS URL (no discovery at start), naming where to find it', () => {
    expect(problemsOf({ OIDC_ISSUER: 'https://sso.example.go.id/', OIDC_CLIENT_ID: 'mutasi-web' })).toContain(
      'OIDC_ISSUER is set but AUTH_JWKS_URL is not: set AUTH_JWKS_URL to the jwks_uri of https://sso.example.go.id/.well-known/openid-configuration',
    );
    expect(problemsOf({ OIDC_ISSUER: 'https://sso.example.go.id', OIDC_CLIENT_ID: 'mutasi-web', AUTH_PUBLIC_KEY: 'pem' })).toBe('');
  });

  it('names each bad variable', () => {
    expect(problemsOf({ ...production, OIDC_ISSUER: 'https://sso.example.go.id' })).toMatch(/^OIDC_CLIENT_ID is required with OIDC_ISSUER/);
    expect(problemsOf({ ...production, OIDC_ISSUER: 'http://sso.example.go.id', OIDC_CLIENT_ID: 'x' })).toMatch(/^OIDC_ISSUER must be the identity provider's https URL/);
    expect(problemsOf({ ...production, OIDC_ISSUER: 'sso.example.go.id', OIDC_CLIENT_ID: 'x' })).toMatch(/^OIDC_ISSUER must be/);
    expect(problemsOf({ ...production, OIDC_ISSUER: 'https://sso.example.go.id', OIDC_CLIENT_ID: 'x', OIDC_SCOPE: 'profile' })).toMatch(/^OIDC_SCOPE must include openid/);
    expect(problemsOf({ ...production, OIDC_ISSUER: 'https://sso.example.go.id', OIDC_CLIENT_ID: 'x', OIDC_RESOURCE: 'mutasi-api' })).toMatch(
      /^OIDC_RESOURCE must be an absolute URI/,
    );
    expect(problemsOf({ ...production, OIDC_CLIENT_ID: 'x', OIDC_SCOPE: 'openid' })).toBe(
      [
        "OIDC_CLIENT_ID is set but OIDC_ISSUER is not: set OIDC_ISSUER to the identity provider's issuer, or unset OIDC_CLIENT_ID",
        "OIDC_SCOPE is set but OIDC_ISSUER is not: set OIDC_ISSUER to the identity provider's issuer, or unset OIDC_SCOPE",
      ].join('\n'),
    );
  });

  it('accepts http on loopback only (the provider started by the tests)', () => {
    expect(loadConfig({ ...production, OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'x' }).oidc?.issuer).toBe('http://127.0.0.1:4000');
  });

  it('refuses OIDC together with dev tokens', () => {
    expect(problemsOf({ AUTH_DEV_TOKENS: 'true', OIDC_ISSUER: 'https://sso.example.go.id', OIDC_CLIENT_ID: 'x' })).toMatch(
      /OIDC_ISSUER and AUTH_DEV_TOKENS=true exclude each other/,
    );
  });
});
