/** libs/notifications: notifications of tasks and deadlines, in the app (the bell) and by e-mail from an outbox. */
export * from './notifications.module';
export { NotificationWorkers } from './notification-workers';
export { NotificationsProjection, caseLink } from './notifications.projection';
export { OutboxMailer, retryDelayMs, type DrainResult } from './outbox-mailer';
export { NotificationQueries, type NotificationItem } from './notification-queries';
export { noticesFor, type Audience, type Notice, type NoticeKind } from './notices';
export { MAIL_NEWS_DAYS, type MailIntake } from './mail-intake';
export { NOTIFICATION_MIGRATIONS } from './migrations';
