/**
 * The OCR languages of the documents being taken in: English and Thai ship with the app; any
 * other language (Khmer, Lao, Burmese, Vietnamese...) is added from a .traineddata or
 * .traineddata.gz file. An added file is checked before it is kept, kept for every vault on
 * this machine (it is language data, not case material), and its addition is written to the
 * vault's audit log with the file's SHA-256, so a report can say which model read a page.
 */
import type { ChangeEvent, ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUNDLED_LANGUAGES,
  languageCodeFromFileName,
  recordLanguageAdded,
  recordLanguageRemoved,
} from '../../../core/ocr';
import type { LanguageCode } from '../../../core/ocr';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useSession } from '../vault/session';
import { ocrEngine } from './runtime';

type Props = Readonly<{
  value: readonly string[];
  onChange: (languages: readonly string[]) => void;
  /** Told the languages on offer whenever they change (loaded, added, removed). */
  onAvailable?: (languages: readonly LanguageCode[]) => void;
  disabled?: boolean;
}>;

const isBundled = (code: string): boolean =>
  (BUNDLED_LANGUAGES as readonly string[]).includes(code);

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A language's name in the interface language, or its code when it has none (an added one). */
export function useLanguageName(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => t(`evidence.languages.${code}`, { defaultValue: code });
}

export function LanguagePicker({
  value,
  onChange,
  onAvailable,
  disabled = false,
}: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [available, setAvailable] = useState<readonly LanguageCode[]>([]);
  useEffect(() => onAvailable?.(available), [available, onAvailable]);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [removing, setRemoving] = useState<LanguageCode | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    const engine = ocrEngine();
    void engine.ready().then(() => {
      if (live) setAvailable(engine.languages());
    });
    return () => {
      live = false;
    };
  }, []);

  const name = useLanguageName();

  const toggle = (code: string, on: boolean): void => {
    const next = on ? [...value, code] : value.filter((c) => c !== code);
    // Keep the order languages are listed in: tesseract weighs the first one most.
    onChange(available.filter((c) => next.includes(c)));
  };

  const addFiles = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    setAdding(true);
    setMessage(null);
    const engine = ocrEngine();
    const added: string[] = [];
    let failed = false;
    try {
      for (const file of files) {
        let code: LanguageCode;
        try {
          code = languageCodeFromFileName(file.name);
        } catch {
          throw new Error(t('evidence.languagePicker.badName', { name: file.name }));
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        const hash = await sha256Hex(bytes);
        await engine.addLanguage(code, bytes);
        await recordLanguageAdded(vault, {
          code,
          fileName: file.name,
          bytes: bytes.length,
          sha256: hash,
        });
        added.push(code);
      }
    } catch (error) {
      failed = true;
      setMessage({
        kind: 'error',
        text: t('evidence.languagePicker.refused', {
          problem: error instanceof Error ? error.message : String(error),
        }),
      });
    } finally {
      const codes = engine.languages();
      setAvailable(codes);
      if (added.length > 0) {
        onChange(codes.filter((c) => value.includes(c) || added.includes(c)));
        if (!failed)
          setMessage({
            kind: 'ok',
            text: t('evidence.languagePicker.added', { names: added.map(name).join(', ') }),
          });
      }
      setAdding(false);
    }
  };

  const remove = async (code: LanguageCode): Promise<void> => {
    setRemoving(null);
    const engine = ocrEngine();
    try {
      await engine.removeLanguage(code);
      await recordLanguageRemoved(vault, code);
      setMessage({ kind: 'ok', text: t('evidence.languagePicker.removed', { name: name(code) }) });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: t('evidence.languagePicker.refused', {
          problem: error instanceof Error ? error.message : String(error),
        }),
      });
    }
    const codes = engine.languages();
    setAvailable(codes);
    onChange(value.filter((c) => codes.includes(c as LanguageCode) && c !== code));
  };

  return (
    <fieldset className="language-picker" data-testid="intake-languages" disabled={disabled}>
      <legend>{t('evidence.fields.languages')}</legend>
      <div className="language-options">
        {available.map((code) => (
          <span key={code} className="language-option">
            <label>
              <input
                type="checkbox"
                checked={value.includes(code)}
                onChange={(e) => toggle(code, e.target.checked)}
                data-testid={`intake-language-${code}`}
              />{' '}
              {name(code)}
              {!isBundled(code) && <span className="muted small"> ({code})</span>}
            </label>
            {!isBundled(code) && (
              <button
                type="button"
                className="small-button"
                aria-label={t('evidence.languagePicker.remove', { name: name(code) })}
                data-testid={`intake-language-remove-${code}`}
                onClick={() => setRemoving(code)}
              >
                ×
              </button>
            )}
          </span>
        ))}
        <button
          type="button"
          className="small-button"
          disabled={adding}
          onClick={() => fileInput.current?.click()}
          data-testid="intake-language-add"
        >
          {adding ? t('evidence.languagePicker.adding') : t('evidence.languagePicker.add')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          multiple
          accept=".traineddata,.gz"
          onChange={(e) => void addFiles(e)}
          data-testid="intake-language-file"
        />
      </div>
      {value.length === 0 && (
        <div className="form-error small" role="alert">
          {t('evidence.languagePicker.none')}
        </div>
      )}
      {message !== null && (
        <div
          className={message.kind === 'error' ? 'form-error small' : 'hint'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="intake-language-message"
        >
          {message.text}
        </div>
      )}
      <div className="hint">{t('evidence.languagePicker.hint')}</div>
      {removing !== null && (
        <ConfirmDialog
          title={t('evidence.languagePicker.removeTitle', { name: name(removing) })}
          message={t('evidence.languagePicker.removeMessage', { name: name(removing) })}
          confirmLabel={t('evidence.languagePicker.removeConfirm')}
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        />
      )}
    </fieldset>
  );
}
