import type { ReactNode } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, type EntityStore, type LinkInput } from '../../../core/entities';
import {
  LINK_TYPES,
  type CaseId,
  type Entity,
  type EntityId,
  type InformationCredibility,
  type Link,
  type LinkType,
  type SourceReliability,
} from '../../../core/model';
import { Dialog } from '../shell/Dialog';
import { Field, TextAreaField } from '../shell/Field';
import { CitationPicker } from './CitationPicker';
import { EMPTY_DRAFT, resolveDraft, type CitationDraft } from './citationDraft';
import { errorMessage, type CaseData } from './useCaseData';
import { FormFooter } from '../shell/FormFooter';

const RELIABILITY: readonly SourceReliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITY: readonly InformationCredibility[] = [1, 2, 3, 4, 5, 6];

type Props = Readonly<{
  store: EntityStore;
  caseId: CaseId;
  data: CaseData;
  /** The entity the link starts from (new link) or the link to edit. */
  from?: Entity;
  initial?: Link;
  /** Called after the write committed (views re-read on their own). */
  onDone?: () => void;
  onClose: () => void;
}>;

/**
 * Create or edit a link, graded A-F / 1-6. A new link may cite its evidence at once; the link
 * and its citation are saved one after the other, and a refused citation leaves the link saved
 * and says so.
 */
export function LinkForm({
  store,
  caseId,
  data,
  from,
  initial,
  onDone,
  onClose,
}: Props): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const [type, setType] = useState<LinkType>(initial?.type ?? 'associate');
  const [label, setLabel] = useState(initial?.label ?? '');
  const [source, setSource] = useState<EntityId | ''>(initial?.source ?? from?.id ?? '');
  const [target, setTarget] = useState<EntityId | ''>(initial?.target ?? '');
  const [directed, setDirected] = useState(initial?.directed ?? true);
  const [start, setStart] = useState(initial?.from ?? '');
  const [end, setEnd] = useState(initial?.to ?? '');
  const [amount, setAmount] = useState(initial?.amount?.toString() ?? '');
  const [currency, setCurrency] = useState(initial?.currency ?? '');
  const [reliability, setReliability] = useState<SourceReliability>(initial?.reliability ?? 'F');
  const [credibility, setCredibility] = useState<InformationCredibility>(initial?.credibility ?? 6);
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [draft, setDraft] = useState<CitationDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Once saved, a retry (after a refused citation) edits the same link instead of adding one.
  const saved = useRef<Link | undefined>(initial);

  const resolved = draft.evidenceId === '' ? null : resolveDraft(draft, data.pages);
  const citeProblem =
    resolved !== null && !resolved.ok ? t(`entities.cite.problem.${resolved.problem}`) : undefined;
  const sorted = [...data.entities].sort((a, b) => displayName(a).localeCompare(displayName(b)));

  const submit = async (): Promise<void> => {
    if (source === '' || target === '') throw new Error(t('entities.link.needEnds'));
    const trimmedAmount = amount.trim().replace(/[,\s]/g, '');
    const parsed = trimmedAmount === '' ? undefined : Number(trimmedAmount);
    if (parsed !== undefined && !Number.isFinite(parsed))
      throw new Error(t('entities.link.badAmount', { value: amount }));
    if (resolved !== null && !resolved.ok) throw new Error(citeProblem);
    const input: LinkInput = {
      type,
      ...(label.trim() !== '' ? { label: label.trim() } : {}),
      source,
      target,
      directed,
      ...(start !== '' ? { from: start } : {}),
      ...(end !== '' ? { to: end } : {}),
      ...(parsed !== undefined ? { amount: parsed } : {}),
      ...(currency.trim() !== '' ? { currency: currency.trim().toUpperCase() } : {}),
      ...(initial?.count !== undefined ? { count: initial.count } : {}),
      reliability,
      credibility,
      ...(notes.trim() !== '' ? { notes } : {}),
    };
    const link =
      saved.current === undefined
        ? await store.createLink(caseId, input)
        : await store.updateLink(saved.current.id, input);
    saved.current = link;
    if (resolved?.ok === true) await store.addCitation(caseId, resolved.input({ linkId: link.id }));
  };

  const entitySelect = (
    key: string,
    labelText: string,
    value: EntityId | '',
    set: (v: EntityId | '') => void,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{labelText}</label>
      <select
        id={`${id}-${key}`}
        value={value}
        data-testid={`link-${key}`}
        onChange={(e) => set(e.target.value as EntityId | '')}
      >
        <option value="">{t('entities.link.choose')}</option>
        {sorted.map((e) => (
          <option key={e.id} value={e.id}>
            {displayName(e)} ({t(`model.kind.${e.kind}`)})
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Dialog
      title={initial ? t('entities.link.editTitle') : t('entities.link.newTitle')}
      onClose={onClose}
      testId="link-form"
    >
      <form
        autoComplete="off"
        className="form entities-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          setBusy(true);
          setError(null);
          submit().then(
            () => {
              onDone?.();
              onClose();
            },
            (e: unknown) => {
              setError(errorMessage(e));
              setBusy(false);
              onDone?.();
            },
          );
        }}
      >
        <div className="entities-grid">
          {entitySelect('source', t('entities.link.source'), source, setSource)}
          <div className="field">
            <label htmlFor={`${id}-type`}>{t('entities.link.type')}</label>
            <select
              id={`${id}-type`}
              value={type}
              data-testid="link-type"
              onChange={(e) => setType(e.target.value as LinkType)}
            >
              {LINK_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`model.linkType.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {entitySelect('target', t('entities.link.target'), target, setTarget)}
        </div>
        <div className="entities-grid">
          <Field
            label={type === 'other' ? t('entities.link.labelRequired') : t('entities.link.label')}
            value={label}
            testId="link-label"
            onChange={(e) => setLabel(e.target.value)}
          />
          <label className="inline entities-check">
            <input
              type="checkbox"
              checked={directed}
              data-testid="link-directed"
              onChange={(e) => setDirected(e.target.checked)}
            />
            {t('entities.link.directed')}
          </label>
          <div className="field">
            <span className="label">&nbsp;</span>
            <button
              type="button"
              data-testid="link-swap"
              onClick={() => {
                setSource(target);
                setTarget(source);
              }}
            >
              {t('entities.link.swap')}
            </button>
          </div>
        </div>
        <div className="entities-grid">
          <Field
            label={t('entities.link.from')}
            type="date"
            value={start}
            testId="link-from"
            onChange={(e) => setStart(e.target.value)}
          />
          <Field
            label={t('entities.link.to')}
            type="date"
            value={end}
            testId="link-to"
            onChange={(e) => setEnd(e.target.value)}
          />
          <Field
            label={t('entities.link.amount')}
            inputMode="decimal"
            value={amount}
            testId="link-amount"
            onChange={(e) => setAmount(e.target.value)}
          />
          <Field
            label={t('entities.link.currency')}
            value={currency}
            maxLength={3}
            testId="link-currency"
            onChange={(e) => setCurrency(e.target.value)}
          />
        </div>
        <div className="entities-grid">
          <div className="field">
            <label htmlFor={`${id}-rel`}>{t('entities.link.reliability')}</label>
            <select
              id={`${id}-rel`}
              value={reliability}
              data-testid="link-reliability"
              onChange={(e) => setReliability(e.target.value as SourceReliability)}
            >
              {RELIABILITY.map((r) => (
                <option key={r} value={r}>
                  {r} — {t(`entities.reliability.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-cred`}>{t('entities.link.credibility')}</label>
            <select
              id={`${id}-cred`}
              value={credibility}
              data-testid="link-credibility"
              onChange={(e) => setCredibility(Number(e.target.value) as InformationCredibility)}
            >
              {CREDIBILITY.map((c) => (
                <option key={c} value={c}>
                  {c} — {t(`entities.credibility.c${c}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <TextAreaField
          label={t('entities.link.notes')}
          rows={2}
          value={notes}
          testId="link-notes"
          onChange={(e) => setNotes(e.target.value)}
        />
        <CitationPicker
          evidence={data.evidence}
          pages={data.pages}
          draft={draft}
          onChange={setDraft}
          {...(citeProblem !== undefined ? { problem: citeProblem } : {})}
        />
        <FormFooter
          error={error}
          errorTestId="link-form-error"
          onCancel={onClose}
          submitLabel={busy ? t('common.working') : t('common.save')}
          submitDisabled={busy}
          submitTestId="link-save"
        />
      </form>
    </Dialog>
  );
}
