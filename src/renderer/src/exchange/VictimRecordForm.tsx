import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ILO_INDICATORS,
  REFERRAL_STATUSES,
  SEXES,
  saveVictimRecord,
  shownName,
  type IdentityDocument,
  type IloIndicator,
  type VictimRecordRow,
} from '../../../core/exchange';
import type { Entity, Name, Script } from '../../../core/model';
import { Field, TextAreaField } from '../shell/Field';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';

const SCRIPTS: readonly Script[] = ['latin', 'khmer', 'thai', 'other'];

type Props = Readonly<{ entity: Entity; record?: VictimRecordRow; onSaved: () => void }>;

type Draft = {
  names: Name[];
  sex: string;
  birthDate: string;
  nationality: string;
  documents: IdentityDocument[];
  identifiedAt: string;
  identifiedWhere: string;
  identifiedBy: string;
  indicators: IloIndicator[];
  indicatorNotes: string;
  referralStatus: string;
  receivingAgency: string;
};

function draftOf(entity: Entity, record?: VictimRecordRow): Draft {
  return {
    names: record ? [...record.names] : entity.names.map((n) => ({ ...n })),
    sex: record?.sex ?? '',
    birthDate: record?.birthDate ?? '',
    nationality: record?.nationality ?? entity.victim?.nationality ?? '',
    documents: record ? [...record.documents] : [],
    identifiedAt: record?.identifiedAt ?? '',
    identifiedWhere: record?.identifiedWhere ?? '',
    identifiedBy: record?.identifiedBy ?? '',
    indicators: record ? [...record.indicators] : [],
    indicatorNotes: record?.indicatorNotes ?? '',
    referralStatus: record?.referralStatus ?? entity.victim?.referralStatus ?? '',
    receivingAgency: record?.receivingAgency ?? '',
  };
}

/** The victim-identification record: exactly the fields an exchange package may carry. */
export function VictimRecordForm({ entity, record, onSaved }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [draft, setDraft] = useState<Draft>(() => draftOf(entity, record));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const base = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const save = async (): Promise<void> => {
    setError(null);
    try {
      await saveVictimRecord(vault, entity.id, draft);
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <form
      className="form exchange-record"
      data-testid="victim-record-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('exchange.record.heading', { name: shownName(entity.names) })}</h3>
      <fieldset>
        <legend>{t('exchange.record.names')}</legend>
        {draft.names.map((n, i) => (
          <div className="exchange-row" key={i}>
            <Field
              label={t('exchange.record.nameValue', { number: String(i + 1) })}
              value={n.value}
              testId="record-name"
              onChange={(e) => {
                const value = e.currentTarget.value;
                set(
                  'names',
                  draft.names.map((x, j) => (j === i ? { ...x, value } : x)),
                );
              }}
            />
            <div className="field">
              <label htmlFor={`${base}-script-${i}`}>{t('exchange.record.script')}</label>
              <select
                id={`${base}-script-${i}`}
                value={n.script}
                data-testid="record-name-script"
                onChange={(e) => {
                  const script = e.currentTarget.value as Script;
                  set(
                    'names',
                    draft.names.map((x, j) => (j === i ? { ...x, script } : x)),
                  );
                }}
              >
                {SCRIPTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`exchange.record.scripts.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            {draft.names.length > 1 && (
              <button
                type="button"
                className="link"
                aria-label={t('exchange.record.removeName', { number: String(i + 1) })}
                onClick={() =>
                  set(
                    'names',
                    draft.names.filter((_, j) => j !== i),
                  )
                }
              >
                ✕
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          data-testid="record-add-name"
          onClick={() => set('names', [...draft.names, { value: '', script: 'latin' }])}
        >
          {t('exchange.record.addName')}
        </button>
      </fieldset>

      <div className="exchange-row">
        <div className="field">
          <label htmlFor={`${base}-sex`}>{t('exchange.record.sex')}</label>
          <select
            id={`${base}-sex`}
            value={draft.sex}
            data-testid="record-sex"
            onChange={(e) => set('sex', e.currentTarget.value)}
          >
            {['', ...SEXES].map((s) => (
              <option key={s} value={s}>
                {t(`exchange.record.sexes.${s as '' | (typeof SEXES)[number]}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('exchange.record.birthDate')}
          hint={t('exchange.record.birthDateHint')}
          value={draft.birthDate}
          testId="record-birth"
          onChange={(e) => set('birthDate', e.currentTarget.value)}
        />
        <Field
          label={t('exchange.record.nationality')}
          value={draft.nationality}
          testId="record-nationality"
          onChange={(e) => set('nationality', e.currentTarget.value)}
        />
      </div>

      <fieldset>
        <legend>{t('exchange.record.documents')}</legend>
        {draft.documents.map((d, i) => {
          const update = (patch: Partial<IdentityDocument>): void =>
            set(
              'documents',
              draft.documents.map((x, j) => (j === i ? { ...x, ...patch } : x)),
            );
          return (
            <div className="exchange-row" key={i}>
              <Field
                label={t('exchange.record.documentType')}
                value={d.type}
                testId="record-doc-type"
                onChange={(e) => update({ type: e.currentTarget.value })}
              />
              <Field
                label={t('exchange.record.documentNumber')}
                value={d.number}
                testId="record-doc-number"
                onChange={(e) => update({ number: e.currentTarget.value })}
              />
              <Field
                label={t('exchange.record.documentCountry')}
                value={d.country ?? ''}
                testId="record-doc-country"
                onChange={(e) => update({ country: e.currentTarget.value })}
              />
              <button
                type="button"
                className="link"
                aria-label={t('exchange.record.removeDocument', { number: String(i + 1) })}
                onClick={() =>
                  set(
                    'documents',
                    draft.documents.filter((_, j) => j !== i),
                  )
                }
              >
                ✕
              </button>
            </div>
          );
        })}
        <button
          type="button"
          data-testid="record-add-document"
          onClick={() => set('documents', [...draft.documents, { type: 'passport', number: '' }])}
        >
          {t('exchange.record.addDocument')}
        </button>
      </fieldset>

      <div className="exchange-row">
        <Field
          label={t('exchange.record.identifiedAt')}
          type="date"
          value={draft.identifiedAt}
          testId="record-identified-at"
          onChange={(e) => set('identifiedAt', e.currentTarget.value)}
        />
        <Field
          label={t('exchange.record.identifiedWhere')}
          value={draft.identifiedWhere}
          testId="record-identified-where"
          onChange={(e) => set('identifiedWhere', e.currentTarget.value)}
        />
        <Field
          label={t('exchange.record.identifiedBy')}
          value={draft.identifiedBy}
          testId="record-identified-by"
          onChange={(e) => set('identifiedBy', e.currentTarget.value)}
        />
      </div>

      <fieldset>
        <legend>{t('exchange.record.indicators')}</legend>
        <div className="exchange-indicators">
          {ILO_INDICATORS.map((indicator) => (
            <label className="inline" key={indicator}>
              <input
                type="checkbox"
                data-testid={`record-indicator-${indicator}`}
                checked={draft.indicators.includes(indicator)}
                onChange={(e) =>
                  set(
                    'indicators',
                    e.currentTarget.checked
                      ? [...draft.indicators, indicator]
                      : draft.indicators.filter((x) => x !== indicator),
                  )
                }
              />
              {t(`exchange.record.indicator.${indicator}`)}
            </label>
          ))}
        </div>
        <TextAreaField
          label={t('exchange.record.indicatorNotes')}
          rows={2}
          testId="record-indicator-notes"
          value={draft.indicatorNotes}
          onChange={(e) => set('indicatorNotes', e.currentTarget.value)}
        />
      </fieldset>

      <div className="exchange-row">
        <div className="field">
          <label htmlFor={`${base}-referral`}>{t('exchange.record.referralStatus')}</label>
          <select
            id={`${base}-referral`}
            value={draft.referralStatus}
            data-testid="record-referral"
            onChange={(e) => set('referralStatus', e.currentTarget.value)}
          >
            {['', ...REFERRAL_STATUSES].map((s) => (
              <option key={s} value={s}>
                {t(`exchange.record.referral.${s as '' | (typeof REFERRAL_STATUSES)[number]}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('exchange.record.receivingAgency')}
          value={draft.receivingAgency}
          testId="record-receiving-agency"
          onChange={(e) => set('receivingAgency', e.currentTarget.value)}
        />
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="record-error">
          {error}
        </p>
      )}
      {saved && (
        <p className="ok-banner" role="status" data-testid="record-saved">
          {t('exchange.record.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" data-testid="record-save">
          {t('exchange.record.save')}
        </button>
      </div>
    </form>
  );
}
