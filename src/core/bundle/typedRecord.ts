import type { CustodyEntry, EvidenceItem, Page } from '../model';
import { sha256Hex, utf8 } from './bytes';

/**
 * The officer's own typed record (a statement typed into the app, src/core/entities/
 * statement.ts): its "original" is nothing but the text of its one page, written by the
 * officer, not seized. Recognised by both marks the app leaves: the intake custody entry says
 * "Typed statement", and the original's SHA-256 is that of the page text, so a seized text
 * file (whose intake says "Taken in as ...") is never mistaken for one. Returns the text, or
 * null for seized evidence.
 */
export function isTypedRecord(
  item: EvidenceItem,
  pages: readonly Page[],
  custody: readonly CustodyEntry[],
): string | null {
  if (pages.length !== 1) return null;
  const page = pages[0];
  if (page === undefined || page.source !== 'text' || !item.mediaType.startsWith('text/plain'))
    return null;
  const typedIntake = custody.some(
    (c) =>
      c.evidenceId === item.id && c.action === 'intake' && c.details.startsWith('Typed statement'),
  );
  if (!typedIntake) return null;
  // The original text, as stored: corrections change the page, never the original.
  const text = page.ocrText ?? page.text;
  return sha256Hex(utf8(text)) === item.sha256.toLowerCase() ? text : null;
}
