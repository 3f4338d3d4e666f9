import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRow, OcrJobRow } from '../../../core/db';
import type { CaseId } from '../../../core/model';
import { EmptyState } from '../shell/EmptyState';
import { useSession } from '../vault/session';
import { JobStatus } from './JobStatus';
import { useOcrQueue } from './runtime/useOcrQueue';

type Props = Readonly<{ caseId: CaseId }>;

/** The case's evidence items with their OCR state, newest exhibit last. */
export function EvidenceList({ caseId }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault, revision } = useSession();
  const [queue, snapshot] = useOcrQueue(vault);
  const [rows, setRows] = useState<{
    items: readonly EvidenceRow[];
    jobs: ReadonlyMap<string, OcrJobRow>;
  } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([queue.store.list(caseId), queue.store.jobs(caseId)]).then(
      ([items, jobs]) => {
        // The latest job of an item is the one that speaks for it.
        if (live) setRows({ items, jobs: new Map(jobs.map((j) => [j.evidenceId, j])) });
      },
      (error: unknown) => live && setProblem(String(error)),
    );
    return () => {
      live = false;
    };
  }, [queue, caseId, revision, snapshot.revision]);

  if (problem !== null) return <p className="form-error">{problem}</p>;
  if (rows === null) return <p className="muted">{t('app.loading')}</p>;
  if (rows.items.length === 0)
    return <EmptyState title={t('evidence.emptyTitle')} body={t('evidence.emptyBody')} />;

  return (
    <table className="table evidence-table" data-testid="evidence-table">
      <thead>
        <tr>
          <th>{t('evidence.fields.exhibitRef')}</th>
          <th>{t('evidence.fields.file')}</th>
          <th>{t('evidence.fields.pages')}</th>
          <th>{t('evidence.fields.seized')}</th>
          <th>{t('evidence.fields.ocr')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.items.map((item) => (
          <tr key={item.id} data-testid="evidence-row" data-exhibit={item.exhibitRef}>
            <td className="mono">
              <a href={`#/evidence/${item.id}/1`} data-testid="evidence-open">
                {item.exhibitRef}
              </a>
            </td>
            <td>
              <div>{item.fileName}</div>
              <div className="muted small mono" title={item.sha256}>
                SHA-256 {item.sha256.slice(0, 16)}…
              </div>
            </td>
            <td>{item.pageCount}</td>
            <td className="small">
              <div>{item.seizedBy}</div>
              <div className="muted">
                {[item.seizedWhere, item.seizedAt].filter(Boolean).join(' · ')}
              </div>
            </td>
            <td>
              <JobStatus job={rows.jobs.get(item.id)} queue={queue} snapshot={snapshot} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
