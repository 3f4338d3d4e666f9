import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListing } from '../../../core/cases';
import { CASE_STATUSES, type Case, type CaseStatus } from '../../../core/model';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { EmptyState } from '../shell/EmptyState';
import { useSession } from '../vault/session';
import { useVaultRead } from '../vault/useVaultRead';
import { CaseForm } from './CaseForm';

type Pending =
  | { kind: 'new' }
  | { kind: 'edit'; target: Case }
  | { kind: 'delete'; target: Case }
  | { kind: 'purge'; target: Case };

export function CasesView(): ReactNode {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { cases, currentCaseId, openCase } = session;
  const [filter, setFilter] = useState<'active' | 'deleted'>('active');
  const read = useVaultRead(['cases'], null, () => cases.list(filter), [cases, filter]);
  const listing: CaseListing | null = read.status === 'ready' ? read.data : null;
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ text: string; undo?: Case } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (action: Promise<unknown>, after?: () => void): void => {
    setError(null);
    action.then(
      () => {
        after?.();
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };

  const date = (iso: string): string =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const rows = listing?.cases ?? [];
  return (
    <>
      <header className="view-header">
        <h1>{t('cases.title')}</h1>
        <div className="actions">
          <div className="tabs" role="tablist">
            {(['active', 'deleted'] as const).map((f) => (
              <button
                key={f}
                role="tab"
                type="button"
                aria-selected={filter === f}
                data-testid={`cases-filter-${f}`}
                onClick={() => setFilter(f)}
              >
                {f === 'active' ? t('cases.active') : t('cases.bin')}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="primary"
            data-testid="new-case"
            onClick={() => setPending({ kind: 'new' })}
          >
            {t('cases.newCase')}
          </button>
        </div>
      </header>

      {message !== null && (
        <div className="notice" role="status" data-testid="cases-message">
          {message.text}
          {message.undo !== undefined && (
            <button
              type="button"
              className="link"
              data-testid="cases-undo"
              onClick={() => {
                const target = message.undo;
                if (target) run(cases.restore(target.id), () => setMessage(null));
              }}
            >
              {t('cases.undo')}
            </button>
          )}
        </div>
      )}
      {(error ?? (read.status === 'error' ? read.message : null)) !== null && (
        <div className="form-error" role="alert" data-testid="cases-error">
          {error ?? (read.status === 'error' ? read.message : null)}
        </div>
      )}
      {listing !== null && listing.unreadable.length > 0 && (
        <div className="warning" role="alert" data-testid="cases-unreadable">
          {t('cases.unreadable', {
            count: listing.unreadable.length,
            records: listing.unreadable.map((r) => `${r.table} ${String(r.key)}`).join(', '),
          })}
        </div>
      )}

      {listing !== null && rows.length === 0 && filter === 'active' && (
        <EmptyState title={t('cases.emptyTitle')} body={t('cases.emptyBody')}>
          <button type="button" className="primary" onClick={() => setPending({ kind: 'new' })}>
            {t('cases.newCase')}
          </button>
        </EmptyState>
      )}
      {listing !== null && rows.length === 0 && filter === 'deleted' && (
        <p className="muted" data-testid="bin-empty">
          {t('cases.binEmpty')}
        </p>
      )}

      {rows.length > 0 && (
        <table className="table" data-testid="cases-table">
          <thead>
            <tr>
              <th>{t('cases.reference')}</th>
              <th>{t('cases.caseTitle')}</th>
              <th>{t('cases.status')}</th>
              <th>{t('cases.updated')}</th>
              <th aria-label="actions" />
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr
                key={c.id}
                data-testid="case-row"
                aria-current={c.id === currentCaseId ? 'true' : undefined}
              >
                <td className="mono">{c.reference}</td>
                <td>
                  <div className="case-title">{c.title}</div>
                  {c.summary !== '' && <div className="case-summary">{c.summary}</div>}
                </td>
                <td>
                  {filter === 'active' ? (
                    <select
                      aria-label={t('cases.status')}
                      value={c.status}
                      data-testid="case-status"
                      onChange={(e) => run(cases.setStatus(c.id, e.target.value as CaseStatus))}
                    >
                      {CASE_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`cases.statuses.${s}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`cases.statuses.${c.status}`)
                  )}
                </td>
                <td className="muted">{date(c.updatedAt)}</td>
                <td className="row-actions">
                  {filter === 'active' ? (
                    <>
                      {c.id === currentCaseId ? (
                        <span className="badge">{t('cases.current')}</span>
                      ) : (
                        <button
                          type="button"
                          data-testid="case-open"
                          onClick={() => openCase(c.id)}
                        >
                          {t('cases.open')}
                        </button>
                      )}
                      <a
                        className="button"
                        href="#/bundle"
                        data-testid="case-bundle"
                        title={t('cases.bundleHint')}
                        onClick={() => openCase(c.id)}
                      >
                        {t('cases.bundle')}
                      </a>
                      <button
                        type="button"
                        data-testid="case-edit"
                        onClick={() => setPending({ kind: 'edit', target: c })}
                      >
                        {t('cases.edit')}
                      </button>
                      <button
                        type="button"
                        data-testid="case-delete"
                        onClick={() => setPending({ kind: 'delete', target: c })}
                      >
                        {t('cases.delete')}
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        data-testid="case-restore"
                        onClick={() => run(cases.restore(c.id))}
                      >
                        {t('cases.restore')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        data-testid="case-purge"
                        onClick={() => setPending({ kind: 'purge', target: c })}
                      >
                        {t('cases.purge')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {pending?.kind === 'new' && (
        <CaseForm
          onClose={() => setPending(null)}
          onSubmit={async (draft) => {
            const created = await cases.create(draft);
            openCase(created.id);
          }}
        />
      )}
      {pending?.kind === 'edit' && (
        <CaseForm
          initial={pending.target}
          onClose={() => setPending(null)}
          onSubmit={async (draft) => {
            await cases.update(pending.target.id, draft);
          }}
        />
      )}
      {pending?.kind === 'delete' && (
        <ConfirmDialog
          title={t('cases.delete')}
          message={t('cases.deleteConfirm', {
            reference: pending.target.reference,
            title: pending.target.title,
          })}
          confirmLabel={t('cases.delete')}
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const target = pending.target;
            setPending(null);
            if (target.id === currentCaseId) openCase(null);
            run(cases.softDelete(target.id), () =>
              setMessage({
                text: t('cases.deleted', { reference: target.reference }),
                undo: target,
              }),
            );
          }}
        />
      )}
      {pending?.kind === 'purge' && (
        <ConfirmDialog
          title={t('cases.purge')}
          message={t('cases.purgeConfirm', { reference: pending.target.reference })}
          confirmLabel={t('cases.purge')}
          danger
          typeToConfirm={{
            text: pending.target.reference,
            label: t('cases.purgeTypeReference', { reference: pending.target.reference }),
          }}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const target = pending.target;
            setPending(null);
            run(cases.purge(target.id), () =>
              setMessage({ text: t('cases.purged', { reference: target.reference }) }),
            );
          }}
        />
      )}
    </>
  );
}
