import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../shell/Dialog';
import { Field } from '../shell/Field';
import { FormFooter } from '../shell/FormFooter';

/** Asks for the name of a new saved view. */
export function SaveViewDialog({
  onSave,
  onClose,
}: Readonly<{ onSave: (name: string) => void; onClose: () => void }>): ReactNode {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <Dialog title={t('network.views.saveAs')} onClose={onClose} testId="view-name-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = name.trim();
          if (trimmed === '') return;
          onSave(trimmed);
        }}
      >
        <Field
          label={t('network.views.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          testId="view-name"
          autoFocus
          required
          maxLength={120}
        />
        <FormFooter
          onCancel={onClose}
          submitLabel={t('common.save')}
          submitDisabled={name.trim() === ''}
          submitTestId="view-name-save"
        />
      </form>
    </Dialog>
  );
}
