import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = Readonly<{
  /** What went wrong with the last attempt; the form keeps what was typed. */
  error?: string | null;
  errorTestId?: string;
  onCancel: () => void;
  submitLabel: string;
  submitDisabled: boolean;
  submitTestId: string;
}>;

/** The end of a dialog's form: the error, if any, then Cancel and the primary submit button. */
export function FormFooter(props: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      {props.error !== undefined && props.error !== null && (
        <div className="form-error" role="alert" data-testid={props.errorTestId}>
          {props.error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="primary"
          disabled={props.submitDisabled}
          data-testid={props.submitTestId}
        >
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}
