/**
 * Extraction bench: precision and recall of people, organisations, places, plates, wallets
 * and officials' posts on the prose corpus (news reports and police statements in English,
 * Thai and Khmer, tests/fixtures/extract/prose), per language, against what a careful reader
 * marked; and the same on a held-out corpus written after the rules were frozen and never
 * used to change them (tests/fixtures/extract/prose-heldout), the fairer figure. Then
 * throughput on the corpus repeated. Targets on the corpus: person recall >= 0.95,
 * organisation recall >= 0.8, precision >= 0.9 of everything suggested as a person or
 * organisation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { BenchResult } from './types';
import { extract } from '../src/core/extract';
import {
  CORPORA,
  precision,
  recall,
  scoreCorpus,
  SCORED_KINDS,
  type CorpusScore,
  type Tally,
} from '../tests/helpers/extractScore';

const round = (x: number): number => Math.round(x * 100) / 100;

function rowsOf(
  name: string,
  score: CorpusScore,
): {
  rows: Array<readonly [string, string]>;
  figures: Record<string, number>;
} {
  const rows: Array<readonly [string, string]> = [];
  const figures: Record<string, number> = {};
  for (const language of ['en', 'th', 'km', 'all'] as const) {
    const cells: string[] = [];
    for (const kind of SCORED_KINDS) {
      const t = score.tallies[language][kind];
      if (t.expected === 0 && t.found === 0) continue;
      cells.push(
        `${kind} P ${round(precision(t))} R ${round(recall(t))} (${t.truePositives}/${t.found}/${t.expected})`,
      );
      figures[`${name}_${language}_${kind}_precision_ratio`] = round(precision(t));
      figures[`${name}_${language}_${kind}_recall_ratio`] = round(recall(t));
    }
    rows.push([`${name} ${language}`, cells.join('; ')]);
  }
  const { person, organization } = score.tallies.all;
  const suggested: Tally = {
    truePositives: person.truePositives + organization.truePositives,
    found: person.found + organization.found,
    expected: person.expected + organization.expected,
  };
  figures[`${name}_person_org_precision_ratio`] = round(precision(suggested));
  rows.push([
    `${name} person+org precision`,
    `${round(precision(suggested))} of ${suggested.found} suggested (target >= 0.9); person recall ${round(recall(person))} (>= 0.95), organisation recall ${round(recall(organization))} (>= 0.8)`,
  ]);
  return { rows, figures };
}

export async function run(): Promise<BenchResult> {
  const development = rowsOf('corpus', scoreCorpus(CORPORA.development));
  const heldOut = rowsOf('heldout', scoreCorpus(CORPORA.heldOut));

  const texts = [CORPORA.development, CORPORA.heldOut].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8')),
  );
  const repeated = Array.from({ length: 40 }, () => texts).flat();
  const bytes = repeated.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const t0 = performance.now();
  for (const t of repeated) extract(t);
  const seconds = (performance.now() - t0) / 1000;
  await Promise.resolve();
  return {
    rows: [
      [
        'columns',
        'kind P(recision) R(ecall) (true positives/suggested/expected), distinct values per document',
      ],
      ...development.rows,
      ...heldOut.rows,
      [
        'throughput',
        `${round(bytes / 2 ** 20 / seconds)} MB/s of UTF-8 text (${repeated.length} documents)`,
      ],
    ],
    figures: {
      ...development.figures,
      ...heldOut.figures,
      extract_mb_s: round(bytes / 2 ** 20 / seconds),
    },
  };
}
