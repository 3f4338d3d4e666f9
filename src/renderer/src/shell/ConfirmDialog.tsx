import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { Field } from './Field';

type Props = Readonly<{
  title: string;
  message: string;
  confirmLabel: string;
  /** For what cannot be undone: the user must type this text before confirming. */
  typeToConfirm?: { text: string; label: string };
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}>;

/** Asks before anything destructive; Cancel is the default and Escape cancels. */
export function ConfirmDialog(props: Props): ReactNode {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const ready = props.typeToConfirm === undefined || typed.trim() === props.typeToConfirm.text;
  return (
    <Dialog title={props.title} onClose={props.onCancel} testId="confirm-dialog">
      <p>{props.message}</p>
      {props.typeToConfirm && (
        <Field
          label={props.typeToConfirm.label}
          value={typed}
          testId="confirm-type"
          onChange={(event) => setTyped(event.target.value)}
        />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} autoFocus data-testid="confirm-cancel">
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={props.danger === true ? 'danger' : 'primary'}
          disabled={!ready}
          onClick={props.onConfirm}
          data-testid="confirm-ok"
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
