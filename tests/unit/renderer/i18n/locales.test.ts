import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../../src/renderer/src/i18n/locales/en';
import { km } from '../../../../src/renderer/src/i18n/locales/km';
import { th } from '../../../../src/renderer/src/i18n/locales/th';

/**
 * Khmer and Thai must be complete: every English key present, not empty, not left in English,
 * with the same {{variables}}. Each failure lists every offending key, so that a top-up pass
 * after others add English strings knows exactly what to translate.
 */

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Codes, names and formats that stay as they are in every language. */
const KEPT_TOKENS = new Set([
  'Ringtrace',
  'SHA-256',
  'PDF',
  'FtM',
  'CSV',
  'OCR',
  'IBAN',
  'PageRank',
  'GPS',
  'UTC',
  'PNG',
  'SVG',
  'JPEG',
  'TIFF',
  'WebP',
  'BMP',
  'UTF-8',
  'JSON',
  'FollowTheMoney',
  'OCCRP',
  'Aleph',
  'ILO',
  'KH',
  'TH',
  'Alt',
  'Enter',
  'English',
  'tesseract',
  'traineddata',
  'traineddata.gz',
  'khm.traineddata',
  'code',
  'zip',
  'json',
  'rtx',
  'lines',
  'abcd',
  'YYYY',
  'YYYY-MM-DD',
  'MM',
  'DD',
  'V-001',
  'V-002',
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'F6',
  'KH-2024-017',
  'TH-2567-017',
  'number',
]);

function variables(value: string): string[] {
  return [...value.matchAll(/{{\s*([^},\s]+)[^}]*}}/g)].map((m) => m[1] ?? '').sort();
}

/** The Latin-script words of a string outside its {{variables}}: English left behind shows here. */
function latinWords(value: string): string[] {
  return [
    ...value.replace(/{{[^}]*}}/g, ' ').matchAll(/[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*/g),
  ]
    .map((m) => m[0])
    .filter((w) => !KEPT_TOKENS.has(w));
}

function problemsOf(name: string, translation: Tree): string[] {
  const source = flatten(en);
  const target = flatten(translation);
  const problems: string[] = [];
  const expected = new Set<string>();
  for (const [key, english] of source) {
    // Khmer and Thai have only the plural category `other` (checked below), so a plural key
    // needs just its `_other` form.
    const wanted = PLURAL.test(key) ? key.replace(PLURAL, '_other') : key;
    if (expected.has(wanted)) continue;
    expected.add(wanted);
    const reference = source.get(wanted) ?? english;
    const value = target.get(wanted);
    if (value === undefined) {
      problems.push(`${name}: missing ${wanted} (en: ${JSON.stringify(reference)})`);
      continue;
    }
    if (value.trim() === '') problems.push(`${name}: empty ${wanted}`);
    else if (value === reference && latinWords(value).length > 0)
      problems.push(`${name}: ${wanted} is left in English: ${JSON.stringify(value)}`);
    const a = variables(reference).join(',');
    const b = variables(value).join(',');
    if (a !== b) problems.push(`${name}: ${wanted} has variables [${b}] where English has [${a}]`);
  }
  for (const key of target.keys())
    if (!expected.has(key)) problems.push(`${name}: ${key} is not a key of English (stale?)`);
  return problems;
}

describe('Khmer and Thai locales', () => {
  it('have every English key, none empty, none left in English, with the same variables', () => {
    expect([...problemsOf('km', km), ...problemsOf('th', th)]).toEqual([]);
  });

  it('carry no English words beyond names, codes and file formats', () => {
    const leftovers: string[] = [];
    for (const [name, tree] of [
      ['km', km],
      ['th', th],
    ] as const)
      for (const [key, value] of flatten(tree))
        for (const word of latinWords(value)) leftovers.push(`${name}: ${key}: "${word}"`);
    expect(leftovers).toEqual([]);
  });

  it('need only the `other` plural form, which i18next picks for every count', async () => {
    expect(new Intl.PluralRules('km').resolvedOptions().pluralCategories).toEqual(['other']);
    expect(new Intl.PluralRules('th').resolvedOptions().pluralCategories).toEqual(['other']);
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: en }, km: { translation: km }, th: { translation: th } },
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    expect(i18n.t('bundle.pages', { lng: 'km', count: 1 })).toBe('1 ទំព័រ');
    expect(i18n.t('bundle.pages', { lng: 'km', count: 7 })).toBe('7 ទំព័រ');
    expect(i18n.t('bundle.pages', { lng: 'th', count: 1 })).toBe('1 หน้า');
    expect(i18n.t('bundle.pages', { lng: 'en', count: 1 })).toBe('1 page');
    expect(i18n.t('network.details.links', { lng: 'th', count: 2 })).toBe('2 ความเชื่อมโยง');
  });
});

interface GlossaryRow {
  en: string;
  km: string;
  th: string;
  checked: boolean;
}

function glossary(): GlossaryRow[] {
  const text = readFileSync(join(__dirname, '../../../../docs/glossary.md'), 'utf8');
  return text
    .split('\n')
    .filter(
      (line) => line.startsWith('| ') && !line.startsWith('| English') && !line.startsWith('| ---'),
    )
    .map((line) => {
      const [termEn = '', termKm = '', termTh = '', checked = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      return { en: termEn, km: termKm, th: termTh, checked: checked === 'yes' };
    });
}

describe('the glossary (docs/glossary.md)', () => {
  const rows = glossary();

  it('has a Khmer and a Thai term for every English one', () => {
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(row.km, row.en).toMatch(/\p{Script=Khmer}/u);
      expect(row.th, row.en).toMatch(/\p{Script=Thai}/u);
    }
  });

  it('is followed: a string that uses a checked English term uses its Khmer and Thai terms', () => {
    const source = flatten(en);
    const translations = { km: flatten(km), th: flatten(th) };
    const inconsistent: string[] = [];
    const checked = rows.filter((r) => r.checked);
    const termPattern = (term: string): RegExp =>
      new RegExp(`\\b${term.replace(/ /g, '\\s+')}(?:s|es)?\\b`, 'gi');
    for (const row of checked) {
      const pattern = termPattern(row.en);
      // A longer term that contains this one ("evidence item", "evidence bundle") has its own
      // translation, so its occurrences do not count for the shorter one.
      const longer = checked.filter((r) => r.en !== row.en && r.en.includes(row.en));
      for (const [key, source_] of source) {
        let english = source_.replace(/{{[^}]*}}/g, ' ');
        for (const other of longer) english = english.replace(termPattern(other.en), ' ');
        pattern.lastIndex = 0;
        if (!pattern.test(english)) continue;
        const wanted = PLURAL.test(key) ? key.replace(PLURAL, '_other') : key;
        for (const lang of ['km', 'th'] as const) {
          const value = translations[lang].get(wanted);
          const term = row[lang];
          if (value !== undefined && !value.includes(term))
            inconsistent.push(
              `${lang}: ${wanted} translates "${row.en}" without "${term}": ${value}`,
            );
        }
      }
    }
    expect(inconsistent).toEqual([]);
  });
});
