import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRow } from '../../../core/db';
import { createEvidenceStore } from '../../../core/intake';
import type { ItemEdit } from '../../../core/intake';
import { Field, TextAreaField } from '../shell/Field';
import { useSession } from '../vault/session';

type Props = Readonly<{ item: EvidenceRow; onSaved?: () => void }>;

const TEXT_FIELDS = ['exhibitRef', 'seizedBy', 'seizedFrom', 'seizedWhere'] as const;

/** The seizure record of an item: exhibit reference, who seized it, where, when and what. */
export function ItemRecord({ item, onSaved }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const initial = (): Required<Omit<ItemEdit, 'seizedAt'>> & { seizedAt: string } => ({
    exhibitRef: item.exhibitRef,
    seizedBy: item.seizedBy,
    seizedFrom: item.seizedFrom,
    seizedWhere: item.seizedWhere,
    seizedAt: item.seizedAt ?? '',
    description: item.description,
  });
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when another item opens
  useEffect(() => setDraft(initial()), [item.id]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial());

  const save = async (): Promise<void> => {
    setProblem(null);
    try {
      const { seizedAt, ...rest } = draft;
      await createEvidenceStore(vault).update(item.id, {
        ...rest,
        ...(seizedAt !== '' ? { seizedAt } : {}),
      });
      setSaved(true);
      onSaved?.();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 id="record-title">{t('evidence.detail.record')}</h2>
      <form
        className="record-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {TEXT_FIELDS.map((key) => (
          <Field
            key={key}
            label={t(`evidence.fields.${key}`)}
            value={draft[key]}
            testId={`record-${key}`}
            onChange={(e) => {
              setSaved(false);
              setDraft({ ...draft, [key]: e.target.value });
            }}
          />
        ))}
        <Field
          label={t('evidence.fields.seizedAt')}
          type="datetime-local"
          value={draft.seizedAt}
          testId="record-seizedAt"
          onChange={(e) => setDraft({ ...draft, seizedAt: e.target.value })}
        />
        <TextAreaField
          label={t('evidence.fields.description')}
          id="record-description"
          testId="record-description"
          rows={3}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
        {problem !== null && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={!dirty} data-testid="record-save">
            {t('evidence.detail.saveRecord')}
          </button>
          {saved && !dirty && <span className="muted small">{t('evidence.detail.saved')}</span>}
        </div>
      </form>
    </section>
  );
}
