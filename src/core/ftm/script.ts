import type { Script } from '../model';

/**
 * The writing system of a name, by majority of its letters. Khmer and Thai names are often
 * written next to a Latin transliteration, and matching across scripts needs to know which
 * is which.
 */
export function detectScript(text: string): Script {
  let khmer = 0;
  let thai = 0;
  let latin = 0;
  let other = 0;
  for (const char of text) {
    const c = char.codePointAt(0)!;
    if ((c >= 0x1780 && c <= 0x17ff) || (c >= 0x19e0 && c <= 0x19ff)) khmer++;
    else if (c >= 0x0e00 && c <= 0x0e7f) thai++;
    else if (
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
      (c >= 0x1e00 && c <= 0x1eff)
    )
      latin++;
    else if (/\p{L}/u.test(char)) other++;
  }
  const best = Math.max(khmer, thai, latin, other);
  if (best === 0) return 'other';
  if (khmer === best) return 'khmer';
  if (thai === best) return 'thai';
  if (latin === best) return 'latin';
  return 'other';
}
