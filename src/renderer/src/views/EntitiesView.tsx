import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, openEntityStore, type CitationSubject } from '../../../core/entities';
import type { CaseId, Citation, Entity, EntityId, Link } from '../../../core/model';
import { CiteDialog } from '../entities/CiteDialog';
import { DuplicatesPanel } from '../entities/DuplicatesPanel';
import { EntityDetail } from '../entities/EntityDetail';
import { EntityForm } from '../entities/EntityForm';
import { EntityList } from '../entities/EntityList';
import { LinkForm } from '../entities/LinkForm';
import { StatementForm } from '../entities/StatementForm';
import { SuggestionsPanel } from '../entities/SuggestionsPanel';
import { useEntityFromHash } from '../entities/useEntityFromHash';
import { errorMessage, useCaseData, useEntityStore } from '../entities/useCaseData';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { EmptyState } from '../shell/EmptyState';
import { useSession } from '../vault/session';
import { CaseRequired } from './CaseRequired';
import '../styles/entities.css';

const TABS = ['entities', 'suggestions', 'duplicates'] as const;
type Tab = (typeof TABS)[number];

type Pending =
  | { kind: 'newEntity' }
  | { kind: 'editEntity'; entity: Entity }
  | { kind: 'deleteEntity'; entity: Entity }
  | { kind: 'newLink'; from: Entity }
  | { kind: 'editLink'; link: Link }
  | { kind: 'deleteLink'; link: Link }
  | { kind: 'cite'; subject: CitationSubject; what: string }
  | { kind: 'removeCitation'; citation: Citation }
  | { kind: 'statement' };

export function EntitiesView(): ReactNode {
  const { t } = useTranslation();
  const { vault, currentCaseId, openCase } = useSession();
  const linked = useEntityFromHash();
  // A deep link may name an entity of another case (search spans cases): open that case.
  useEffect(() => {
    if (linked === null) return;
    let live = true;
    openEntityStore(vault)
      .getEntity(linked)
      .then(
        (row) => {
          if (live && row.caseId !== currentCaseId) openCase(row.caseId);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [linked, vault, currentCaseId, openCase]);
  return (
    <CaseRequired title={t('entities.title')}>
      <OpenCaseEntities />
    </CaseRequired>
  );
}

function OpenCaseEntities(): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const caseId = session.currentCaseId as CaseId;
  const store = useEntityStore();
  const { data, error: loadError } = useCaseData(caseId);
  const [tab, setTab] = useState<Tab>('entities');
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<EntityId | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const close = () => setPending(null);
  const linked = useEntityFromHash();
  useEffect(() => {
    if (linked === null) return;
    setSelected(linked);
    setTab('entities');
  }, [linked]);

  const run = (action: Promise<unknown>, done?: string): void => {
    setError(null);
    setMessage(null);
    action.then(
      () => {
        if (done !== undefined) setMessage(done);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };

  const entity = selected === null ? undefined : data?.byId.get(selected);
  const linkName = (l: Link) =>
    `${displayName(data?.byId.get(l.source) ?? { id: l.source, names: [] })} ${t(`model.linkType.${l.type}`)} ${displayName(data?.byId.get(l.target) ?? { id: l.target, names: [] })}`;

  return (
    <div data-testid="entities-view">
      <header className="view-header">
        <h1>{t('entities.title')}</h1>
        <div className="actions">
          <div className="tabs" role="tablist" aria-label={t('entities.tabsLabel')}>
            {TABS.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={tab === k}
                data-testid={`entities-tab-${k}`}
                onClick={() => {
                  setTab(k);
                  setMessage(null);
                }}
              >
                {t(`entities.tab.${k}`)}
              </button>
            ))}
          </div>
          <button
            type="button"
            onClick={() => setPending({ kind: 'statement' })}
            data-testid="add-statement"
          >
            {t('entities.statement.add')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => setPending({ kind: 'newEntity' })}
            data-testid="new-entity"
          >
            {t('entities.newEntity')}
          </button>
        </div>
      </header>
      {message !== null && (
        <div className="notice" role="status" data-testid="entities-message">
          {message}
        </div>
      )}
      {(error ?? loadError) !== null && (
        <div className="form-error" role="alert" data-testid="entities-error">
          {error ?? loadError}
        </div>
      )}
      {data === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : tab === 'suggestions' ? (
        <SuggestionsPanel
          store={store}
          caseId={caseId}
          data={data}
          onAddStatement={() => setPending({ kind: 'statement' })}
        />
      ) : tab === 'duplicates' ? (
        <DuplicatesPanel store={store} caseId={caseId} />
      ) : data.entities.length === 0 ? (
        <EmptyState title={t('entities.emptyTitle')} body={t('entities.emptyBody')}>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => setPending({ kind: 'newEntity' })}
            >
              {t('entities.newEntity')}
            </button>
            <button type="button" onClick={() => setTab('suggestions')}>
              {t('entities.tab.suggestions')}
            </button>
          </div>
        </EmptyState>
      ) : (
        <div className="entities-layout">
          <div className="entities-side">
            <input
              type="search"
              className="entities-filter"
              placeholder={t('entities.list.filter')}
              aria-label={t('entities.list.filter')}
              value={filter}
              autoComplete="off"
              spellCheck={false}
              data-testid="entities-filter"
              onChange={(e) => setFilter(e.target.value)}
            />
            <EntityList
              entities={data.entities}
              filter={filter}
              selected={selected}
              onSelect={setSelected}
            />
          </div>
          <div className="entities-main">
            {entity === undefined ? (
              <p className="muted entities-pick">{t('entities.list.pick')}</p>
            ) : (
              <EntityDetail
                entity={entity}
                data={data}
                onEdit={() => setPending({ kind: 'editEntity', entity })}
                onDelete={() => setPending({ kind: 'deleteEntity', entity })}
                onAddLink={() => setPending({ kind: 'newLink', from: entity })}
                onCite={() =>
                  setPending({
                    kind: 'cite',
                    subject: { entityId: entity.id },
                    what: displayName(entity),
                  })
                }
                onEditLink={(link) => setPending({ kind: 'editLink', link })}
                onDeleteLink={(link) => setPending({ kind: 'deleteLink', link })}
                onCiteLink={(link) =>
                  setPending({ kind: 'cite', subject: { linkId: link.id }, what: linkName(link) })
                }
                onRemoveCitation={(citation) => setPending({ kind: 'removeCitation', citation })}
              />
            )}
          </div>
        </div>
      )}

      {pending?.kind === 'newEntity' && (
        <EntityForm
          onClose={close}
          onSubmit={async (input) => {
            const created = await store.createEntity(caseId, input);
            setSelected(created.id);
            setTab('entities');
          }}
        />
      )}
      {pending?.kind === 'editEntity' && (
        <EntityForm
          initial={pending.entity}
          onClose={close}
          onSubmit={async (input) => {
            await store.updateEntity(pending.entity.id, input);
          }}
        />
      )}
      {pending?.kind === 'deleteEntity' && data !== null && (
        <ConfirmDialog
          title={t('entities.confirmDelete.title')}
          message={t('entities.confirmDelete.message', {
            name: displayName(pending.entity),
            links: String(
              data.links.filter(
                (l) => l.source === pending.entity.id || l.target === pending.entity.id,
              ).length,
            ),
          })}
          confirmLabel={t('entities.confirmDelete.ok')}
          danger
          onCancel={close}
          onConfirm={() => {
            const target = pending.entity;
            close();
            setSelected(null);
            run(
              store.deleteEntity(target.id),
              t('entities.deleted', { name: displayName(target) }),
            );
          }}
        />
      )}
      {(pending?.kind === 'newLink' || pending?.kind === 'editLink') && data !== null && (
        <LinkForm
          store={store}
          caseId={caseId}
          data={data}
          {...(pending.kind === 'newLink' ? { from: pending.from } : { initial: pending.link })}
          onClose={close}
        />
      )}
      {pending?.kind === 'deleteLink' && (
        <ConfirmDialog
          title={t('entities.confirmDeleteLink.title')}
          message={t('entities.confirmDeleteLink.message', { link: linkName(pending.link) })}
          confirmLabel={t('entities.confirmDeleteLink.ok')}
          danger
          onCancel={close}
          onConfirm={() => {
            const target = pending.link;
            close();
            run(store.deleteLink(target.id));
          }}
        />
      )}
      {pending?.kind === 'cite' && data !== null && (
        <CiteDialog
          store={store}
          caseId={caseId}
          data={data}
          subject={pending.subject}
          what={pending.what}
          onClose={close}
        />
      )}
      {pending?.kind === 'removeCitation' && (
        <ConfirmDialog
          title={t('entities.confirmRemoveCitation.title')}
          message={t('entities.confirmRemoveCitation.message', { quote: pending.citation.quote })}
          confirmLabel={t('entities.confirmRemoveCitation.ok')}
          danger
          onCancel={close}
          onConfirm={() => {
            const target = pending.citation;
            close();
            run(store.removeCitation(target.id));
          }}
        />
      )}
      {pending?.kind === 'statement' && (
        <StatementForm
          caseId={caseId}
          onClose={close}
          onDone={() => setMessage(t('entities.statement.added'))}
        />
      )}
    </div>
  );
}
