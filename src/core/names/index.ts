/**
 * Names across scripts: normalising, romanising Thai and Khmer, keys that ignore word order,
 * and a similarity score with its reasons. Used by extraction, entity resolution and the
 * cross-border victim matching.
 */
export { detectScript, foldDigits, foldLatinDiacritics, normalizeName } from './normalize';
export { transliterate } from './transliterate';
export {
  compareNames,
  jaroWinkler,
  nameKeys,
  nameTokens,
  phoneticFold,
  stripTitles,
  type NameComparison,
} from './compare';
