/** How long after its event a notification is still news worth an e-mail. */
export const MAIL_NEWS_DAYS = 7;

/**
 * What the projection does with the e-mail of a new notification. `send`: queue it in the outbox (PENDING) for the
 * mailer. Otherwise the outbox row is written SKIPPED with the reason, so that switching mail on later never sends the
 * past (no SMTP_URL; a rebuild from the CLI).
 */
export type MailIntake =
  { readonly send: true; readonly now: () => Date; readonly publicUrl: string | null } | { readonly send: false; readonly reason: string; readonly publicUrl?: string | null };

/** The outbox status of a mail: PENDING to send, or SKIPPED and why. */
export function outboxStatus(intake: MailIntake, recipient: string | null, eventAt: Date): { status: 'PENDING' | 'SKIPPED'; skippedBecause: string | null } {
  if (!intake.send) return { status: 'SKIPPED', skippedBecause: intake.reason };
  if (recipient === null) return { status: 'SKIPPED', skippedBecause: 'the recipient has no e-mail address' };
  // A first start on an existing store (or a projection long stopped) must not mail the past: the bell still shows it.
  if (intake.now().getTime() - eventAt.getTime() > MAIL_NEWS_DAYS * 86_400_000) return { status: 'SKIPPED', skippedBecause: `older than ${MAIL_NEWS_DAYS} days when projected` };
  return { status: 'PENDING', skippedBecause: null };
}

/** The text of a notification's e-mail: the notice, the link into the web app, and that it is automatic. */
export function mailText(body: string, link: string, publicUrl: string | null): string {
  const url = publicUrl ? `${publicUrl.replace(/\/+$/, '')}${link}` : link;
  return `${body}\n\nBuka kasus: ${url}\n\n--\nPesan otomatis dari Mutasi. Jangan membalas e-mail ini.\n`;
}
