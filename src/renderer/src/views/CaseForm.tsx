import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../core/model';
import { Dialog } from '../shell/Dialog';
import { Field, TextAreaField } from '../shell/Field';
import { FormFooter } from '../shell/FormFooter';
import { errorText } from '../vault/errorText';

export type CaseDraft = Readonly<{ reference: string; title: string; summary: string }>;

type Props = Readonly<{
  initial?: Case;
  onSubmit: (draft: CaseDraft) => Promise<void>;
  onClose: () => void;
}>;

/** Create or edit a case; the dialog stays open with the message if the store refuses. */
export function CaseForm({ initial, onSubmit, onClose }: Props): ReactNode {
  const { t } = useTranslation();
  const [reference, setReference] = useState(initial?.reference ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = reference.trim() !== '' && title.trim() !== '';
  return (
    <Dialog
      title={initial ? t('cases.editCaseTitle') : t('cases.newCaseTitle')}
      onClose={onClose}
      testId="case-form"
    >
      <form
        autoComplete="off"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready || busy) return;
          setBusy(true);
          onSubmit({ reference, title, summary }).then(
            () => onClose(),
            (e: unknown) => {
              setError(errorText(t, e));
              setBusy(false);
            },
          );
        }}
      >
        <Field
          label={t('cases.reference')}
          hint={t('cases.referenceHint')}
          value={reference}
          required
          autoFocus
          testId="case-reference"
          onChange={(e) => setReference(e.target.value)}
        />
        <Field
          label={t('cases.caseTitle')}
          value={title}
          required
          testId="case-title"
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextAreaField
          label={t('cases.summary')}
          id="case-summary"
          rows={5}
          value={summary}
          testId="case-summary"
          onChange={(e) => setSummary(e.target.value)}
        />
        <FormFooter
          error={error}
          errorTestId="case-form-error"
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitDisabled={!ready || busy}
          submitTestId="case-save"
        />
      </form>
    </Dialog>
  );
}
