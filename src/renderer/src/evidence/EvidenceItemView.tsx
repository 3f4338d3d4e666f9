import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRow, OcrJobRow, PageRow } from '../../../core/db';
import type { Box, CitationId, CustodyEntry, EvidenceId } from '../../../core/model';
import { useSession } from '../vault/session';
import { ItemRecord } from './ItemRecord';
import { JobStatus } from './JobStatus';
import { PageViewer } from './PageViewer';
import type { CiteSelection } from './PageViewer';
import { useOcrQueue } from './useOcrQueue';

/** `#/evidence/<id>/<page>?citation=<id>` or `?highlight=<start>-<end>`, parsed. */
export type EvidenceLocation = Readonly<{
  evidenceId: EvidenceId;
  pageNumber: number;
  citationId?: CitationId;
  highlight?: Readonly<{ start: number; end: number }>;
}>;

export function parseEvidenceHash(hash: string): EvidenceLocation | null {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, id, page] = path.split('/');
  if (view !== 'evidence' || id === undefined || id === '') return null;
  const params = new URLSearchParams(query);
  const number = Number(page ?? '1');
  const citation = params.get('citation');
  const range = /^(\d+)-(\d+)$/.exec(params.get('highlight') ?? '');
  return {
    evidenceId: decodeURIComponent(id) as EvidenceId,
    pageNumber: Number.isInteger(number) && number >= 1 ? number : 1,
    ...(citation ? { citationId: citation as CitationId } : {}),
    ...(range ? { highlight: { start: Number(range[1]), end: Number(range[2]) } } : {}),
  };
}

type Loaded = Readonly<{
  item: EvidenceRow;
  pages: readonly PageRow[];
  custody: readonly CustodyEntry[];
  job: OcrJobRow | undefined;
}>;

type Props = Readonly<{
  location: EvidenceLocation;
  onCite?: (selection: CiteSelection) => void;
}>;

/** One evidence item: a page with its words, the record, the file's metadata and custody. */
export function EvidenceItemView({ location, onCite }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault, revision } = useSession();
  const [queue, snapshot] = useOcrQueue(vault);
  const { store } = queue;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [citationBoxes, setCitationBoxes] = useState<readonly Box[] | undefined>();
  const { evidenceId, pageNumber, citationId } = location;

  // Every opening of a page is a custody event: who looked at which exhibit, and when.
  useEffect(() => {
    store
      .recordView(evidenceId, pageNumber)
      .catch((error: unknown) =>
        setProblem(error instanceof Error ? error.message : String(error)),
      );
  }, [store, evidenceId, pageNumber]);

  useEffect(() => {
    let live = true;
    (async () => {
      const item = await store.item(evidenceId);
      const [pages, custody, jobs] = await Promise.all([
        store.pages(evidenceId),
        store.custody(evidenceId),
        store.jobs(item.caseId),
      ]);
      const job = jobs.filter((j) => j.evidenceId === evidenceId).at(-1);
      if (live) setLoaded({ item, pages, custody, job });
    })().catch((error: unknown) => {
      if (live) setProblem(error instanceof Error ? error.message : String(error));
    });
    return () => {
      live = false;
    };
  }, [store, evidenceId, revision, snapshot.revision]);

  useEffect(() => {
    let live = true;
    setCitationBoxes(undefined);
    if (citationId !== undefined)
      vault.db.citations.get(citationId).then(
        (citation) => live && setCitationBoxes(citation?.boxes),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [vault, citationId]);

  if (problem !== null)
    return (
      <p className="form-error" role="alert">
        {problem}
      </p>
    );
  if (loaded === null) return <p className="muted">{t('app.loading')}</p>;
  const { item, pages, custody, job } = loaded;
  const page = pages.find((p) => p.number === pageNumber);
  const go = (n: number): string => `#/evidence/${item.id}/${n}`;

  return (
    <div className="evidence-item" data-testid="evidence-item">
      <header className="view-header">
        <h1>
          <a href="#/evidence" className="back-link">
            {t('evidence.title')}
          </a>{' '}
          / <span className="mono">{item.exhibitRef}</span>{' '}
          <span className="muted small">{item.fileName}</span>
        </h1>
        <JobStatus job={job} queue={queue} snapshot={snapshot} />
      </header>

      <nav className="page-nav" aria-label={t('evidence.viewer.pages')}>
        <a
          className="button"
          href={go(pageNumber - 1)}
          aria-disabled={pageNumber <= 1}
          onClick={(e) => pageNumber <= 1 && e.preventDefault()}
        >
          {t('evidence.viewer.previous')}
        </a>
        <span data-testid="page-number">
          {t('evidence.viewer.pageOf', { page: String(pageNumber), count: item.pageCount })}
        </span>
        <a
          className="button"
          href={go(pageNumber + 1)}
          aria-disabled={pageNumber >= item.pageCount}
          onClick={(e) => pageNumber >= item.pageCount && e.preventDefault()}
        >
          {t('evidence.viewer.next')}
        </a>
      </nav>

      {pageNumber > item.pageCount ? (
        <p className="form-error">
          {t('evidence.viewer.noSuchPage', { page: String(pageNumber) })}
        </p>
      ) : (
        <PageViewer
          item={item}
          page={page}
          pageNumber={pageNumber}
          {...(citationBoxes ? { highlightBoxes: citationBoxes } : {})}
          {...(location.highlight ? { highlightRange: location.highlight } : {})}
          {...(onCite ? { onCite } : {})}
          onCorrect={async (text) => {
            if (!page) return;
            await store.correctPage(page.id, text);
          }}
        />
      )}

      <div className="evidence-columns">
        <ItemRecord item={item} />
        <section className="panel" aria-labelledby="file-metadata-title">
          <h2 id="file-metadata-title">{t('evidence.detail.fileMetadata')}</h2>
          <dl className="facts" data-testid="file-metadata">
            <dt>{t('evidence.fields.sha256')}</dt>
            <dd className="mono small break">{item.sha256}</dd>
            <dt>{t('evidence.fields.type')}</dt>
            <dd data-testid="file-type">
              {item.mediaType}, {t('evidence.detail.bytes', { count: item.size })}
              {item.nameMediaType !== undefined && (
                <span className="low-note" data-testid="name-type-mismatch">
                  {' '}
                  ·{' '}
                  {t('evidence.detail.nameClaims', {
                    name: item.fileName,
                    claimed: item.nameMediaType,
                    type: item.mediaType,
                  })}
                </span>
              )}
            </dd>
            {Object.entries(item.metadata).map(([key, value]) => (
              <MetadataFact key={key} name={key} value={value} />
            ))}
          </dl>
          {Object.keys(item.metadata).length === 0 && (
            <p className="muted small">{t('evidence.detail.noMetadata')}</p>
          )}
        </section>
      </div>

      <section className="panel wide-panel" aria-labelledby="custody-title">
        <h2 id="custody-title">{t('evidence.detail.custody')}</h2>
        <table className="table" data-testid="custody">
          <thead>
            <tr>
              <th>{t('evidence.custody.at')}</th>
              <th>{t('evidence.custody.action')}</th>
              <th>{t('evidence.custody.actor')}</th>
              <th>{t('evidence.custody.details')}</th>
            </tr>
          </thead>
          <tbody>
            {custody.map((entry) => (
              <tr key={entry.id} data-testid="custody-row" data-action={entry.action}>
                <td className="mono small">{new Date(entry.at).toLocaleString()}</td>
                <td>{t(`evidence.custody.actions.${entry.action}`)}</td>
                <td className="small">
                  {entry.actor.name}
                  <div className="muted">
                    {entry.actor.agency} · {entry.actor.badge}
                  </div>
                </td>
                <td className="small break">{entry.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** A metadata field under its readable name; the stable key (exif.taken...) stays in the tooltip. */
function MetadataFact({ name, value }: Readonly<{ name: string; value: string }>): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <dt title={name}>{t(`evidence.metadata.${name}`, { defaultValue: name })}</dt>
      <dd>{value}</dd>
    </>
  );
}
