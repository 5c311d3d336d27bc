import { loadConfig } from './config';

describe('mail configuration (SMTP_URL)', () => {
  const base = { AUTH_DEV_TOKENS: 'true' };

  it('sends no mail when SMTP_URL is unset', () => {
    expect(loadConfig(base).mail).toEqual({ smtpUrl: null, from: 'Mutasi <noreply@mutasi.local>', publicUrl: null });
  });

  it('takes an smtp:// or smtps:// URL, a sender and the web app’s address', () => {
    const mail = loadConfig({
      ...base,
      SMTP_URL: 'smtps://mutasi:rahasia@mail.example.go.id:465',
      SMTP_FROM: 'BKPSDM <mutasi@example.go.id>',
      MUTASI_PUBLIC_URL: 'https://mutasi.example.go.id',
    }).mail;
    expect(mail).toEqual({ smtpUrl: 'smtps://mutasi:rahasia@mail.example.go.id:465', from: 'BKPSDM <mutasi@example.go.id>', publicUrl: 'https://mutasi.example.go.id' });
  });

  it('refuses another scheme without repeating the URL (it may hold a password)', () => {
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://user:secret@mail.example.go.id' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://user:secret@mail.example.go.id' })).not.toThrow(/secret/);
    expect(() => loadConfig({ ...base, MUTASI_PUBLIC_URL: 'mutasi.example.go.id' })).toThrow(/MUTASI_PUBLIC_URL/);
  });
});
