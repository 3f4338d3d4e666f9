import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  acceptAllOfKind,
  acceptSuggestion,
  confirmCoMention,
  displayName,
  ENTITY_MAKING_KINDS,
  rejectSuggestion,
  suggestionsForCase,
  type AcceptTarget,
  type CoMentionSuggestion,
  type EntityStore,
  type PageSuggestions,
  type Suggestion,
} from '../../../core/entities';
import type { FindingKind } from '../../../core/extract';
import type { CaseId, EntityId, LinkId } from '../../../core/model';
import { EmptyState } from '../shell/EmptyState';
import { useChangeCount } from '../vault/useVaultRead';
import { errorMessage, type CaseData } from './useCaseData';

type Props = Readonly<{
  store: EntityStore;
  caseId: CaseId;
  data: CaseData;
  onAddStatement: () => void;
}>;

/** The words around a finding, so it can be judged without opening the page. */
function Context({ text, start, end }: { text: string; start: number; end: number }): ReactNode {
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  return (
    <span className="entities-context">
      {from > 0 && '…'}
      {text.slice(from, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length && '…'}
    </span>
  );
}

/**
 * Extraction suggestions per evidence page: accept as a new entity, attach to an existing
 * entity or link, reject, or accept all of a kind; people named together suggest links.
 */
export function SuggestionsPanel({ store, caseId, data, onAddStatement }: Props): ReactNode {
  const { t } = useTranslation();
  // Decisions are read back from the audit log, so it is watched with the records.
  const revision = useChangeCount(['pages', 'evidence', 'entities', 'audit'], caseId);
  const [pages, setPages] = useState<PageSuggestions[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [cancel, setCancel] = useState<AbortController | null>(null);
  const [showDecided, setShowDecided] = useState(false);
  const [attach, setAttach] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [runKey, setRunKey] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setCancel(controller);
    setProgress(null);
    suggestionsForCase(store, caseId, {
      signal: controller.signal,
      onProgress: (done, total) => setProgress({ done, total }),
    }).then(
      (result) => {
        if (controller.signal.aborted) return;
        setPages(result);
        setCancel(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
        setCancel(null);
      },
    );
    return () => controller.abort(new Error(t('entities.suggest.cancelled')));
  }, [store, caseId, revision, t, runKey]);

  const run = (action: () => Promise<unknown>, done?: string): void => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    action().then(
      () => {
        setBusy(false);
        if (done !== undefined) setMessage(done);
      },
      (e: unknown) => {
        setBusy(false);
        setError(errorMessage(e));
      },
    );
  };

  if (pages === null && cancelled)
    return (
      <div className="notice" role="status" data-testid="suggestions-cancelled">
        {t('entities.suggest.cancelled')}{' '}
        <button
          type="button"
          onClick={() => {
            setCancelled(false);
            setRunKey(runKey + 1);
          }}
        >
          {t('entities.suggest.runAgain')}
        </button>
      </div>
    );
  if (pages === null)
    return (
      <div className="notice" role="status" data-testid="suggestions-progress">
        {progress === null
          ? t('entities.suggest.reading')
          : t('entities.suggest.progress', {
              done: String(progress.done),
              total: String(progress.total),
            })}{' '}
        {cancel !== null && (
          <button
            type="button"
            data-testid="suggestions-cancel"
            onClick={() => {
              cancel.abort(new Error(t('entities.suggest.cancelled')));
              setCancel(null);
              setCancelled(true);
            }}
          >
            {t('common.cancel')}
          </button>
        )}
      </div>
    );

  const textOf = new Map(data.pages.map((p) => [p.id, p.text]));
  const open = pages.flatMap((p) => p.findings.filter((f) => f.status === 'open'));
  const openCount = (k: FindingKind) => open.filter((f) => f.kind === k).length;
  const visible = (s: { status: string }) => showDecided || s.status === 'open';
  const sortedEntities = [...data.entities].sort((a, b) =>
    displayName(a).localeCompare(displayName(b)),
  );

  const targetFor = (s: Suggestion): AcceptTarget | null => {
    const chosen = attach[s.key] ?? (s.known.length === 1 ? `e:${s.known[0]!.id}` : '');
    if (chosen.startsWith('e:')) return { entityId: chosen.slice(2) as EntityId };
    if (chosen.startsWith('l:')) return { linkId: chosen.slice(2) as LinkId };
    return null;
  };

  const findingRow = (s: Suggestion) => {
    const target = targetFor(s);
    const makes = ENTITY_MAKING_KINDS.includes(s.kind);
    return (
      <tr key={s.key} data-testid="suggestion-row" data-kind={s.kind} data-status={s.status}>
        <td className="nowrap">{t(`entities.finding.${s.kind}`)}</td>
        <td>
          <div className="mono" data-testid="suggestion-value">
            {s.value}
          </div>
          {s.post !== undefined && (
            <div className="small" data-testid="suggestion-post">
              {s.post.agency !== undefined && s.post.agency !== ''
                ? t('entities.suggest.postAgency', {
                    position: s.post.position,
                    agency: s.post.agency,
                  })
                : t('entities.suggest.post', { position: s.post.position })}
            </div>
          )}
          {s.kind === 'place' && s.detail !== undefined && (
            <div className="small" data-testid="suggestion-place">
              {t('entities.suggest.placeIn', { where: s.detail })}
            </div>
          )}
          <div className="small muted">
            <Context text={textOf.get(s.pageId) ?? ''} start={s.start} end={s.end} />
          </div>
          {s.known.length > 0 && (
            <div className="small" data-testid="suggestion-known">
              {t('entities.suggest.known', {
                names: s.known.map((e) => displayName(e)).join(', '),
              })}
            </div>
          )}
        </td>
        <td className="nowrap">
          {s.status === 'open' ? (
            <div className="entities-suggest-actions">
              {makes && (
                <button
                  type="button"
                  disabled={busy}
                  data-testid="suggestion-accept-new"
                  onClick={() =>
                    run(
                      () => acceptSuggestion(store, s, { newEntity: true }),
                      t('entities.suggest.accepted'),
                    )
                  }
                >
                  {t('entities.suggest.acceptNew')}
                </button>
              )}
              <select
                aria-label={t('entities.suggest.attachTo')}
                value={attach[s.key] ?? (s.known.length === 1 ? `e:${s.known[0]!.id}` : '')}
                data-testid="suggestion-attach-target"
                onChange={(e) => setAttach({ ...attach, [s.key]: e.target.value })}
              >
                <option value="">{t('entities.suggest.attachChoose')}</option>
                <optgroup label={t('entities.suggest.entities')}>
                  {sortedEntities.map((e) => (
                    <option key={e.id} value={`e:${e.id}`}>
                      {displayName(e)}
                    </option>
                  ))}
                </optgroup>
                {data.links.length > 0 && (
                  <optgroup label={t('entities.suggest.links')}>
                    {data.links.map((l) => (
                      <option key={l.id} value={`l:${l.id}`}>
                        {displayName(data.byId.get(l.source) ?? { id: l.source, names: [] })}{' '}
                        {t(`model.linkType.${l.type}`)}{' '}
                        {displayName(data.byId.get(l.target) ?? { id: l.target, names: [] })}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
              <button
                type="button"
                disabled={busy || target === null}
                data-testid="suggestion-attach"
                onClick={() =>
                  target !== null &&
                  run(() => acceptSuggestion(store, s, target), t('entities.suggest.attached'))
                }
              >
                {t('entities.suggest.attach')}
              </button>
              <button
                type="button"
                disabled={busy}
                data-testid="suggestion-reject"
                onClick={() => run(() => rejectSuggestion(store, s))}
              >
                {t('entities.suggest.reject')}
              </button>
            </div>
          ) : (
            <span className={`entities-status ${s.status}`}>
              {t(`entities.suggest.status.${s.status}`)}
            </span>
          )}
        </td>
      </tr>
    );
  };

  const coRow = (c: CoMentionSuggestion) => {
    const missing = [c.a, c.b].filter((x) => x.entityId === undefined).map((x) => x.name);
    return (
      <li key={c.key} data-testid="comention-row" data-status={c.status}>
        <span>
          <strong>{c.a.name}</strong> — <strong>{c.b.name}</strong>{' '}
          <span className="muted small">
            <Context text={textOf.get(c.pageId) ?? ''} start={c.start} end={c.end} />
          </span>
        </span>
        {c.status === 'open' ? (
          <span className="entities-suggest-actions">
            <button
              type="button"
              disabled={busy || missing.length > 0}
              data-testid="comention-confirm"
              onClick={() => run(() => confirmCoMention(store, c), t('entities.suggest.linked'))}
            >
              {t('entities.suggest.confirmLink')}
            </button>
            <button
              type="button"
              disabled={busy}
              data-testid="comention-reject"
              onClick={() => run(() => rejectSuggestion(store, c))}
            >
              {t('entities.suggest.reject')}
            </button>
            {missing.length > 0 && (
              <span className="hint">
                {t('entities.suggest.acceptFirst', { names: missing.join(', ') })}
              </span>
            )}
          </span>
        ) : (
          <span className={`entities-status ${c.status}`}>
            {t(`entities.suggest.status.${c.status}`)}
          </span>
        )}
      </li>
    );
  };

  if (pages.length === 0)
    return (
      <EmptyState
        title={t('entities.suggest.noPagesTitle')}
        body={t('entities.suggest.noPagesBody')}
      >
        <button type="button" className="primary" onClick={onAddStatement}>
          {t('entities.statement.add')}
        </button>
      </EmptyState>
    );

  return (
    <div data-testid="suggestions-panel">
      <div className="entities-toolbar">
        <span className="muted">{t('entities.suggest.openCount', { count: open.length })}</span>
        {ENTITY_MAKING_KINDS.filter((k) => openCount(k) > 0).map((k) => (
          <button
            key={k}
            type="button"
            disabled={busy}
            data-testid={`suggestion-accept-all-${k}`}
            onClick={() =>
              run(async () => {
                const n = await acceptAllOfKind(store, pages, k);
                setMessage(t('entities.suggest.acceptedAll', { count: n }));
              })
            }
          >
            {t('entities.suggest.acceptAll', {
              kind: t(`entities.finding.${k}`),
              count: openCount(k),
            })}
          </button>
        ))}
        <label className="inline">
          <input
            type="checkbox"
            checked={showDecided}
            data-testid="suggestions-show-decided"
            onChange={(e) => setShowDecided(e.target.checked)}
          />
          {t('entities.suggest.showDecided')}
        </label>
      </div>
      {message !== null && (
        <div className="notice" role="status" data-testid="suggestions-message">
          {message}
        </div>
      )}
      {error !== null && (
        <div className="form-error" role="alert" data-testid="suggestions-error">
          {error}
        </div>
      )}
      {pages.map((p) => {
        const findings = p.findings.filter(visible);
        const cos = p.coMentions.filter(visible);
        return (
          <section key={p.pageId} className="panel entities-page" data-testid="suggestion-page">
            <h2>
              {t('entities.suggest.pageTitle', {
                exhibit: p.exhibitRef,
                page: String(p.pageNumber),
              })}
            </h2>
            {findings.length === 0 && cos.length === 0 ? (
              <p className="muted small">{t('entities.suggest.nothingOpen')}</p>
            ) : (
              <>
                {findings.length > 0 && (
                  <table className="table">
                    <tbody>{findings.map(findingRow)}</tbody>
                  </table>
                )}
                {cos.length > 0 && (
                  <>
                    <h3>{t('entities.suggest.coMentions')}</h3>
                    <ul className="entities-comentions">{cos.map(coRow)}</ul>
                  </>
                )}
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
