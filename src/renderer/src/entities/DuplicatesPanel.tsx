import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  displayName,
  duplicateCandidates,
  type DuplicateCandidate,
  type EntityStore,
  type MergeRecord,
} from '../../../core/entities';
import type { CaseId, Entity } from '../../../core/model';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { EmptyState } from '../shell/EmptyState';
import { useVaultRead } from '../vault/useVaultRead';
import { errorMessage } from './useCaseData';

type Props = Readonly<{ store: EntityStore; caseId: CaseId }>;

type PendingMerge = Readonly<{ survivor: Entity; absorbed: Entity }>;

function Summary({ entity }: { entity: Entity }): ReactNode {
  const { t } = useTranslation();
  return (
    <div>
      <strong>{displayName(entity)}</strong>
      {entity.names.length > 1 && (
        <div className="muted small">
          {entity.names
            .slice(1)
            .map((n) => n.value)
            .join(' · ')}
        </div>
      )}
      <div className="muted small">
        {[t(`model.kind.${entity.kind}`), ...entity.roles.map((r) => t(`model.role.${r}`))].join(
          ', ',
        )}
      </div>
    </div>
  );
}

/** Entities that may be one, with the reasons; merge (asked first) and undo. */
export function DuplicatesPanel({ store, caseId }: Props): ReactNode {
  const { t, i18n } = useTranslation();
  const found = useVaultRead(
    ['entities', 'links', 'citations'],
    caseId,
    () => Promise.all([duplicateCandidates(store, caseId), store.listMerges(caseId)]),
    [store],
  );
  const [candidates, merges]: [DuplicateCandidate[] | null, MergeRecord[]] =
    found.status === 'ready' ? found.data : [null, []];
  const [pending, setPending] = useState<PendingMerge | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (action: () => Promise<unknown>, done: string): void => {
    setBusy(true);
    setError(null);
    setMessage(null);
    action().then(
      () => {
        setBusy(false);
        setMessage(done);
      },
      (e: unknown) => {
        setBusy(false);
        setError(errorMessage(e));
      },
    );
  };

  if (found.status === 'error')
    return (
      <div className="form-error" role="alert" data-testid="duplicates-error">
        {found.message}
      </div>
    );
  if (candidates === null) return <p className="muted">{t('app.loading')}</p>;

  return (
    <div data-testid="duplicates-panel">
      {message !== null && (
        <div className="notice" role="status" data-testid="duplicates-message">
          {message}
        </div>
      )}
      {error !== null && (
        <div className="form-error" role="alert" data-testid="duplicates-error">
          {error}
        </div>
      )}
      {candidates.length === 0 ? (
        <EmptyState title={t('entities.dup.noneTitle')} body={t('entities.dup.noneBody')} />
      ) : (
        <table className="table" data-testid="duplicates-table">
          <thead>
            <tr>
              <th>{t('entities.dup.first')}</th>
              <th>{t('entities.dup.second')}</th>
              <th>{t('entities.dup.reasons')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr key={`${c.a.id}|${c.b.id}`} data-testid="duplicate-row">
                <td>
                  <Summary entity={c.a} />
                </td>
                <td>
                  <Summary entity={c.b} />
                </td>
                <td>
                  <ul className="entities-reasons" data-testid="duplicate-reasons">
                    {c.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  <span className="muted small">
                    {t('entities.dup.score', { score: String(Math.round(c.score * 100)) })}
                  </span>
                </td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      disabled={busy}
                      data-testid="duplicate-keep-first"
                      onClick={() => setPending({ survivor: c.a, absorbed: c.b })}
                    >
                      {t('entities.dup.keep', { name: displayName(c.a) })}
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      data-testid="duplicate-keep-second"
                      onClick={() => setPending({ survivor: c.b, absorbed: c.a })}
                    >
                      {t('entities.dup.keep', { name: displayName(c.b) })}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {merges.length > 0 && (
        <section className="entities-merges">
          <h2>{t('entities.dup.mergesTitle')}</h2>
          <ul data-testid="merges-list">
            {merges.map((m) => (
              <li key={m.id} data-testid="merge-row">
                {t('entities.dup.mergeLine', {
                  absorbed: displayName(m.absorbed),
                  survivor: displayName({ id: m.survivorId, names: m.survivorAfter.names }),
                  when: new Date(m.at).toLocaleString(i18n.language, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                  who: m.actor.name,
                })}{' '}
                <button
                  type="button"
                  disabled={busy}
                  data-testid="merge-undo"
                  onClick={() =>
                    run(
                      () => store.undoMerge(m.survivorId, m.id),
                      t('entities.dup.undone', { name: displayName(m.absorbed) }),
                    )
                  }
                >
                  {t('entities.dup.undo')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {pending !== null && (
        <ConfirmDialog
          title={t('entities.dup.confirmTitle')}
          message={t('entities.dup.confirmMessage', {
            absorbed: displayName(pending.absorbed),
            survivor: displayName(pending.survivor),
          })}
          confirmLabel={t('entities.dup.merge')}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const { survivor, absorbed } = pending;
            setPending(null);
            run(
              () => store.merge(survivor.id, absorbed.id),
              t('entities.dup.merged', {
                absorbed: displayName(absorbed),
                survivor: displayName(survivor),
              }),
            );
          }}
        />
      )}
    </div>
  );
}
