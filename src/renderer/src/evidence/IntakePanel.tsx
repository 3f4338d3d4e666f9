import type { DragEvent, ReactNode } from 'react';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeMeta, IntakeOutcome } from '../../../core/intake';
import type { CaseId } from '../../../core/model';
import type { LanguageCode } from '../../../core/ocr';
import { Field, TextAreaField } from '../shell/Field';
import { useSession } from '../vault/session';
import { LanguagePicker, useLanguageName } from './LanguagePicker';
import { ocrQueueFor } from './ocrQueue';
import { PDFJS } from './runtime';

type FileStatus =
  | Readonly<{ state: 'waiting' }>
  | Readonly<{ state: 'working'; phase: string; fraction?: number }>
  | Readonly<{ state: 'done'; outcome: IntakeOutcome }>
  | Readonly<{ state: 'error'; message: string }>;

type Entry = Readonly<{
  key: string;
  file: File;
  status: FileStatus;
  /** This document's OCR languages, when they differ from the batch's. */
  languages?: readonly string[];
}>;

/** Files inside dropped folders, walked with the entries API (folders come as entries only). */
async function filesFromDrop(event: DragEvent): Promise<File[]> {
  const items = [...event.dataTransfer.items];
  const entries = items
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return [...event.dataTransfer.files];
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      files.push(
        await new Promise<File>((resolve, reject) =>
          (entry as FileSystemFileEntry).file(resolve, reject),
        ),
      );
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries returns a folder in batches; an empty batch means the end.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        );
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return files;
}

type Props = Readonly<{ caseId: CaseId }>;

/** Drop or pick files or folders, say who seized them where and when, and take them in. */
export function IntakePanel({ caseId }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [entries, setEntries] = useState<readonly Entry[]>([]);
  const [meta, setMeta] = useState<IntakeMeta>({
    seizedBy: vault.actor.name,
    seizedFrom: '',
    seizedWhere: '',
    description: '',
  });
  const [languages, setLanguages] = useState<readonly string[]>(['eng']);
  const [available, setAvailable] = useState<readonly LanguageCode[]>([]);
  const onAvailable = useCallback((codes: readonly LanguageCode[]): void => {
    setAvailable(codes);
    // A language removed from the machine is no longer any waiting document's choice either.
    if (codes.length === 0) return;
    setEntries((all) =>
      all.some((e) => e.languages?.some((c) => !codes.includes(c as LanguageCode)) === true)
        ? all.map((e) =>
            e.languages === undefined
              ? e
              : { ...e, languages: e.languages.filter((c) => codes.includes(c as LanguageCode)) },
          )
        : all,
    );
  }, []);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const add = (files: readonly File[]): void => {
    setEntries((before) => [
      ...before.filter((e) => e.status.state === 'waiting'),
      ...files.map((file) => ({
        key: `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`,
        file,
        status: { state: 'waiting' } as const,
      })),
    ]);
  };

  const setStatus = (key: string, status: FileStatus): void =>
    setEntries((before) => before.map((e) => (e.key === key ? { ...e, status } : e)));

  const takeIn = async (): Promise<void> => {
    const missing = (['seizedBy', 'seizedFrom', 'seizedWhere'] as const).filter(
      (k) => meta[k].trim() === '',
    );
    if (missing.length > 0) {
      setProblem(
        t('evidence.intake.missingFields', {
          fields: missing.map((k) => t(`evidence.fields.${k}`)).join(', '),
        }),
      );
      return;
    }
    setProblem(null);
    setBusy(true);
    const controller = new AbortController();
    abort.current = controller;
    const queue = ocrQueueFor(vault);
    // One file at a time: hashing and storing stream, so memory holds one file, not the batch.
    for (const entry of entries) {
      if (entry.status.state !== 'waiting') continue;
      if (controller.signal.aborted) break;
      setStatus(entry.key, { state: 'working', phase: t('evidence.intake.phase.hash') });
      try {
        const outcome = await queue.store.intake(
          caseId,
          { name: entry.file.webkitRelativePath || entry.file.name, blob: entry.file },
          meta,
          {
            pdfjs: PDFJS,
            signal: controller.signal,
            languages: entry.languages ?? languages,
            onProgress: (p) =>
              setStatus(entry.key, {
                state: 'working',
                phase: t(`evidence.intake.phase.${p.phase}`),
                ...('total' in p && p.total > 0 ? { fraction: p.done / p.total } : {}),
              }),
          },
        );
        setStatus(entry.key, { state: 'done', outcome });
        if (outcome.kind === 'stored' && outcome.job) queue.kick();
      } catch (error) {
        setStatus(entry.key, {
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    abort.current = null;
    setBusy(false);
  };

  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setDragging(false);
    filesFromDrop(event).then(add, (error: unknown) => setProblem(String(error)));
  };

  const waitingEntries = entries.filter((e) => e.status.state === 'waiting');
  const waiting = waitingEntries.length;
  const noLanguage = waitingEntries.some((e) => (e.languages ?? languages).length === 0);
  const field = (key: 'seizedBy' | 'seizedFrom' | 'seizedWhere') => (
    <Field
      label={t(`evidence.fields.${key}`)}
      value={meta[key]}
      testId={`intake-${key}`}
      required
      onChange={(e) => setMeta({ ...meta, [key]: e.target.value })}
    />
  );

  return (
    <section className="panel evidence-intake" aria-labelledby="intake-title">
      <h2 id="intake-title">{t('evidence.intake.title')}</h2>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="intake-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('evidence.intake.dropHere')}</p>
        <div className="actions">
          <button type="button" onClick={() => filesInput.current?.click()}>
            {t('evidence.intake.pickFiles')}
          </button>
          <button type="button" onClick={() => folderInput.current?.click()}>
            {t('evidence.intake.pickFolder')}
          </button>
        </div>
        <input
          ref={filesInput}
          type="file"
          multiple
          hidden
          data-testid="intake-files"
          onChange={(e) => {
            add([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          data-testid="intake-folder"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            add([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <p className="hint">{t('evidence.intake.formats')}</p>
      </div>

      <div className="intake-fields">
        {field('seizedBy')}
        {field('seizedFrom')}
        <Field
          label={t('evidence.fields.seizedAt')}
          type="datetime-local"
          value={meta.seizedAt ?? ''}
          testId="intake-seizedAt"
          onChange={(e) => {
            const { seizedAt: _old, ...rest } = meta;
            setMeta(e.target.value === '' ? rest : { ...rest, seizedAt: e.target.value });
          }}
        />
        {field('seizedWhere')}
        <TextAreaField
          wide
          label={t('evidence.fields.description')}
          id="intake-description"
          testId="intake-description"
          rows={2}
          value={meta.description}
          onChange={(e) => setMeta({ ...meta, description: e.target.value })}
        />
        <LanguagePicker
          value={languages}
          onChange={setLanguages}
          onAvailable={onAvailable}
          disabled={busy}
        />
      </div>

      {problem !== null && (
        <p className="form-error" role="alert" data-testid="intake-problem">
          {problem}
        </p>
      )}

      {entries.length > 0 && (
        <ul className="intake-files" aria-live="polite" data-testid="intake-list">
          {entries.map((entry) => (
            <IntakeRow
              key={entry.key}
              entry={entry}
              onRemove={
                busy ? undefined : () => setEntries((all) => all.filter((e) => e.key !== entry.key))
              }
              languages={entry.languages ?? languages}
              available={available}
              onLanguages={
                busy
                  ? undefined
                  : (codes) =>
                      setEntries((all) =>
                        all.map((e) => (e.key === entry.key ? { ...e, languages: codes } : e)),
                      )
              }
            />
          ))}
        </ul>
      )}

      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || waiting === 0 || noLanguage}
          data-testid="intake-submit"
          onClick={() => void takeIn()}
        >
          {t('evidence.intake.takeIn', { count: waiting })}
        </button>
        {busy && (
          <button type="button" onClick={() => abort.current?.abort()} data-testid="intake-cancel">
            {t('common.cancel')}
          </button>
        )}
        {!busy && entries.some((e) => e.status.state !== 'waiting') && (
          <button type="button" onClick={() => setEntries([])}>
            {t('evidence.intake.clear')}
          </button>
        )}
      </div>
    </section>
  );
}

type RowProps = Readonly<{
  entry: Entry;
  onRemove: (() => void) | undefined;
  /** The languages this document will be read in: its own, or the batch's. */
  languages: readonly string[];
  available: readonly LanguageCode[];
  onLanguages: ((languages: readonly string[]) => void) | undefined;
}>;

function IntakeRow({ entry, onRemove, languages, available, onLanguages }: RowProps): ReactNode {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const { status } = entry;
  const name = entry.file.webkitRelativePath || entry.file.name;
  let body: ReactNode;
  let kind: string = status.state;
  if (status.state === 'waiting')
    body = (
      <>
        {t('evidence.intake.waiting')}{' '}
        {onLanguages && (
          // Per document: a Thai flyer in a batch of English statements is read in Thai.
          <details className="row-languages">
            <summary data-testid="intake-file-languages">
              {languages.length > 0
                ? languages.map(languageName).join(' + ')
                : t('evidence.languagePicker.none')}
            </summary>
            <span className="language-options">
              {available.map((code) => (
                <label key={code}>
                  <input
                    type="checkbox"
                    checked={languages.includes(code)}
                    data-testid={`intake-file-language-${code}`}
                    onChange={(e) =>
                      onLanguages(
                        available.filter((c) =>
                          c === code ? e.target.checked : languages.includes(c),
                        ),
                      )
                    }
                  />{' '}
                  {languageName(code)}
                </label>
              ))}
            </span>
          </details>
        )}{' '}
        {onRemove && (
          <button
            type="button"
            className="small-button"
            onClick={onRemove}
            aria-label={t('evidence.intake.remove', { name })}
          >
            {t('evidence.intake.removeShort')}
          </button>
        )}
      </>
    );
  else if (status.state === 'working')
    body = (
      <>
        {status.phase}{' '}
        {status.fraction !== undefined && (
          <progress value={status.fraction} max={1} aria-label={name} />
        )}
      </>
    );
  else if (status.state === 'error') body = status.message;
  else {
    const { outcome } = status;
    kind = outcome.kind;
    if (outcome.kind === 'stored')
      body = (
        <a href={`#/evidence/${outcome.item.id}/1`}>
          {t('evidence.intake.stored', { ref: outcome.item.exhibitRef })}
        </a>
      );
    else if (outcome.kind === 'duplicate')
      body = (
        <a href={`#/evidence/${outcome.item.id}/1`}>
          {t('evidence.intake.duplicate', { ref: outcome.item.exhibitRef })}
        </a>
      );
    else
      body = t(`evidence.errors.${outcome.error.code}`, {
        problem: outcome.error.problem,
      });
  }
  return (
    <li className={`intake-file ${kind}`} data-testid="intake-file" data-state={kind}>
      <span className="name">{name}</span>
      <span className="status">{body}</span>
    </li>
  );
}
