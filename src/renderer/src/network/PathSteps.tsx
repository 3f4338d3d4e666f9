import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationRow } from '../../../core/db';
import type { GraphPath } from '../../../core/graph';
import type { EntityId } from '../../../core/model';

type Props = Readonly<{
  path: GraphPath;
  labelOf: (id: EntityId) => string;
  citationsOfLink: (linkId: string) => readonly CitationRow[];
}>;

/** A path, one step per line: who, the link's type and dates, who next, and its evidence. */
export function PathSteps({ path, labelOf, citationsOfLink }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <ol className="network-path" data-testid="network-path">
      {path.steps.map((step) => {
        const citations = citationsOfLink(step.linkId);
        const arrow =
          step.direction === 'forward' ? '→' : step.direction === 'backward' ? '←' : '—';
        const dates =
          step.linkFrom !== undefined || step.linkTo !== undefined
            ? ` (${step.linkFrom ?? '?'}${step.linkTo !== undefined && step.linkTo !== step.linkFrom ? ` – ${step.linkTo}` : ''})`
            : '';
        return (
          <li key={step.linkId} data-testid="network-path-step">
            {labelOf(step.from)} {arrow} <strong>{t(`model.linkType.${step.type}`)}</strong>
            {dates} {arrow} {labelOf(step.to)}{' '}
            <span className="muted small">
              {step.reliability}
              {step.credibility}
            </span>{' '}
            {citations.length === 0 ? (
              <span className="muted small">{t('network.path.noEvidence')}</span>
            ) : (
              citations.map((c) => (
                <a
                  key={c.id}
                  className="small"
                  href={`#/evidence/${c.evidenceId}/${c.pageNumber}?citation=${c.id}`}
                >
                  {t('network.details.page', { page: String(c.pageNumber) })}
                </a>
              ))
            )}
            {step.passedOver !== undefined && (
              <span className="muted small" data-testid="network-path-preferred">
                {' '}
                ({t('network.path.preferred', { count: step.passedOver })})
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
