import { romanizeKhmer } from './khmer';
import { romanizeThai } from './thai';

/**
 * Romanises the Thai (RTGS-like) and Khmer (UNGEGN-like) parts of `text`, leaving Latin and
 * everything else untouched, so one name written in three scripts can be compared.
 */
export function transliterate(text: string): string {
  return romanizeKhmer(romanizeThai(text));
}
