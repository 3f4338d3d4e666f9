import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CsvImportCancelled,
  FIELDS,
  guessMapping,
  importCsv,
  listMappings,
  previewCsv,
  REQUIRED_FIELDS,
  saveMapping,
  type CsvImportProgress,
  type CsvImportReport,
  type CsvPreview,
} from '../../../core/csvimport';
import type { CsvImportKind, ImportMappingRow } from '../../../core/csvimport';
import type { CaseId } from '../../../core/model';
import { Field } from '../shell/Field';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';

type Props = Readonly<{ caseId: CaseId }>;
type FieldKey =
  | 'caller'
  | 'receiver'
  | 'start'
  | 'duration'
  | 'location'
  | 'from'
  | 'to'
  | 'amount'
  | 'currency'
  | 'date'
  | 'reference';

/**
 * CSV import: choose the kind and the file, check the guessed columns against a preview (or
 * pick a saved mapping), import with progress and cancel, then read the report of malformed
 * rows by line number.
 */
export function CsvImportPanel({ caseId }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const id = useId();
  const [kind, setKind] = useState<CsvImportKind>('calls');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<ImportMappingRow[]>([]);
  const [mappingName, setMappingName] = useState('');
  const [region, setRegion] = useState('KH');
  const [exhibitRef, setExhibitRef] = useState('');
  const [progress, setProgress] = useState<CsvImportProgress | null>(null);
  const [report, setReport] = useState<{
    report: CsvImportReport;
    file: string;
    kind: CsvImportKind;
  } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    listMappings(vault, kind).then(
      (rows) => live && setSaved(rows),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [vault, kind, message]);

  // Leaving the view cancels an import under way rather than letting it run unseen.
  useEffect(() => () => abort.current?.abort(), []);

  const choose = async (input: HTMLInputElement, k = kind): Promise<void> => {
    const picked = input.files?.[0] ?? null;
    setMessage(null);
    setReport(null);
    setFile(picked);
    if (!picked) return;
    try {
      const p = await previewCsv(picked);
      setPreview(p);
      setMapping(guessMapping(k, p.headers));
      setExhibitRef((ref) => ref || picked.name.replace(/\.[^.]+$/, ''));
    } catch (e) {
      setMessage({ ok: false, text: errorText(t, e) });
    }
  };

  const start = async (): Promise<void> => {
    if (!file || !preview) return;
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    setReport(null);
    setProgress({ phase: 'storing', bytes: 0, totalBytes: file.size, rows: 0 });
    try {
      const result = await importCsv(vault, {
        caseId,
        kind,
        source: file,
        fileName: file.name,
        mapping,
        delimiter: preview.delimiter,
        ...(region.trim() ? { defaultRegion: region.trim().toUpperCase() } : {}),
        exhibitRef,
        signal: controller.signal,
        onProgress: setProgress,
      });
      setReport({ report: result, file: file.name, kind });
      setFile(null);
      setPreview(null);
      setInputKey((k) => k + 1);
    } catch (e) {
      setMessage({
        ok: false,
        text: e instanceof CsvImportCancelled ? t('exchange.csv.cancelled') : errorText(t, e),
      });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const storeMapping = async (): Promise<void> => {
    try {
      const row = await saveMapping(vault, { name: mappingName, kind, columns: mapping });
      setMessage({ ok: true, text: t('exchange.csv.mappingSaved', { name: row.name }) });
      setMappingName('');
    } catch (e) {
      setMessage({ ok: false, text: errorText(t, e) });
    }
  };

  const percent =
    progress && progress.totalBytes > 0
      ? Math.round((progress.bytes / progress.totalBytes) * 100)
      : 0;
  const required = REQUIRED_FIELDS[kind];
  const missing = required.some((f) => !mapping[f]);

  return (
    <section
      className="panel exchange-wide"
      aria-labelledby="csv-heading"
      data-testid="csv-import-panel"
    >
      <h2 id="csv-heading">{t('exchange.csv.heading')}</h2>
      <p className="muted">{t('exchange.csv.intro')}</p>
      <div className="exchange-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('exchange.csv.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            data-testid="csv-kind"
            disabled={progress !== null}
            onChange={(e) => {
              const k = e.currentTarget.value as CsvImportKind;
              setKind(k);
              if (preview) setMapping(guessMapping(k, preview.headers));
            }}
          >
            <option value="calls">{t('exchange.csv.kinds.calls')}</option>
            <option value="transactions">{t('exchange.csv.kinds.transactions')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('exchange.csv.file')}</label>
          <input
            key={inputKey}
            id={`${id}-file`}
            type="file"
            accept=".csv,.txt,text/csv"
            data-testid="csv-file"
            disabled={progress !== null}
            onChange={(e) => void choose(e.currentTarget)}
          />
        </div>
      </div>

      {preview && file && (
        <>
          <h3>{t('exchange.csv.preview', { file: file.name })}</h3>
          <div className="exchange-preview">
            <table className="table small" data-testid="csv-preview">
              <thead>
                <tr>
                  <th>{t('exchange.csv.line')}</th>
                  {preview.headers.map((h, i) => (
                    <th key={i}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line}>
                    <td className="mono">{r.line}</td>
                    {r.fields.map((f, i) => (
                      <td key={i}>{f}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('exchange.csv.mapping')}</h3>
          {saved.length > 0 && (
            <div className="field">
              <label htmlFor={`${id}-saved`}>{t('exchange.csv.savedMappings')}</label>
              <select
                id={`${id}-saved`}
                value=""
                data-testid="csv-saved-mapping"
                onChange={(e) => {
                  const row = saved.find((s) => s.id === e.currentTarget.value);
                  if (row) setMapping({ ...row.columns });
                }}
              >
                <option value="">{t('exchange.csv.useSaved')}</option>
                {saved.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="exchange-mapping">
            {FIELDS[kind].map((field) => {
              const label = t(`exchange.csv.field.${field as FieldKey}`);
              return (
                <div className="field" key={field}>
                  <label htmlFor={`${id}-map-${field}`}>
                    {required.includes(field)
                      ? t('exchange.csv.required', { field: label })
                      : label}
                  </label>
                  <select
                    id={`${id}-map-${field}`}
                    data-testid={`csv-map-${field}`}
                    value={mapping[field] ?? ''}
                    onChange={(e) => {
                      const header = e.currentTarget.value;
                      setMapping((m) => {
                        const next = { ...m };
                        if (header) next[field] = header;
                        else delete next[field];
                        return next;
                      });
                    }}
                  >
                    <option value="">{t('exchange.csv.noColumn')}</option>
                    {preview.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
          <div className="exchange-row">
            <Field
              label={t('exchange.csv.mappingName')}
              value={mappingName}
              testId="csv-mapping-name"
              onChange={(e) => setMappingName(e.currentTarget.value)}
            />
            <button
              type="button"
              disabled={mappingName.trim() === ''}
              onClick={() => void storeMapping()}
              data-testid="csv-save-mapping"
            >
              {t('exchange.csv.saveMapping')}
            </button>
          </div>
          <div className="exchange-row">
            {kind === 'calls' && (
              <Field
                label={t('exchange.csv.region')}
                hint={t('exchange.csv.regionHint')}
                value={region}
                maxLength={2}
                testId="csv-region"
                onChange={(e) => setRegion(e.currentTarget.value)}
              />
            )}
            <Field
              label={t('exchange.csv.exhibitRef')}
              value={exhibitRef}
              testId="csv-exhibit-ref"
              onChange={(e) => setExhibitRef(e.currentTarget.value)}
            />
          </div>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={missing || progress !== null}
              data-testid="csv-import"
              onClick={() => void start()}
            >
              {t('exchange.csv.import')}
            </button>
          </div>
        </>
      )}

      {progress && (
        <div className="exchange-progress" data-testid="csv-progress">
          <progress
            max={100}
            value={percent}
            aria-label={t(`exchange.csv.phase.${progress.phase}`)}
          />
          <span className="small" role="status">
            {t('exchange.csv.progress', {
              phase: t(`exchange.csv.phase.${progress.phase}`),
              rows: progress.rows.toLocaleString(),
              percent: String(percent),
            })}
          </span>
          <button type="button" data-testid="csv-cancel" onClick={() => abort.current?.abort()}>
            {t('exchange.csv.cancel')}
          </button>
        </div>
      )}
      {message && (
        <p
          className={message.ok ? 'ok-banner' : 'form-error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="csv-message"
        >
          {message.text}
        </p>
      )}
      {report && (
        <div data-testid="csv-report">
          <p className="ok-banner" role="status" data-testid="csv-done">
            {t('exchange.csv.done', {
              imported: String(report.report.imported),
              rows: String(report.report.rows),
              file: report.file,
              created: String(report.report.entitiesCreated),
              joined: String(report.report.entitiesJoined),
              kindName:
                report.kind === 'calls' ? t('exchange.csv.phones') : t('exchange.csv.accounts'),
              links: String(report.report.links),
            })}
          </p>
          {report.report.problemCount > 0 && (
            <div className="warning">
              <p>{t('exchange.csv.problems', { count: report.report.problemCount })}</p>
              <ul className="exchange-problems">
                {report.report.problems.slice(0, 200).map((p) => (
                  <li key={p.line} data-testid="csv-problem">
                    {t('exchange.csv.problem', { line: String(p.line), message: p.message })}
                  </li>
                ))}
              </ul>
              {report.report.problemCount > 200 && (
                <p>{t('exchange.csv.moreProblems', { count: report.report.problemCount - 200 })}</p>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
