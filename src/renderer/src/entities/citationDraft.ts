import { boxesForRange, type CitationInput, type CitationSubject } from '../../../core/entities';
import type { EvidenceId, Page, PageId } from '../../../core/model';

/** What the citation picker holds while the user chooses. */
export type CitationDraft = Readonly<{
  evidenceId: EvidenceId | '';
  pageId: PageId | '';
  quote: string;
  /** Where the user selected the quote, when they did; otherwise its first occurrence. */
  start?: number;
}>;

export const EMPTY_DRAFT: CitationDraft = { evidenceId: '', pageId: '', quote: '' };

export type ResolvedDraft =
  | Readonly<{ ok: true; input: (subject: CitationSubject) => CitationInput }>
  | Readonly<{ ok: false; problem: 'noPage' | 'noQuote' | 'notOnPage' }>;

/**
 * Checks a draft against the page text and finds the quoted words' boxes. A quote that is not
 * on the page is refused: a citation must point at words the viewer can highlight.
 */
export function resolveDraft(draft: CitationDraft, pages: readonly Page[]): ResolvedDraft {
  const page = pages.find((p) => p.id === draft.pageId && p.evidenceId === draft.evidenceId);
  if (page === undefined) return { ok: false, problem: 'noPage' };
  const quote = draft.quote.trim();
  if (quote === '') return { ok: false, problem: 'noQuote' };
  const start =
    draft.start !== undefined && page.text.slice(draft.start).startsWith(quote)
      ? draft.start
      : page.text.indexOf(quote);
  if (start < 0) return { ok: false, problem: 'notOnPage' };
  const boxes = boxesForRange(page.text, page.words, start, start + quote.length);
  return {
    ok: true,
    input: (subject) => ({
      subject,
      evidenceId: page.evidenceId,
      pageId: page.id,
      pageNumber: page.number,
      quote,
      boxes,
    }),
  };
}
