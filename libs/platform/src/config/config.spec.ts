import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to standalone on loopback with the embedded backends', () => {
    const config = loadConfig({ AUTH_DEV_TOKENS: 'true' });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, databaseUrl: null, eventStoreConnectionString: null, kafkaBrokers: [] });
  });

  it('refuses dev tokens unless the server listens on loopback only', () => {
    expect(() => loadConfig({ AUTH_DEV_TOKENS: 'true', HOST: '0.0.0.0' })).toThrow(/loopback/);
  });

  it('needs a way to verify tokens, and lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', MUTASI_CLOCK_OFFSET_DAYS: '-3', AUTH_DEV_TOKENS: 'false' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('MUTASI_CLOCK_OFFSET_DAYS');
      expect(problems).toContain('AUTH_JWKS_URL or AUTH_PUBLIC_KEY');
    }
  });

  it('accepts a clock offset only in standalone mode', () => {
    expect(loadConfig({ AUTH_DEV_TOKENS: 'true', MUTASI_CLOCK_OFFSET_DAYS: '183' }).clockOffsetDays).toBe(183);
    expect(() => loadConfig({ AUTH_PUBLIC_KEY: 'x', MUTASI_CLOCK_OFFSET_DAYS: '1' }, 'distributed')).toThrow(/standalone/);
  });

  it('a production key wins over demo sign-in: standalone without AUTH_DEV_TOKENS turns it on only when no key is set', () => {
    expect(loadConfig({}).auth.devTokens).toBe(true);
    expect(loadConfig({ AUTH_PUBLIC_KEY: 'pem' }).auth.devTokens).toBe(false);
    expect(loadConfig({ AUTH_JWKS_URL: 'https://sso.example.go.id/jwks' }).auth.devTokens).toBe(false);
    expect(loadConfig({ AUTH_PUBLIC_KEY: 'pem', DATABASE_URL: 'postgres://db/mutasi' }, 'distributed').auth.devTokens).toBe(false);
  });

  it('refuses to start with both a production key and AUTH_DEV_TOKENS=true, naming both variables', () => {
    expect(() => loadConfig({ AUTH_DEV_TOKENS: 'true', AUTH_PUBLIC_KEY: 'pem' })).toThrow(/AUTH_DEV_TOKENS=true and AUTH_PUBLIC_KEY exclude each other/);
    expect(() => loadConfig({ AUTH_DEV_TOKENS: 'true', AUTH_JWKS_URL: 'https://sso.example.go.id/jwks' })).toThrow(/AUTH_JWKS_URL exclude each other/);
  });

  it('bounds the token age: AUTH_MAX_TOKEN_AGE_SECONDS from a minute to a week, a day by default', () => {
    expect(loadConfig({}).auth.maxTokenAgeSeconds).toBe(86_400);
    expect(loadConfig({ AUTH_MAX_TOKEN_AGE_SECONDS: '3600' }).auth.maxTokenAgeSeconds).toBe(3600);
    expect(() => loadConfig({ AUTH_MAX_TOKEN_AGE_SECONDS: '31536000' })).toThrow(/AUTH_MAX_TOKEN_AGE_SECONDS/);
  });
});
