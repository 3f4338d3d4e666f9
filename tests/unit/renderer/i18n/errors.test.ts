import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { CORE_ERROR_KEYS, isTranslatableError } from '../../../../src/core/errors';
import { ExchangeError } from '../../../../src/core/exchange/errors';
import { IntakeError } from '../../../../src/core/documents/errors';
import { VaultNotFoundError, WrongPassphraseError } from '../../../../src/core/vault/errors';
import { en } from '../../../../src/renderer/src/i18n/locales/en';
import { km } from '../../../../src/renderer/src/i18n/locales/km';
import { th } from '../../../../src/renderer/src/i18n/locales/th';
import { errorText } from '../../../../src/renderer/src/vault/errorText';

type Tree = { readonly [key: string]: string | Tree };

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function variables(value: string): string[] {
  return [...new Set([...value.matchAll(/{{\s*([^},\s]+)[^}]*}}/g)].map((m) => m[1] ?? ''))].sort();
}

describe('errors from core, in the user’s language', () => {
  it('every key core raises has a sentence in en, km and th naming only parameters core passes', () => {
    const problems: string[] = [];
    for (const [key, params] of CORE_ERROR_KEYS)
      for (const [lang, tree] of [
        ['en', en],
        ['km', km],
        ['th', th],
      ] as const) {
        const sentence = lookup(tree, `errors.${key}`);
        if (sentence === undefined) problems.push(`${lang}: missing errors.${key}`);
        else {
          // A sentence may leave a parameter out, but may not name one core does not pass.
          const unknown = variables(sentence).filter((v) => !params.includes(v));
          if (unknown.length > 0)
            problems.push(
              `${lang}: errors.${key} names [${unknown.join(',')}], not passed by core`,
            );
        }
      }
    expect(problems).toEqual([]);
    expect(CORE_ERROR_KEYS.size).toBeGreaterThan(40);
  });

  it('core errors carry their key and parameters', () => {
    const errors = [
      new WrongPassphraseError(),
      new VaultNotFoundError('Unit 7'),
      new ExchangeError('badSignature', 'signature does not verify'),
      new IntakeError('truncated', 'ledger.jpg', 'JPEG ends before its end-of-image marker'),
    ];
    for (const error of errors) {
      expect(isTranslatableError(error)).toBe(true);
      if (isTranslatableError(error)) expect(CORE_ERROR_KEYS.has(error.errorKey)).toBe(true);
    }
    expect(isTranslatableError(new Error('plain'))).toBe(false);
  });

  it('reach a Khmer or Thai user translated, the command line keeping the English message', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: en }, km: { translation: km }, th: { translation: th } },
      lng: 'km',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    const notFound = new VaultNotFoundError('Unit 7');
    expect(errorText(i18n.t, notFound)).toBe('គ្មានឃ្លាំងទិន្នន័យឈ្មោះ «Unit 7» នៅលើកុំព្យូទ័រនេះទេ។');
    await i18n.changeLanguage('th');
    expect(errorText(i18n.t, new ExchangeError('notForUs', 'addressed to another agency'))).toBe(
      'แพ็กเกจนี้สร้างขึ้นสำหรับหน่วยงานอื่น',
    );
    expect(errorText(i18n.t, new WrongPassphraseError())).toBe(th.errors.vault.wrongPassphrase);
    expect(notFound.message).toBe('No vault named "Unit 7" exists in this profile.');
  });
});
