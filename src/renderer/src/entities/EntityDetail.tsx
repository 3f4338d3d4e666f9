import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, propertyValues } from '../../../core/entities';
import type { Citation, Entity, Link } from '../../../core/model';
import { citationHref, type CaseData } from './useCaseData';
import { useFormatSettings } from '../i18n';
import { formatMoney } from '../i18n/format';

type Props = Readonly<{
  entity: Entity;
  data: CaseData;
  onEdit: () => void;
  onDelete: () => void;
  onAddLink: () => void;
  onCite: () => void;
  onEditLink: (link: Link) => void;
  onDeleteLink: (link: Link) => void;
  onCiteLink: (link: Link) => void;
  onRemoveCitation: (citation: Citation) => void;
}>;

/** Everything about one entity: names, roles, values, posts, links and the evidence cited. */
export function EntityDetail(props: Props): ReactNode {
  const { t } = useTranslation();
  const format = useFormatSettings();
  const { entity, data } = props;
  const exhibit = new Map(data.evidence.map((e) => [e.id, e.exhibitRef]));
  const links = data.links.filter((l) => l.source === entity.id || l.target === entity.id);
  const citationsOf = (pred: (c: Citation) => boolean) => data.citations.filter(pred);

  const citationList = (citations: readonly Citation[], testId: string) =>
    citations.length === 0 ? (
      <p className="muted small">{t('entities.detail.noCitations')}</p>
    ) : (
      <ul className="entities-citations" data-testid={testId}>
        {citations.map((c) => (
          <li key={c.id}>
            <a href={citationHref(c)} data-testid="citation-link">
              {t('entities.detail.citationRef', {
                exhibit: exhibit.get(c.evidenceId) ?? '?',
                page: String(c.pageNumber),
              })}
            </a>{' '}
            <q>{c.quote}</q>{' '}
            <button
              type="button"
              className="link"
              aria-label={t('entities.detail.removeCitation')}
              data-testid="citation-remove"
              onClick={() => props.onRemoveCitation(c)}
            >
              {t('entities.detail.remove')}
            </button>
          </li>
        ))}
      </ul>
    );

  const other = (l: Link) => data.byId.get(l.source === entity.id ? l.target : l.source);
  const arrow = (l: Link) => (!l.directed ? '—' : l.source === entity.id ? '→' : '←');

  return (
    <article className="panel entities-detail" data-testid="entity-detail">
      <header className="entities-detail-head">
        <div>
          <div className="muted small">{t(`model.kind.${entity.kind}`)}</div>
          <h2 data-testid="entity-detail-name">{displayName(entity)}</h2>
          <div className="entities-chips">
            {entity.roles.map((r) => (
              <span key={r} className={`entities-chip role-${r}`}>
                {t(`model.role.${r}`)}
              </span>
            ))}
          </div>
        </div>
        <div className="row-actions">
          <button type="button" onClick={props.onEdit} data-testid="entity-edit">
            {t('entities.detail.edit')}
          </button>
          <button type="button" onClick={props.onAddLink} data-testid="entity-add-link">
            {t('entities.detail.addLink')}
          </button>
          <button type="button" onClick={props.onCite} data-testid="entity-cite">
            {t('entities.detail.cite')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={props.onDelete}
            data-testid="entity-delete"
          >
            {t('entities.detail.delete')}
          </button>
        </div>
      </header>
      {entity.names.length > 1 && (
        <section>
          <h3>{t('entities.detail.aliases')}</h3>
          <ul className="entities-aliases" data-testid="entity-aliases">
            {entity.names
              .filter((n) => n.value !== displayName(entity))
              .map((n) => (
                <li
                  key={n.value}
                  lang={n.script === 'khmer' ? 'km' : n.script === 'thai' ? 'th' : undefined}
                >
                  {n.value} <span className="muted small">{t(`entities.script.${n.script}`)}</span>
                </li>
              ))}
          </ul>
        </section>
      )}
      {Object.keys(entity.properties).length > 0 && (
        <dl className="entities-props">
          {Object.entries(entity.properties).map(([k, v]) => (
            <div key={k}>
              <dt>
                {t(`entities.property.${k}` as 'entities.property.number', { defaultValue: k })}
              </dt>
              <dd className="mono">{propertyValues(v).join(', ')}</dd>
            </div>
          ))}
        </dl>
      )}
      {(entity.posts ?? []).length > 0 && (
        <section>
          <h3>{t('entities.form.posts')}</h3>
          <ul>
            {(entity.posts ?? []).map((p, i) => (
              <li key={i}>
                {[p.rank, p.position, p.agency].filter(Boolean).join(', ')}{' '}
                <span className="muted">
                  {t('entities.detail.held', { from: p.from ?? '?', to: p.to ?? '…' })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {entity.roles.includes('victim') && (
        <p>
          <a
            className="button"
            href={`#/exchange?victim=${entity.id}`}
            data-testid="entity-victim-record"
          >
            {t('entities.detail.victimRecord')}
          </a>
        </p>
      )}
      {entity.victim !== undefined && (
        <section>
          <h3>{t('entities.form.victim')}</h3>
          <p>
            {[
              entity.victim.nationality,
              entity.victim.identificationStatus &&
                t(`entities.idStatus.${entity.victim.identificationStatus}`),
              entity.victim.referralStatus &&
                t(`entities.referral.${entity.victim.referralStatus}`),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </section>
      )}
      {entity.notes !== undefined && <p className="entities-notes">{entity.notes}</p>}
      <section>
        <h3>{t('entities.detail.evidence')}</h3>
        {citationList(
          citationsOf((c) => c.entityId === entity.id),
          'entity-citations',
        )}
      </section>
      <section>
        <h3>{t('entities.detail.links')}</h3>
        {links.length === 0 ? (
          <p className="muted small">{t('entities.detail.noLinks')}</p>
        ) : (
          <ul className="entities-links" data-testid="entity-links">
            {links.map((l) => {
              const o = other(l);
              return (
                <li key={l.id} data-testid="link-row">
                  <div className="entities-link-head">
                    <span>
                      {arrow(l)} <strong>{t(`model.linkType.${l.type}`)}</strong>
                      {l.label !== undefined && <span className="muted"> ({l.label})</span>}{' '}
                      {o === undefined ? '?' : displayName(o)}
                    </span>
                    <span className="entities-grade" title={t('entities.link.gradeTitle')}>
                      {l.reliability}
                      {l.credibility}
                    </span>
                    {l.amount !== undefined && (
                      <span className="mono">
                        {formatMoney(l.amount, l.currency ?? '', format)}
                      </span>
                    )}
                    {(l.from !== undefined || l.to !== undefined) && (
                      <span className="muted small">
                        {l.from ?? '?'} – {l.to ?? '…'}
                      </span>
                    )}
                    <span className="row-actions">
                      <button
                        type="button"
                        onClick={() => props.onEditLink(l)}
                        data-testid="link-edit"
                      >
                        {t('entities.detail.edit')}
                      </button>
                      <button
                        type="button"
                        onClick={() => props.onCiteLink(l)}
                        data-testid="link-cite"
                      >
                        {t('entities.detail.cite')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => props.onDeleteLink(l)}
                        data-testid="link-delete"
                      >
                        {t('entities.detail.delete')}
                      </button>
                    </span>
                  </div>
                  {l.notes !== undefined && <p className="muted small">{l.notes}</p>}
                  {citationList(
                    citationsOf((c) => c.linkId === l.id),
                    'link-citations',
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}
