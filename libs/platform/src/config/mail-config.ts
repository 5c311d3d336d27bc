/**
 * E-mail of notifications (docs/notifications.md): `SMTP_URL` names the server (`smtp://host:587`,
 * `smtps://user:pass@host:465`); unset, no mail is sent and the outbox rows are written SKIPPED.
 */
export interface MailConfig {
  readonly smtpUrl: string | null;
  /** The sender of every mail (`SMTP_FROM`). */
  readonly from: string;
  /** Where the web app is reached (`MUTASI_PUBLIC_URL`), so a mail's link opens the case; null: the link is a path. */
  readonly publicUrl: string | null;
}

const parse = (value: string): URL | null => {
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

/** Reads `SMTP_URL`, `SMTP_FROM` and `MUTASI_PUBLIC_URL`; each problem names its variable (never the URL: it may hold a password). */
export function readMailConfig(text: (name: string) => string | null, problems: string[]): MailConfig {
  const smtpUrl = text('SMTP_URL');
  const publicUrl = text('MUTASI_PUBLIC_URL');
  if (smtpUrl !== null && !['smtp:', 'smtps:'].includes(parse(smtpUrl)?.protocol ?? ''))
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL (e.g. smtp://mail.example.go.id:587)');
  if (publicUrl !== null && !['http:', 'https:'].includes(parse(publicUrl)?.protocol ?? ''))
    problems.push(`MUTASI_PUBLIC_URL must be an http(s) URL; got ${JSON.stringify(publicUrl)}`);
  return { smtpUrl, from: text('SMTP_FROM') ?? 'Mutasi <noreply@mutasi.local>', publicUrl };
}
