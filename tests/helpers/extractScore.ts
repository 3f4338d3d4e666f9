/**
 * Precision and recall of extraction on the prose corpus (tests/fixtures/extract/prose): what
 * the extractor suggests per document, as distinct normalized values, against what a careful
 * reader marked in expected.json. Shared by the unit test and `npm run bench extract`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extract, type Finding } from '../../src/core/extract';
import { normalizeName } from '../../src/core/names';

type Expected = Readonly<{
  person: readonly string[];
  organization: readonly string[];
  place: readonly string[];
  vehicle?: readonly string[];
  wallet?: readonly string[];
  post: Readonly<Record<string, string>>;
}>;

export const SCORED_KINDS = [
  'person',
  'organization',
  'place',
  'vehicle',
  'wallet',
  'post',
] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];
export type Tally = { truePositives: number; found: number; expected: number };
export type Language = 'en' | 'th' | 'km';

export type CorpusScore = Readonly<{
  documents: number;
  characters: number;
  ms: number;
  /** By language and kind, and 'all' languages. */
  tallies: Readonly<Record<Language | 'all', Record<ScoredKind, Tally>>>;
  /** What was missed and what was suggested wrongly, to read when a figure drops. */
  misses: readonly string[];
  wrong: readonly string[];
}>;

const emptyTallies = (): Record<ScoredKind, Tally> =>
  Object.fromEntries(
    SCORED_KINDS.map((k) => [k, { truePositives: 0, found: 0, expected: 0 }]),
  ) as Record<ScoredKind, Tally>;

const distinct = (findings: readonly Finding[], kind: Finding['kind']): Set<string> =>
  new Set(findings.filter((f) => f.kind === kind).map((f) => f.normalized));

/** The corpus the rules were written against, and the one held out from it. */
export const CORPORA = {
  development: new URL('../fixtures/extract/prose/', import.meta.url),
  heldOut: new URL('../fixtures/extract/prose-heldout/', import.meta.url),
} as const;

export function scoreCorpus(dir: URL = CORPORA.development): CorpusScore {
  const expectedAll = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<
    string,
    Expected
  >;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const tallies = {
    en: emptyTallies(),
    th: emptyTallies(),
    km: emptyTallies(),
    all: emptyTallies(),
  };
  const misses: string[] = [];
  const wrong: string[] = [];
  let characters = 0;
  let ms = 0;
  for (const file of files) {
    const want = expectedAll[file];
    if (want === undefined) throw new Error(`${file} has no entry in expected.json`);
    const language = file.slice(0, 2) as Language;
    const text = readFileSync(new URL(file, dir), 'utf8');
    characters += text.length;
    const t0 = performance.now();
    const findings = extract(text);
    ms += performance.now() - t0;
    const count = (kind: ScoredKind, got: Set<string>, expected: Set<string>): void => {
      for (const t of [tallies[language][kind], tallies.all[kind]]) {
        t.found += got.size;
        t.expected += expected.size;
        t.truePositives += [...got].filter((g) => expected.has(g)).length;
      }
      for (const e of expected) if (!got.has(e)) misses.push(`${file} ${kind}: ${e}`);
      for (const g of got) if (!expected.has(g)) wrong.push(`${file} ${kind}: ${g}`);
    };
    const names = (values: readonly string[] | undefined): Set<string> =>
      new Set((values ?? []).map(normalizeName));
    count('person', distinct(findings, 'name'), names(want.person));
    count('organization', distinct(findings, 'organization'), names(want.organization));
    count('place', distinct(findings, 'place'), new Set(want.place));
    count('vehicle', distinct(findings, 'vehicle'), new Set(want.vehicle ?? []));
    count('wallet', distinct(findings, 'wallet'), new Set(want.wallet ?? []));
    // A post counts when the person found carries a position containing the expected words.
    const posts = new Set<string>();
    for (const f of findings)
      if (f.kind === 'name' && f.post !== undefined)
        posts.add(`${f.normalized}|${normalizeName(f.post.position)}`);
    const wantPosts = new Set(
      Object.entries(want.post).map(
        ([who, what]) => `${normalizeName(who)}|${normalizeName(what)}`,
      ),
    );
    const gotPosts = new Set(
      [...posts].map(
        (p) =>
          [...wantPosts].find(
            (w) => p.startsWith(w.split('|')[0] ?? '') && p.includes(w.split('|')[1] ?? '\u0000'),
          ) ?? p,
      ),
    );
    count('post', gotPosts, wantPosts);
  }
  return { documents: files.length, characters, ms, tallies, misses, wrong };
}

export const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
export const precision = (t: Tally): number => ratio(t.truePositives, t.found);
export const recall = (t: Tally): number => ratio(t.truePositives, t.expected);
