import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcrJobRow } from '../../../core/db';
import type { OcrQueue, QueueSnapshot } from '../../../core/evidence';

type Props = Readonly<{
  job: OcrJobRow | undefined;
  queue: OcrQueue;
  snapshot: QueueSnapshot;
}>;

/** An item's OCR state: progress with Cancel while it runs, Resume after a stop or failure. */
export function JobStatus({ job, queue, snapshot }: Props): ReactNode {
  const { t } = useTranslation();
  if (!job) return <span className="muted">{t('evidence.ocr.textLayer')}</span>;
  const progress = snapshot.progress.get(job.id);
  const running = snapshot.running === job.id && progress !== undefined;
  const resume = (): void => {
    void queue.store.queueOcr(job.evidenceId, job.languages).then(() => queue.kick());
  };
  return (
    <div
      className="job-status"
      data-testid="job-status"
      data-status={running ? 'running' : job.status}
    >
      {running ? (
        <>
          <div>
            {t('evidence.ocr.running', {
              done: String(progress.pagesDone),
              count: progress.pageCount,
              percent: String(Math.round(progress.overall * 100)),
            })}
          </div>
          <progress
            value={progress.overall}
            max={1}
            aria-label={t('evidence.ocr.overall')}
            data-testid="job-progress"
          />
          {progress.page !== undefined && (
            <div className="muted small">
              {t('evidence.ocr.page', {
                page: String(progress.page),
                percent: String(Math.round((progress.pageProgress ?? 0) * 100)),
              })}
            </div>
          )}
          <button
            type="button"
            className="small-button"
            onClick={() => queue.cancel(job.id)}
            data-testid="job-cancel"
          >
            {t('common.cancel')}
          </button>
        </>
      ) : (
        <>
          <span className={`status-${job.status}`}>
            {t(`evidence.ocr.status.${job.status}`)} · {job.languages.join('+')}
          </span>
          {job.status === 'failed' && job.error !== undefined && (
            <div className="form-error small">{job.error}</div>
          )}
          {(job.status === 'cancelled' || job.status === 'failed') && (
            <button
              type="button"
              className="small-button"
              onClick={resume}
              data-testid="job-resume"
            >
              {t('evidence.ocr.resume')}
            </button>
          )}
          {job.status === 'queued' && (
            <button type="button" className="small-button" onClick={() => queue.cancel(job.id)}>
              {t('common.cancel')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
