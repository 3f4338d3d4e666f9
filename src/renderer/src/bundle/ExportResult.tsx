import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { platform } from '../platform';
import { useSession } from '../vault/session';
import { useTranslation } from 'react-i18next';
import { recordReportPdf, type ExportOutcome } from '../../../core/bundle';
import { primaryName } from '../../../core/model';

type Props = Readonly<{ outcome: Extract<ExportOutcome, { saved: true }> }>;

/** What was saved, the hashes recorded for it, and the pseudonym key for the officer alone. */
export function ExportResult({ outcome }: Props): ReactNode {
  const { t } = useTranslation();
  const { summary } = outcome;
  const ref = useRef<HTMLElement>(null);
  const [pdf, setPdf] = useState<string | null>(null);
  const { vault } = useSession();
  const savePdf = (): void => {
    setPdf(null);
    const suggestedName = outcome.fileName.replace(/\.zip$/i, '') + '-report.pdf';
    const caseId = summary.manifest.case.id;
    platform
      .saveReportPdf({ suggestedName, html: summary.reportHtml })
      .then(async (result) => {
        if (result.kind === 'cancelled') return;
        // The report leaves the vault in the clear, like the bundle: the log says so.
        await recordReportPdf(vault, {
          caseId,
          fileName: outcome.fileName,
          outcome:
            result.kind === 'saved' ? { kind: 'saved', path: result.path } : { kind: 'opened' },
        });
        setPdf(
          result.kind === 'saved'
            ? t('bundle.reportPdfSaved', { path: result.path })
            : t('bundle.reportPdfOpened'),
        );
      })
      .catch((e: unknown) =>
        setPdf(t('common.error', { message: e instanceof Error ? e.message : String(e) })),
      );
  };
  // The result appears below the fold of a long form: bring it into view once. (Braces, not an
  // expression body: newer Chromium returns a promise from scrollIntoView, which React would
  // take for a cleanup function.)
  useEffect(() => {
    void ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const names = new Map(outcome.contents.entities.map((e) => [e.id, primaryName(e.names) ?? '']));
  return (
    <section ref={ref} className="bundle-result" data-testid="bundle-result" aria-live="polite">
      <div className="ok-banner" role="status" data-testid="bundle-saved">
        {outcome.contents.evidence.length > 0
          ? t('bundle.saved', { file: outcome.fileName, count: outcome.contents.evidence.length })
          : t('bundle.savedNoExhibits', { file: outcome.fileName })}
        {outcome.path !== null && <> {t('bundle.savedTo', { path: outcome.path })}</>}
      </div>
      <dl className="bundle-hashes">
        <dt>{t('bundle.zipHash')}</dt>
        <dd className="mono small">{outcome.zipSha256}</dd>
        <dt>{t('bundle.manifestHash')}</dt>
        <dd className="mono small">{summary.manifestSha256}</dd>
        <dt>{t('bundle.keyTitle')}</dt>
        <dd className="mono small">{summary.signer.fingerprint}</dd>
      </dl>
      <p>
        <button type="button" onClick={savePdf} data-testid="bundle-report-pdf">
          {t('bundle.reportPdf')}
        </button>{' '}
        {pdf !== null && (
          <span className="muted" role="status" data-testid="bundle-report-pdf-status">
            {pdf}
          </span>
        )}
      </p>
      {summary.pseudonyms.size > 0 && (
        <details>
          <summary>{t('bundle.pseudonymsTitle')}</summary>
          <ul className="small">
            {[...summary.pseudonyms].map(([id, pseudonym]) => (
              <li key={id}>
                <span className="mono">{pseudonym}</span> = {names.get(id) ?? id}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
