import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceId, EvidenceItem, Page, PageId } from '../../../core/model';
import { Field, TextAreaField } from '../shell/Field';
import type { CitationDraft } from './citationDraft';

type Props = Readonly<{
  evidence: readonly EvidenceItem[];
  pages: readonly Page[];
  draft: CitationDraft;
  onChange: (draft: CitationDraft) => void;
  /** Shown under the quote: why the draft cannot be used yet. */
  problem?: string;
}>;

/**
 * Picks what a citation rests on: an evidence item, one of its pages, and a quote from the
 * page text (selecting words in the text fills the quote). Works before the evidence viewer's
 * own word selection exists, and for typed statements that have no page image.
 */
export function CitationPicker({ evidence, pages, draft, onChange, problem }: Props): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const itemPages = pages
    .filter((p) => p.evidenceId === draft.evidenceId)
    .sort((a, b) => a.number - b.number);
  const page = itemPages.find((p) => p.id === draft.pageId);
  if (evidence.length === 0)
    return (
      <p className="muted" data-testid="cite-no-evidence">
        {t('entities.cite.noEvidence')}
      </p>
    );
  return (
    <fieldset className="entities-cite" data-testid="citation-picker">
      <legend>{t('entities.cite.legend')}</legend>
      <div className="entities-row">
        <div className="field">
          <label htmlFor={`${id}-ev`}>{t('entities.cite.evidence')}</label>
          <select
            id={`${id}-ev`}
            value={draft.evidenceId}
            data-testid="cite-evidence"
            onChange={(e) => {
              const evidenceId = e.target.value as EvidenceId | '';
              const first = pages
                .filter((p) => p.evidenceId === evidenceId)
                .sort((a, b) => a.number - b.number)[0];
              onChange({ evidenceId, pageId: first?.id ?? '', quote: '' });
            }}
          >
            <option value="">{t('entities.cite.none')}</option>
            {evidence.map((item) => (
              <option key={item.id} value={item.id}>
                {item.exhibitRef} — {item.fileName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-page`}>{t('entities.cite.page')}</label>
          <select
            id={`${id}-page`}
            value={draft.pageId}
            disabled={itemPages.length === 0}
            data-testid="cite-page"
            onChange={(e) => onChange({ ...draft, pageId: e.target.value as PageId, quote: '' })}
          >
            {itemPages.map((p) => (
              <option key={p.id} value={p.id}>
                {t('entities.cite.pageNumber', { number: String(p.number) })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {page !== undefined && (
        <TextAreaField
          label={t('entities.cite.pageText')}
          hint={t('entities.cite.selectHint')}
          readOnly
          rows={5}
          value={page.text}
          testId="cite-page-text"
          onSelect={(e) => {
            const el = e.currentTarget;
            const quote = el.value.slice(el.selectionStart, el.selectionEnd);
            if (quote.trim() !== '') onChange({ ...draft, quote, start: el.selectionStart });
          }}
        />
      )}
      {draft.evidenceId !== '' && (
        <Field
          label={t('entities.cite.quote')}
          value={draft.quote}
          testId="cite-quote"
          {...(problem !== undefined ? { hint: problem } : {})}
          onChange={(e) =>
            // Typed by hand: where it is on the page is found again when it is saved.
            onChange({ evidenceId: draft.evidenceId, pageId: draft.pageId, quote: e.target.value })
          }
        />
      )}
    </fieldset>
  );
}
