import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationRow, LinkRow } from '../../../core/db';
import type { Entity, EntityId } from '../../../core/model';
import { isVictim } from './graphModel';

export type Selection =
  Readonly<{ type: 'node'; id: EntityId }> | Readonly<{ type: 'edge'; id: string }> | null;

type Props = Readonly<{
  selection: Selection;
  entity: Entity | undefined;
  link: LinkRow | undefined;
  citations: readonly CitationRow[];
  /** The selected entity's links, each of which can be opened here (by keyboard too). */
  links: readonly LinkRow[];
  onSelectLink: (id: string) => void;
  labelOf: (id: EntityId) => string;
  protect: boolean;
  pinned: boolean;
  onExpand: (id: EntityId) => void;
  onHide: (id: EntityId) => void;
  onPin: (id: EntityId) => void;
  onPathFrom: (id: EntityId) => void;
}>;

function Citations({ citations }: Readonly<{ citations: readonly CitationRow[] }>): ReactNode {
  const { t } = useTranslation();
  return (
    <section>
      <h3>{t('network.details.citations', { count: citations.length })}</h3>
      {citations.length === 0 ? (
        <p className="muted small">{t('network.details.noCitations')}</p>
      ) : (
        <ul className="network-citations" data-testid="network-citations">
          {citations.map((c) => (
            <li key={c.id}>
              <a href={`#/evidence/${c.evidenceId}/${c.pageNumber}?citation=${c.id}`}>
                {t('network.details.page', { page: String(c.pageNumber) })}
              </a>{' '}
              <span className="muted">“{c.quote}”</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * An entity's links, each opening the link's details and evidence. A link on the canvas is a
 * one-pixel line among thousands; this is how a keyboard user, or anyone, reaches it.
 */
function EntityLinks({
  entity,
  links,
  labelOf,
  onSelect,
}: Readonly<{
  entity: EntityId;
  links: readonly LinkRow[];
  labelOf: (id: EntityId) => string;
  onSelect: (id: string) => void;
}>): ReactNode {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  return (
    <section>
      <h3>{t('network.details.links', { count: links.length })}</h3>
      <ul className="network-entity-links" data-testid="network-entity-links">
        {links.map((l) => {
          const outgoing = l.source === entity;
          const arrow = !l.directed ? '—' : outgoing ? '→' : '←';
          return (
            <li key={l.id}>
              <button
                type="button"
                className="link"
                onClick={() => onSelect(l.id)}
                data-testid="network-entity-link"
              >
                {arrow} {t(`model.linkType.${l.type}`)} {arrow}{' '}
                {labelOf(outgoing ? l.target : l.source)}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What the user selected on the canvas: its details, its evidence, and what to do with it. */
export function DetailsPanel(props: Props): ReactNode {
  const { t } = useTranslation();
  const { selection, entity, link } = props;
  if (selection === null || (entity === undefined && link === undefined))
    return <p className="muted">{t('network.details.none')}</p>;
  if (entity !== undefined) {
    const hideNames = props.protect && isVictim(entity);
    return (
      <div data-testid="network-details">
        <h2>{props.labelOf(entity.id)}</h2>
        <p>
          {t(`model.kind.${entity.kind}`)}
          {entity.roles.length > 0 && ' · '}
          {entity.roles.map((r) => t(`model.role.${r}`)).join(', ')}
        </p>
        {!hideNames && entity.names.length > 1 && (
          <p className="small">
            {t('network.details.aliases')}{' '}
            {entity.names
              .filter((n) => n.primary !== true)
              .map((n) => n.value)
              .join(', ')}
          </p>
        )}
        {hideNames && <p className="notice small">{t('network.details.protected')}</p>}
        {(entity.posts ?? []).map((p, i) => (
          <p key={i} className="small">
            {t('network.details.post', {
              position: p.position,
              agency: p.agency,
              from: p.from ?? '?',
              to: p.to ?? '?',
            })}
          </p>
        ))}
        <div className="row-actions network-actions">
          <button type="button" onClick={() => props.onExpand(entity.id)} data-testid="node-expand">
            {t('network.details.expand')}
          </button>
          <button type="button" onClick={() => props.onHide(entity.id)} data-testid="node-hide">
            {t('network.details.hide')}
          </button>
          <button type="button" onClick={() => props.onPin(entity.id)} data-testid="node-pin">
            {props.pinned ? t('network.details.unpin') : t('network.details.pin')}
          </button>
          <button type="button" onClick={() => props.onPathFrom(entity.id)}>
            {t('network.details.pathFrom')}
          </button>
        </div>
        {!hideNames && <Citations citations={props.citations} />}
        <EntityLinks
          entity={entity.id}
          links={props.links}
          labelOf={props.labelOf}
          onSelect={props.onSelectLink}
        />
      </div>
    );
  }
  const l = link!;
  return (
    <div data-testid="network-details">
      <h2>{t(`model.linkType.${l.type}`)}</h2>
      <p>
        {props.labelOf(l.source)} {l.directed ? '→' : '—'} {props.labelOf(l.target)}
      </p>
      {l.label !== undefined && <p className="small">{l.label}</p>}
      <p className="small">
        {t('network.details.dates', { from: l.from ?? '?', to: l.to ?? '?' })}
        {l.amount !== undefined && ` · ${l.amount} ${l.currency ?? ''}`}
      </p>
      <p className="small">
        {t('network.details.grading', {
          reliability: l.reliability,
          credibility: String(l.credibility),
        })}
      </p>
      <Citations citations={props.citations} />
    </div>
  );
}
