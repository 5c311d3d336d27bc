import * as Dialog from '@radix-ui/react-dialog';
import { FormEvent, ReactNode, useId, useState } from 'react';
import { ProblemView } from './problem-view';

export interface Field {
  readonly name: string;
  readonly label: string;
  readonly type?: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'file';
  readonly options?: readonly { value: string; label: string }[];
  readonly required?: boolean;
  readonly initial?: string;
  readonly hint?: string;
}

export type Values = Record<string, string> & { readonly __file?: never };

/**
 * An action that needs input: a button named after the action opens an accessible dialog (focus trapped, Escape
 * closes) whose submit button is named "Kirim". A refusal stays in the dialog next to the fields, with its rule.
 */
export function ActionDialog(props: {
  readonly action: string;
  readonly title?: string;
  readonly description?: ReactNode;
  readonly fields: readonly Field[];
  readonly onSubmit: (values: Values, files: Record<string, File | undefined>) => Promise<unknown>;
  readonly variant?: 'primary' | 'secondary' | 'danger';
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const values: Record<string, string> = {};
    const files: Record<string, File | undefined> = {};
    for (const f of props.fields) {
      const v = form.get(f.name);
      if (f.type === 'file') files[f.name] = v instanceof File && v.size > 0 ? v : undefined;
      else values[f.name] = typeof v === 'string' ? v : '';
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values as Values, files);
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setError(null);
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className={`btn btn-${props.variant ?? 'secondary'}`}>
          {props.action}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={props.description ? `${id}-desc` : undefined}>
          <Dialog.Title>{props.title ?? props.action}</Dialog.Title>
          {props.description ? (
            <div id={`${id}-desc`} className="dialog-desc">
              {props.description}
            </div>
          ) : null}
          <form onSubmit={submit}>
            {props.fields.map((f) => (
              <div className="field" key={f.name}>
                <label htmlFor={`${id}-${f.name}`}>
                  {f.label}
                  {f.required ? ' *' : ''}
                </label>
                {f.type === 'textarea' ? (
                  <textarea id={`${id}-${f.name}`} name={f.name} required={f.required} defaultValue={f.initial} rows={3} />
                ) : f.type === 'select' ? (
                  <select id={`${id}-${f.name}`} name={f.name} required={f.required} defaultValue={f.initial}>
                    {f.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input id={`${id}-${f.name}`} name={f.name} type={f.type ?? 'text'} required={f.required} defaultValue={f.initial} />
                )}
                {f.hint ? <small>{f.hint}</small> : null}
              </div>
            ))}
            <ProblemView error={error} />
            <div className="dialog-buttons">
              <Dialog.Close asChild>
                <button type="button" className="btn btn-secondary">
                  Batal
                </button>
              </Dialog.Close>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Kirim
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** An action with no input: one click sends it; a refusal shows beside the button. */
export function ActionButton({ action, onClick, variant }: { action: string; onClick: () => Promise<unknown>; variant?: 'primary' | 'secondary' | 'danger' }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="action-button">
      <button
        type="button"
        className={`btn btn-${variant ?? 'primary'}`}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await onClick();
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        {action}
      </button>
      <ProblemView error={error} />
    </span>
  );
}
