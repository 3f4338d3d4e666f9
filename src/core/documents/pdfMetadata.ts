/** PDF document information as flat, display-ready strings. */

/** Stable keys for the UI to translate; values are shown as they are. */
export const PDF_METADATA_KEYS = {
  title: 'pdf.title',
  author: 'pdf.author',
  subject: 'pdf.subject',
  keywords: 'pdf.keywords',
  creator: 'pdf.creator',
  producer: 'pdf.producer',
  created: 'pdf.created',
  modified: 'pdf.modified',
  pages: 'pdf.pages',
  version: 'pdf.version',
} as const;

/**
 * A PDF date (D:YYYYMMDDHHmmSSOHH'mm') as ISO 8601, keeping the writer's UTC offset because the
 * local time of creation can itself be evidence. Missing parts take the spec's defaults; a
 * string that is not a PDF date is returned trimmed, unchanged, rather than dropped.
 */
export function pdfDateToIso(value: string): string {
  const m =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?$/.exec(
      value.trim(),
    );
  if (m === null) return value.trim();
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (sign === undefined) return local;
  if (sign === 'Z' || sign === 'z') return `${local}Z`;
  return `${local}${sign}${oh}:${om}`;
}

/** The Info dictionary as pdf.js returns it (getMetadata().info), read defensively. */
export function pdfInfoToMetadata(info: unknown, pageCount: number): Record<string, string> {
  const record = (typeof info === 'object' && info !== null ? info : {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const v = record[key];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const out: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  put(PDF_METADATA_KEYS.title, text('Title'));
  put(PDF_METADATA_KEYS.author, text('Author'));
  put(PDF_METADATA_KEYS.subject, text('Subject'));
  put(PDF_METADATA_KEYS.keywords, text('Keywords'));
  put(PDF_METADATA_KEYS.creator, text('Creator'));
  put(PDF_METADATA_KEYS.producer, text('Producer'));
  const created = text('CreationDate');
  const modified = text('ModDate');
  put(PDF_METADATA_KEYS.created, created === undefined ? undefined : pdfDateToIso(created));
  put(PDF_METADATA_KEYS.modified, modified === undefined ? undefined : pdfDateToIso(modified));
  put(PDF_METADATA_KEYS.version, text('PDFFormatVersion'));
  out[PDF_METADATA_KEYS.pages] = String(pageCount);
  return out;
}
