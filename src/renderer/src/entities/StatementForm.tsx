import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTypedStatement, MAX_STATEMENT_CHARS } from '../../../core/entities';
import type { CaseId } from '../../../core/model';
import { Dialog } from '../shell/Dialog';
import { Field, TextAreaField } from '../shell/Field';
import { useSession } from '../vault/session';
import { errorMessage } from './useCaseData';
import { FormFooter } from '../shell/FormFooter';

type Props = Readonly<{ caseId: CaseId; onDone: () => void; onClose: () => void }>;

/**
 * A statement typed by the officer (an interview written up on the spot) becomes an exhibit
 * of its own, hashed at intake with a custody entry, so its names and numbers can be
 * extracted and cited like those of any scanned document.
 */
export function StatementForm({ caseId, onDone, onClose }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [exhibitRef, setExhibitRef] = useState('');
  const [statedBy, setStatedBy] = useState('');
  const [takenAt, setTakenAt] = useState('');
  const [takenWhere, setTakenWhere] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = exhibitRef.trim() !== '' && statedBy.trim() !== '' && text.trim() !== '';
  return (
    <Dialog title={t('entities.statement.title')} onClose={onClose} testId="statement-form">
      <form
        autoComplete="off"
        className="form entities-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (busy || !ready) return;
          setBusy(true);
          addTypedStatement(vault, {
            caseId,
            exhibitRef,
            statedBy,
            takenAt,
            takenWhere,
            text,
          }).then(
            () => {
              onDone();
              onClose();
            },
            (e: unknown) => {
              setError(errorMessage(e));
              setBusy(false);
            },
          );
        }}
      >
        <p className="intro">{t('entities.statement.intro')}</p>
        <div className="entities-grid">
          <Field
            label={t('entities.statement.exhibitRef')}
            value={exhibitRef}
            required
            autoFocus
            testId="statement-ref"
            onChange={(e) => setExhibitRef(e.target.value)}
          />
          <Field
            label={t('entities.statement.statedBy')}
            value={statedBy}
            required
            testId="statement-by"
            onChange={(e) => setStatedBy(e.target.value)}
          />
          <Field
            label={t('entities.statement.takenAt')}
            type="date"
            value={takenAt}
            testId="statement-at"
            onChange={(e) => setTakenAt(e.target.value)}
          />
          <Field
            label={t('entities.statement.takenWhere')}
            value={takenWhere}
            testId="statement-where"
            onChange={(e) => setTakenWhere(e.target.value)}
          />
        </div>
        <TextAreaField
          label={t('entities.statement.text')}
          rows={10}
          value={text}
          maxLength={MAX_STATEMENT_CHARS}
          testId="statement-text"
          onChange={(e) => setText(e.target.value)}
        />
        <FormFooter
          error={error}
          errorTestId="statement-error"
          onCancel={onClose}
          submitLabel={busy ? t('common.working') : t('entities.statement.save')}
          submitDisabled={busy || !ready}
          submitTestId="statement-save"
        />
      </form>
    </Dialog>
  );
}
