import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, type CitationSubject } from '../../../core/entities';
import type { CaseId } from '../../../core/model';
import type { CiteSelection } from '../evidence/PageViewer';
import { Dialog } from '../shell/Dialog';
import { errorMessage, useCaseData, useEntityStore } from './useCaseData';
import { FormFooter } from '../shell/FormFooter';

type Props = Readonly<{
  selection: CiteSelection;
  caseId: CaseId;
  onClose: () => void;
  /** Called with what was cited and the place to open it. */
  onCited: (what: string, href: string) => void;
}>;

/** Words selected on an evidence page become a citation for an entity or a link of the case. */
export function CiteSelectionDialog({ selection, caseId, onClose, onCited }: Props): ReactNode {
  const { t } = useTranslation();
  const store = useEntityStore();
  const { data, error: loadError } = useCaseData(caseId);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();

  const name = (id: string): string => {
    const entity = data?.entities.find((e) => e.id === id);
    return entity ? displayName(entity) : id;
  };
  const subjectOf = (
    value: string,
  ): { subject: CitationSubject; what: string; href: string } | null => {
    const [kind, id] = value.split(':');
    if (kind === 'entity' && id) {
      const entity = data?.entities.find((e) => e.id === id);
      if (!entity) return null;
      return {
        subject: { entityId: entity.id },
        what: displayName(entity),
        href: `#/entities/${entity.id}`,
      };
    }
    if (kind === 'link' && id) {
      const link = data?.links.find((l) => l.id === id);
      if (!link) return null;
      const what = t('entities.citeSelection.linkLabel', {
        source: name(link.source),
        type: t(`model.linkType.${link.type}`),
        target: name(link.target),
      });
      return {
        subject: { linkId: link.id },
        what,
        href: `#/entities/${link.source}?link=${link.id}`,
      };
    }
    return null;
  };
  const chosen = subjectOf(choice);
  const empty = data !== null && data.entities.length === 0 && data.links.length === 0;

  return (
    <Dialog
      title={t('entities.citeSelection.title')}
      onClose={onClose}
      testId="cite-selection-dialog"
    >
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (busy || chosen === null) return;
          setBusy(true);
          setError(null);
          store
            .addCitation(caseId, {
              subject: chosen.subject,
              evidenceId: selection.evidenceId,
              pageId: selection.pageId,
              pageNumber: selection.pageNumber,
              quote: selection.quote,
              boxes: selection.boxes,
            })
            .then(
              () => {
                onCited(chosen.what, chosen.href);
                onClose();
              },
              (e: unknown) => {
                setError(errorMessage(e));
                setBusy(false);
              },
            );
        }}
      >
        <p className="intro">
          {t('entities.citeSelection.intro', {
            page: String(selection.pageNumber),
            quote: selection.quote,
          })}
        </p>
        {empty ? (
          <p className="muted">{t('entities.citeSelection.noSubjects')}</p>
        ) : (
          <div className="field">
            <label htmlFor={selectId}>{t('entities.citeSelection.subject')}</label>
            <select
              id={selectId}
              value={choice}
              autoFocus
              data-testid="cite-selection-subject"
              onChange={(e) => setChoice(e.target.value)}
            >
              <option value="">{t('entities.citeSelection.chooseSubject')}</option>
              <optgroup label={t('entities.citeSelection.entitiesGroup')}>
                {(data?.entities ?? []).map((entity) => (
                  <option key={entity.id} value={`entity:${entity.id}`}>
                    {displayName(entity)} ({t(`model.kind.${entity.kind}`)})
                  </option>
                ))}
              </optgroup>
              {(data?.links.length ?? 0) > 0 && (
                <optgroup label={t('entities.citeSelection.linksGroup')}>
                  {(data?.links ?? []).map((link) => (
                    <option key={link.id} value={`link:${link.id}`}>
                      {t('entities.citeSelection.linkLabel', {
                        source: name(link.source),
                        type: t(`model.linkType.${link.type}`),
                        target: name(link.target),
                      })}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
        )}
        <FormFooter
          error={error ?? loadError}
          onCancel={onClose}
          submitLabel={t('entities.citeSelection.save')}
          submitDisabled={busy || chosen === null}
          submitTestId="cite-selection-save"
        />
      </form>
    </Dialog>
  );
}
