import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { useId } from 'react';

type Props = Readonly<
  {
    label: string;
    hint?: string;
    testId?: string;
    /** A passphrase: shown masked, and kept out of the browser's password manager. */
    secret?: boolean;
    ref?: Ref<HTMLInputElement>;
  } & InputHTMLAttributes<HTMLInputElement>
>;

/**
 * A passphrase field is a masked text input, not type="password": a browser's password
 * manager treats a password form as a login and stores the field before it (here a badge
 * number or a name) in its own unencrypted database, and may offer to store the passphrase
 * itself. The vault passphrase must never live anywhere but in the user's head.
 */
const SECRET_ATTRIBUTES = {
  type: 'text',
  className: 'secret',
  autoCapitalize: 'off',
  autoCorrect: 'off',
  'data-lpignore': 'true',
  'data-1p-ignore': 'true',
} as const;

/**
 * A labelled input; the label is always visible and tied to the input for screen readers.
 * Autofill and spellcheck are off unless a caller turns them on: in browser mode the browser
 * would otherwise keep typed case data in its own unencrypted stores.
 */
export function Field({ label, hint, testId, secret, ...input }: Props): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        autoComplete="off"
        spellCheck={false}
        {...input}
        {...(secret === true ? SECRET_ATTRIBUTES : {})}
      />
      {hint !== undefined && <div className="hint">{hint}</div>}
    </div>
  );
}
