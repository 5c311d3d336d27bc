import { label } from '../i18n/labels';

/** A code shown as its Indonesian label with the code itself beside it, e.g. "Dalam persetujuan IN_APPROVAL". */
export function CodeLabel({ table, code, tone }: { table: Record<string, string>; code: string | null | undefined; tone?: 'ok' | 'warn' | 'bad' | 'info' }) {
  if (!code) return <span>—</span>;
  return (
    <span className={`code-label${tone ? ` tone-${tone}` : ''}`}>
      {label(table, code)} <code>{code}</code>
    </span>
  );
}
