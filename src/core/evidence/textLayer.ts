/**
 * pdf.js text items to words, lines and page text in page-image pixels (top-left origin).
 *
 * pdf.js returns text in drawing order, one item per run of glyphs, which is not reading order:
 * a ledger drawn column by column would come out as a column of dates, then a column of names.
 * Items are therefore grouped into lines by their baseline and ordered left to right, so that a
 * ledger row's cells come out on one line.
 */
import type { Box, TextLayerDoubt, Word } from '../model';

/** The fields of a pdf.js TextItem this module reads. */
export type PdfTextItem = Readonly<{
  str: string;
  /** Text matrix in PDF user space: [a, b, c, d, e, f]. */
  transform: readonly number[];
  /** Advance of the whole run in user space units. */
  width: number;
  fontName: string;
}>;

export type PdfTextStyle = Readonly<{ ascent?: number; descent?: number; vertical?: boolean }>;

export type TextLine = Readonly<{ text: string; box: Box; words: readonly Word[] }>;

export type PageText = Readonly<{
  /** Lines joined with "\n", in reading order. */
  text: string;
  lines: readonly TextLine[];
  /** All words of all lines, in reading order. */
  words: readonly Word[];
}>;

/**
 * Confidence given to text-layer words. The text is what the file encodes, not a recognition,
 * so it carries the top of tesseract's 0-100 scale.
 */
export const TEXT_LAYER_CONFIDENCE = 100;

type Matrix = readonly [number, number, number, number, number, number];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = n;
  return [
    m[0] * a + m[2] * b,
    m[1] * a + m[3] * b,
    m[0] * c + m[2] * d,
    m[1] * c + m[3] * d,
    m[0] * e + m[2] * f + m[4],
    m[1] * e + m[3] * f + m[5],
  ];
}

type Placed = {
  /** The run as pdf.js gave it, with its leading and trailing spaces. */
  str: string;
  words: Word[];
  text: string;
  box: Box;
  /** Baseline position across the text direction, and along it, in page pixels. */
  baseline: number;
  start: number;
  fontHeight: number;
  horizontal: boolean;
};

function boxOf(points: ReadonlyArray<readonly [number, number]>): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function union(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

const round = (b: Box): Box => ({
  x0: Math.round(b.x0 * 10) / 10,
  y0: Math.round(b.y0 * 10) / 10,
  x1: Math.round(b.x1 * 10) / 10,
  y1: Math.round(b.y1 * 10) / 10,
});

function place(
  item: PdfTextItem,
  style: PdfTextStyle | undefined,
  viewport: Matrix,
  scale: number,
): Placed | undefined {
  if (item.str.trim() === '') return undefined;
  const tx = multiply(viewport, item.transform);
  const fontHeight = Math.hypot(tx[2], tx[3]);
  if (!(fontHeight > 0)) return undefined;
  const angle = Math.atan2(tx[1], tx[0]);
  const along: readonly [number, number] = [Math.cos(angle), Math.sin(angle)];
  const up: readonly [number, number] = [Math.sin(angle), -Math.cos(angle)];
  // Fonts without metrics get typical Latin ones: 80% above the baseline, 20% below.
  const ascent = (style?.ascent ?? 0.8) * fontHeight;
  const descent = Math.abs(style?.descent ?? -0.2) * fontHeight;
  const advance = item.width * scale;
  const origin: readonly [number, number] = [tx[4], tx[5]];
  const corners = (t0: number, t1: number) =>
    boxOf(
      [t0, t1].flatMap((t) =>
        [ascent, -descent].map(
          (s) =>
            [
              origin[0] + along[0] * advance * t + up[0] * s,
              origin[1] + along[1] * advance * t + up[1] * s,
            ] as const,
        ),
      ),
    );
  // pdf.js gives one advance per run, not per glyph: a word's share of it is its share of the
  // run's characters. Exact for monospaced text, within a character or two for proportional.
  const chars = [...item.str];
  const words: Word[] = [];
  let i = 0;
  while (i < chars.length) {
    while (i < chars.length && /\s/u.test(chars[i] ?? '')) i++;
    const from = i;
    while (i < chars.length && !/\s/u.test(chars[i] ?? '')) i++;
    if (i > from)
      words.push({
        text: chars.slice(from, i).join(''),
        confidence: TEXT_LAYER_CONFIDENCE,
        box: round(corners(from / chars.length, i / chars.length)),
      });
  }
  const horizontal = Math.abs(along[1]) < 0.1 && style?.vertical !== true;
  return {
    str: item.str,
    words,
    text: words.map((w) => w.text).join(' '),
    box: corners(0, 1),
    baseline: horizontal ? origin[1] : origin[0],
    start: horizontal ? origin[0] : origin[1],
    fontHeight,
    horizontal,
  };
}

/**
 * Words and lines of one page. `viewportTransform` is pdf.js's PageViewport.transform at
 * `scale` (it maps user space to page pixels with a top-left origin, rotation included).
 */
export function layoutPageText(
  items: readonly PdfTextItem[],
  styles: Readonly<Record<string, PdfTextStyle>>,
  viewportTransform: readonly number[],
  scale: number,
): PageText {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = viewportTransform;
  const viewport: Matrix = [a, b, c, d, e, f];
  const placed = items
    .map((item) => place(item, styles[item.fontName], viewport, scale))
    .filter((p): p is Placed => p !== undefined);

  // Horizontal runs are grouped by baseline; a run whose baseline is within half a font height
  // of a line's joins it (sub- and superscripts shift by about a third). Rotated or vertical
  // runs stay lines of their own, in drawing order after the horizontal text.
  const horizontal = placed.filter((p) => p.horizontal).sort((p, q) => p.baseline - q.baseline);
  const groups: Placed[][] = [];
  for (const run of horizontal) {
    const line = groups[groups.length - 1];
    const first = line?.[0];
    if (
      line &&
      first &&
      Math.abs(run.baseline - first.baseline) <= 0.5 * Math.min(run.fontHeight, first.fontHeight)
    )
      line.push(run);
    else groups.push([run]);
  }
  for (const run of placed.filter((p) => !p.horizontal)) groups.push([run]);

  const lines: TextLine[] = groups.map((runs) => {
    const ordered = [...runs].sort((p, q) => p.start - q.start);
    // Runs that touch are one word split by a font or kerning change; runs with a gap are
    // separate words or table cells.
    let text = '';
    const words: Word[] = [];
    ordered.forEach((run, k) => {
      const prev = ordered[k - 1];
      const touching =
        prev !== undefined &&
        !/\s$/u.test(prev.str) &&
        !/^\s/u.test(run.str) &&
        run.box.x0 - prev.box.x1 < 0.15 * run.fontHeight;
      const lastWord = words[words.length - 1];
      const firstWord = run.words[0];
      if (touching && lastWord && firstWord && run.horizontal) {
        words[words.length - 1] = {
          text: lastWord.text + firstWord.text,
          confidence: TEXT_LAYER_CONFIDENCE,
          box: round(union([lastWord.box, firstWord.box])),
        };
        words.push(...run.words.slice(1));
        text += run.text;
      } else {
        words.push(...run.words);
        text += (text === '' ? '' : ' ') + run.text;
      }
    });
    return { text, words, box: round(union(ordered.map((r) => r.box))) };
  });
  return {
    text: lines.map((l) => l.text).join('\n'),
    lines,
    words: lines.flatMap((l) => l.words),
  };
}

/**
 * Share of a page's visible characters that may be private-use before its text layer is doubted:
 * icon fonts put a few there on honest pages; a font without a ToUnicode map puts whole words.
 */
const PRIVATE_USE_SHARE = 0.01;

const isPrivateUse = (cp: number): boolean =>
  (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0x10fffd);

/**
 * Says whether a page's text layer can be trusted. NULs and other C0/C1 control characters and
 * U+FFFD never stand for text a reader sees: one is enough. Private-use code points are doubted
 * beyond a small share. Such a page is OCR'd like a scan instead (a broken ToUnicode map makes
 * a name disappear from search and citations without anyone noticing).
 */
export function doubtOfTextLayer(text: PageText): TextLayerDoubt | undefined {
  let of = 0;
  const counts = { nul: 0, control: 0, replacement: 0, 'private-use': 0 };
  for (const word of text.words)
    for (const ch of word.text) {
      const cp = ch.codePointAt(0) ?? 0;
      of++;
      if (cp === 0) counts.nul++;
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) counts.control++;
      else if (cp === 0xfffd) counts.replacement++;
      else if (isPrivateUse(cp)) counts['private-use']++;
    }
  for (const code of ['nul', 'control', 'replacement'] as const)
    if (counts[code] > 0) return { code, count: counts[code], of };
  const pua = counts['private-use'];
  if (pua > 0 && pua >= Math.max(1, of * PRIVATE_USE_SHARE))
    return { code: 'private-use', count: pua, of };
  return undefined;
}
