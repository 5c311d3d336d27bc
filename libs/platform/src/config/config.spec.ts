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
      loadConfig({ PORT: 'eighty', MUTASI_CLOCK_OFFSET_DAYS: '-3' });
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
});
