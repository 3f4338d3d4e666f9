import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationSubject, EntityStore } from '../../../core/entities';
import type { CaseId } from '../../../core/model';
import { Dialog } from '../shell/Dialog';
import { CitationPicker } from './CitationPicker';
import { EMPTY_DRAFT, resolveDraft, type CitationDraft } from './citationDraft';
import { errorMessage, type CaseData } from './useCaseData';
import { FormFooter } from '../shell/FormFooter';

type Props = Readonly<{
  store: EntityStore;
  caseId: CaseId;
  data: CaseData;
  subject: CitationSubject;
  /** What is being cited, for the title. */
  what: string;
  /** Called after the write committed (views re-read on their own). */
  onDone?: () => void;
  onClose: () => void;
}>;

/** Adds a citation of an evidence page to an entity or a link. */
export function CiteDialog({
  store,
  caseId,
  data,
  subject,
  what,
  onDone,
  onClose,
}: Props): ReactNode {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CitationDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resolved = resolveDraft(draft, data.pages);
  const problem =
    draft.evidenceId !== '' && !resolved.ok
      ? t(`entities.cite.problem.${resolved.problem}`)
      : undefined;
  return (
    <Dialog title={t('entities.cite.title', { what })} onClose={onClose} testId="cite-dialog">
      <form
        className="form entities-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (busy || !resolved.ok) return;
          setBusy(true);
          store.addCitation(caseId, resolved.input(subject)).then(
            () => {
              onDone?.();
              onClose();
            },
            (e: unknown) => {
              setError(errorMessage(e));
              setBusy(false);
            },
          );
        }}
      >
        <CitationPicker
          evidence={data.evidence}
          pages={data.pages}
          draft={draft}
          onChange={setDraft}
          {...(problem !== undefined ? { problem } : {})}
        />
        <FormFooter
          error={error}
          onCancel={onClose}
          submitLabel={t('entities.cite.save')}
          submitDisabled={busy || !resolved.ok}
          submitTestId="cite-save"
        />
      </form>
    </Dialog>
  );
}
