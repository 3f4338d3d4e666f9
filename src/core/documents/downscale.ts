/**
 * How big a page image should be for OCR. Tesseract is tuned for text scanned at about 300 DPI;
 * more pixels cost memory and time without better results, so large scans are brought down to
 * 300 DPI equivalent and every image is capped at MAX_OCR_LONG_EDGE pixels on its long edge,
 * which bounds one page's RGBA buffer to about 70 MB whatever the original.
 */
import type { Dpi } from './imageInfo';

export const OCR_TARGET_DPI = 300;

/** 4200 px is a 14-inch (US legal) page at 300 DPI, the longest common document page. */
export const MAX_OCR_LONG_EDGE = 4200;

/** Resolutions outside this range are placeholders or errors in the file, not measurements. */
const PLAUSIBLE_DPI = { min: 50, max: 10_000 } as const;

export type DownscalePlan = Readonly<{
  /** Target size in pixels, each at least 1. */
  width: number;
  height: number;
  /** Target over original, per axis (they differ only to square non-square fax pixels). */
  scaleX: number;
  scaleY: number;
  /** What decided the size. */
  reason: 'unchanged' | 'dpi' | 'long-edge';
}>;

export type DownscaleInput = Readonly<{ width: number; height: number; dpi?: Dpi }>;

function plausible(dpi: Dpi | undefined): dpi is Dpi {
  return (
    dpi !== undefined &&
    [dpi.x, dpi.y].every(
      (d) => Number.isFinite(d) && d >= PLAUSIBLE_DPI.min && d <= PLAUSIBLE_DPI.max,
    )
  );
}

/**
 * Target pixel size for OCR. Never enlarges an image overall: with a known DPI above 300 it
 * scales to 300; with non-square pixels (a 204 x 98 DPI fax) it stretches the coarse axis to
 * match the fine one, because text squashed to half height is unreadable to OCR; with no usable
 * DPI (phone photos say 72 whatever they show) only the long-edge cap applies.
 */
export function planDownscale(input: DownscaleInput): DownscalePlan {
  const { width, height } = input;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new RangeError(
      `planDownscale: image size ${width} x ${height} is not a positive whole size`,
    );
  let scaleX = 1;
  let scaleY = 1;
  let reason: DownscalePlan['reason'] = 'unchanged';
  if (plausible(input.dpi)) {
    const target = Math.min(OCR_TARGET_DPI, Math.max(input.dpi.x, input.dpi.y));
    scaleX = target / input.dpi.x;
    scaleY = target / input.dpi.y;
    if (Math.abs(scaleX - 1) > 0.01 || Math.abs(scaleY - 1) > 0.01) reason = 'dpi';
    else scaleX = scaleY = 1;
  }
  const longEdge = Math.max(width * scaleX, height * scaleY);
  if (longEdge > MAX_OCR_LONG_EDGE) {
    const cap = MAX_OCR_LONG_EDGE / longEdge;
    scaleX *= cap;
    scaleY *= cap;
    reason = 'long-edge';
  }
  return {
    width: Math.max(1, Math.min(MAX_OCR_LONG_EDGE, Math.round(width * scaleX))),
    height: Math.max(1, Math.min(MAX_OCR_LONG_EDGE, Math.round(height * scaleY))),
    scaleX,
    scaleY,
    reason,
  };
}

/** PDF user space is 72 units per inch. */
export const PDF_POINTS_PER_INCH = 72;

/**
 * The pdf.js scale that renders a page (size in points) at 300 DPI equivalent, capped so its
 * long edge stays within MAX_OCR_LONG_EDGE. Text-layer boxes use the same scale, so a word's box
 * lands on the word in the rendered image.
 */
export function pdfPageScale(widthPt: number, heightPt: number): number {
  if (!(widthPt > 0 && heightPt > 0))
    throw new RangeError(`pdfPageScale: page size ${widthPt} x ${heightPt} pt is not positive`);
  const dpiScale = OCR_TARGET_DPI / PDF_POINTS_PER_INCH;
  return Math.min(dpiScale, MAX_OCR_LONG_EDGE / Math.max(widthPt, heightPt));
}
