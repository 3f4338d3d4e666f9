import type { InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from 'react';
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
export function Field({ label, hint, testId, secret, id: givenId, ...input }: Props): ReactNode {
  // A caller's own id, if it gives one, is the id the label is tied to.
  const generatedId = useId();
  const id = givenId ?? generatedId;
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

type TextAreaProps = Readonly<
  {
    label: string;
    hint?: string;
    testId?: string;
    /** Adds the `wide` class so the field spans the whole row of a grid form. */
    wide?: boolean;
    ref?: Ref<HTMLTextAreaElement>;
  } & TextareaHTMLAttributes<HTMLTextAreaElement>
>;

/**
 * A labelled multi-line field, with the same privacy defaults as Field: notes and
 * descriptions hold the most sensitive free text in a case, and a browser's spellchecker
 * or autofill would otherwise send or keep it outside the vault. As with Field, a caller may
 * pass its own id (some forms keep a fixed one) and the label is tied to it.
 */
export function TextAreaField({
  label,
  hint,
  testId,
  wide,
  id: givenId,
  ...textarea
}: TextAreaProps): ReactNode {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  return (
    <div className={wide === true ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} data-testid={testId} autoComplete="off" spellCheck={false} {...textarea} />
      {hint !== undefined && <div className="hint">{hint}</div>}
    </div>
  );
}
