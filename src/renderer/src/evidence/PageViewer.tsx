import type { ReactNode } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRow, PageRow } from '../../../core/db';
import { wordsInRange } from '../../../core/intake';
import type { Box, EvidenceId, PageId } from '../../../core/model';
import { useSession } from '../vault/session';
import { pageImage } from './runtime';

/** Below this tesseract confidence (0-100) a word is marked for the reader to check. */
export const LOW_CONFIDENCE = 60;

/** What a citation needs: the page, the words' text and their boxes in page pixels. */
export type CiteSelection = Readonly<{
  evidenceId: EvidenceId;
  pageId: PageId;
  pageNumber: number;
  quote: string;
  boxes: readonly Box[];
}>;

type Props = Readonly<{
  item: EvidenceRow;
  page: PageRow | undefined;
  pageNumber: number;
  /** Boxes to show highlighted (a citation's), in page pixels. */
  highlightBoxes?: readonly Box[];
  /** A character range of the page text to highlight (a search hit). */
  highlightRange?: Readonly<{ start: number; end: number }>;
  onCite?: (selection: CiteSelection) => void;
  onCorrect: (text: string) => Promise<void>;
}>;

const overlaps = (a: Box, b: Box): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * The original page image with the recognised words laid over it: click words (or select text
 * in the page text) to cite them; low-confidence words are marked; the text can be corrected.
 */
export function PageViewer(props: Props): ReactNode {
  const { item, page, pageNumber } = props;
  const { t } = useTranslation();
  const { vault } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    let made: string | null = null;
    setUrl(null);
    setImageError(null);
    pageImage(vault, item, pageNumber).then(
      (image) => {
        if (!live) return;
        made = URL.createObjectURL(new Blob([image.bytes.slice()], { type: image.mediaType }));
        setUrl(made);
      },
      (error: unknown) =>
        live && setImageError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
      // The decrypted page must not outlive the view in a blob URL.
      if (made !== null) URL.revokeObjectURL(made);
    };
  }, [vault, item, pageNumber]);

  useEffect(() => {
    setSelected(new Set());
    setEditing(false);
  }, [page?.id]);

  const highlighted = useMemo(() => {
    const set = new Set<number>();
    if (!page) return set;
    if (props.highlightRange)
      for (const i of wordsInRange(
        page.text,
        page.words,
        props.highlightRange.start,
        props.highlightRange.end,
      ))
        set.add(i);
    if (props.highlightBoxes)
      page.words.forEach((w, i) => {
        if (props.highlightBoxes?.some((b) => overlaps(b, w.box))) set.add(i);
      });
    return set;
  }, [page, props.highlightBoxes, props.highlightRange]);

  const toggle = (index: number): void =>
    setSelected((before) => {
      const next = new Set(before);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  const citeFromText = (): void => {
    const area = textRef.current;
    if (!page || !area || area.selectionStart === area.selectionEnd) return;
    setSelected(
      new Set(wordsInRange(page.text, page.words, area.selectionStart, area.selectionEnd)),
    );
  };

  const cite = (): void => {
    if (!page || selected.size === 0) return;
    const indices = [...selected].sort((a, b) => a - b);
    const words = indices.map((i) => page.words[i]).filter((w) => w !== undefined);
    props.onCite?.({
      evidenceId: item.id,
      pageId: page.id,
      pageNumber,
      quote: words.map((w) => w.text).join(' '),
      boxes: words.map((w) => w.box),
    });
  };

  const save = async (): Promise<void> => {
    setSaveError(null);
    try {
      await props.onCorrect(draft);
      setEditing(false);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const width = page?.width;
  const height = page?.height;
  const lowCount = page?.words.filter((w) => w.confidence < LOW_CONFIDENCE).length ?? 0;

  return (
    <div className="page-viewer">
      <div className="page-image-column">
        <div className="page-image" data-testid="page-image">
          {url !== null && (
            <img
              src={url}
              alt={t('evidence.viewer.imageAlt', {
                page: String(pageNumber),
                ref: item.exhibitRef,
              })}
            />
          )}
          {url === null && imageError === null && <p className="muted">{t('app.loading')}</p>}
          {imageError !== null && <p className="form-error">{imageError}</p>}
          {url !== null && page && width !== undefined && height !== undefined && (
            <div className="word-layer" data-testid="word-layer">
              {page.words.map((word, i) => (
                <span
                  key={i}
                  className={[
                    'word',
                    word.confidence < LOW_CONFIDENCE ? 'low' : '',
                    selected.has(i) ? 'selected' : '',
                    highlighted.has(i) ? 'highlight' : '',
                  ].join(' ')}
                  data-testid="word"
                  data-confidence={Math.round(word.confidence)}
                  title={t('evidence.viewer.wordTitle', {
                    text: word.text,
                    confidence: String(Math.round(word.confidence)),
                  })}
                  style={{
                    left: `${(word.box.x0 / width) * 100}%`,
                    top: `${(word.box.y0 / height) * 100}%`,
                    width: `${((word.box.x1 - word.box.x0) / width) * 100}%`,
                    height: `${((word.box.y1 - word.box.y0) / height) * 100}%`,
                  }}
                  onClick={() => toggle(i)}
                >
                  {word.text}
                </span>
              ))}
            </div>
          )}
        </div>
      </div>

      <div className="page-text-column">
        {!page ? (
          <p className="muted" data-testid="page-pending">
            {t('evidence.viewer.notYet')}
          </p>
        ) : (
          <>
            <div className="page-facts small muted">
              {t(`evidence.viewer.source.${page.source}`)}
              {page.languages && ` · ${page.languages.join('+')}`}
              {lowCount > 0 && (
                <span className="low-note">
                  {' '}
                  · {t('evidence.viewer.lowWords', { count: lowCount })}
                </span>
              )}
            </div>
            {page.textLayer !== undefined && (
              <p className="notice" data-testid="text-layer-doubt">
                {t(`evidence.viewer.textLayerDoubt.${page.textLayer.doubt.code}`, {
                  n: String(page.textLayer.doubt.count),
                  of: String(page.textLayer.doubt.of),
                })}
              </p>
            )}
            <label htmlFor="page-text" className="label">
              {t('evidence.viewer.text')}
            </label>
            <textarea
              id="page-text"
              ref={textRef}
              className="page-text"
              data-testid="page-text"
              readOnly={!editing}
              spellCheck={false}
              value={editing ? draft : page.text}
              onChange={(e) => setDraft(e.target.value)}
              onSelect={editing ? undefined : citeFromText}
            />
            {saveError !== null && <p className="form-error">{saveError}</p>}
            <div className="actions">
              {editing ? (
                <>
                  <button
                    type="button"
                    className="primary"
                    onClick={() => void save()}
                    data-testid="correction-save"
                  >
                    {t('evidence.viewer.saveCorrection')}
                  </button>
                  <button type="button" onClick={() => setEditing(false)}>
                    {t('common.cancel')}
                  </button>
                </>
              ) : (
                <>
                  <button
                    type="button"
                    onClick={() => {
                      setDraft(page.text);
                      setEditing(true);
                      textRef.current?.focus();
                    }}
                    data-testid="correct-text"
                  >
                    {t('evidence.viewer.correct')}
                  </button>
                  <button
                    type="button"
                    disabled={selected.size === 0 || !props.onCite}
                    onClick={cite}
                    data-testid="cite-selection"
                  >
                    {t('evidence.viewer.cite', { count: selected.size })}
                  </button>
                </>
              )}
            </div>
            {page.textLayer !== undefined && (
              <details className="ocr-original" data-testid="text-layer-kept">
                <summary>{t('evidence.viewer.textLayerKept')}</summary>
                <pre>{page.textLayer.text}</pre>
              </details>
            )}
            {page.ocrText !== undefined && page.ocrText !== page.text && (
              <details className="ocr-original" data-testid="ocr-original">
                <summary>{t('evidence.viewer.ocrKept')}</summary>
                <pre>{page.ocrText}</pre>
              </details>
            )}
          </>
        )}
      </div>
    </div>
  );
}
