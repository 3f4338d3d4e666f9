/**
 * The shape a translation must have: every key of the English reference, each a string, so that
 * TypeScript flags a key that a translation leaves out (the missing-key unit test says the same
 * for strings, with the list of keys).
 *
 * Khmer and Thai have a single plural category (`Intl.PluralRules('km'|'th')` gives only
 * `other`), so i18next only ever looks up `key_other` for them: the English `key_one` (and any
 * `_zero`/`_two`/`_few`/`_many`) is dropped from the shape a single-form language must follow.
 */
type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many';

export type SingleFormTranslation<T> = {
  [K in keyof T as K extends `${string}_${PluralCategory}` ? never : K]: T[K] extends string
    ? string
    : SingleFormTranslation<T[K]>;
};
