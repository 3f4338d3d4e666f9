import type { KeyboardEvent, ReactNode } from 'react';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseId, EntityId } from '../../../core/model';
import {
  SEARCH_KINDS,
  type CaseSearch,
  type SearchHit,
  type SearchKind,
} from '../../../core/search';
import { EmptyState } from '../shell/EmptyState';
import { hitHref } from './hitHref';
import { SnippetText } from './SnippetText';
import { useCaseSearch } from './useCaseSearch';

/** Hits shown per kind; the group heading says how many matched in all. */
const LIMIT = 25;

type Row = Readonly<{ hit: SearchHit; href: string; title: string }>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * One box over the open case's page texts, names and aliases, and notes. The input is a
 * combobox: focus stays in it while ↑/↓ move the active result (aria-activedescendant), so
 * typing can go on at any time, and Enter opens the active result.
 */
export function SearchPanel({ caseId }: Readonly<{ caseId: CaseId }>): ReactNode {
  const { t } = useTranslation();
  const state = useCaseSearch(caseId);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  // "/" focuses the box from anywhere in the view, unless the user is typing elsewhere.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const search: CaseSearch | null = state.status === 'error' ? null : state.search;

  // Keyed on `state`, which is a new object after every sync: the CaseSearch itself changes in
  // place, so its identity alone would not tell that the results are stale.
  const results = useMemo(() => {
    const current = state.status === 'error' ? null : state.search;
    if (current === null || deferred.trim() === '') return null;
    return current.search(deferred, { limit: LIMIT });
  }, [state, deferred]);

  const titleOf = (hit: SearchHit, s: CaseSearch): string => {
    const doc = hit.document;
    if (doc.kind === 'page')
      return t('search.pageTitle', {
        exhibit: s.exhibitRef(doc.evidenceId) ?? t('search.unknownExhibit'),
        page: String(doc.pageNumber),
      });
    if (doc.kind === 'entity') return s.entityName(doc.id) ?? t('search.unnamed');
    const owner = s.noteOwner(doc.id);
    const name = (id: EntityId): string => s.entityName(id) ?? t('search.unnamed');
    if (owner?.kind === 'link')
      return t('search.noteOfLink', { source: name(owner.source), target: name(owner.target) });
    return t('search.noteOfEntity', { name: name(doc.id as EntityId) });
  };

  const groups: ReadonlyArray<{ kind: SearchKind; rows: Row[]; total: number }> =
    results === null || search === null
      ? []
      : SEARCH_KINDS.map((kind) => ({
          kind,
          total: results.counts[kind],
          rows: results.groups[kind].map((hit) => ({
            hit,
            href: hitHref(hit, search),
            title: titleOf(hit, search),
          })),
        })).filter((g) => g.rows.length > 0);
  const flat = groups.flatMap((g) => g.rows);

  useEffect(() => setActive(0), [deferred]);
  const activeIndex = Math.min(active, Math.max(0, flat.length - 1));
  const optionId = (i: number): string => `${listId}-option-${i}`;

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
    // optionId depends only on listId, which is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (flat.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((activeIndex + 1) % flat.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((activeIndex - 1 + flat.length) % flat.length);
    } else if (event.key === 'Enter') {
      const row = flat[activeIndex];
      if (row !== undefined) {
        event.preventDefault();
        window.location.hash = row.href;
      }
    }
  };

  let index = -1;
  return (
    <>
      <div className="search-box">
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={flat.length > 0 ? optionId(activeIndex) : undefined}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          data-testid="search-input"
        />
        <p className="hint">
          {t('search.keyboardHint')}{' '}
          {state.status === 'ready' && (
            <span data-testid="search-indexed">
              {t('search.indexed', { count: state.search.size })}
            </span>
          )}
        </p>
      </div>

      {state.status === 'error' && (
        <div className="form-error" role="alert">
          {t('search.failed', { message: state.message })}
        </div>
      )}
      {state.status === 'indexing' && search === null && (
        <p className="muted" role="status" data-testid="search-indexing">
          {t('search.indexing')}
        </p>
      )}
      {state.status === 'ready' && state.search.size === 0 && (
        <div data-testid="search-nothing-indexed">
          <EmptyState
            title={t('search.nothingIndexedTitle')}
            body={t('search.nothingIndexedBody')}
          />
        </div>
      )}
      {state.status === 'ready' && state.search.size > 0 && results === null && (
        <EmptyState title={t('search.emptyTitle')} body={t('search.emptyBody')} />
      )}
      {results !== null && flat.length === 0 && (
        <div data-testid="search-no-results" role="status">
          <EmptyState
            title={t('search.noResultsTitle', { query: deferred.trim() })}
            body={t('search.noResultsBody')}
          />
        </div>
      )}

      <div id={listId} role="listbox" aria-label={t('search.title')} className="search-results">
        {groups.map((group) => (
          <section key={group.kind} role="group" aria-label={t(`search.groups.${group.kind}`)}>
            <h2 className="search-group" data-testid={`search-group-${group.kind}`}>
              {t(`search.groups.${group.kind}`)}{' '}
              <span className="muted small">
                {t('search.groupCount', {
                  shown: String(group.rows.length),
                  total: String(group.total),
                })}
              </span>
            </h2>
            <ul>
              {group.rows.map((row) => {
                index++;
                const i = index;
                return (
                  <li
                    key={`${row.hit.document.kind}:${row.hit.document.id}`}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === activeIndex}
                    className="search-hit"
                    data-testid="search-hit"
                    data-kind={row.hit.document.kind}
                  >
                    <a href={row.href} tabIndex={-1} onMouseEnter={() => setActive(i)}>
                      <span className="search-hit-title">{row.title}</span>
                      <SnippetText
                        snippet={row.hit.snippet}
                        fullLength={row.hit.document.text.length}
                      />
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
