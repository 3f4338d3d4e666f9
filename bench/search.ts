/**
 * Search bench: indexes generated pages (2,000 characters each, Latin and unspaced Thai mixed
 * as in bilingual case files) at 5,000, 20,000 and 80,000 pages, then runs 1,000 queries of
 * one to three words with the last word often cut short, as typed. Every size is checked
 * against MiniSearch on the same pages with the same tokens (same number of matches for
 * every query, the same page sets for a sample, top-10 overlap printed), so that a wrong
 * answer can never look fast; MiniSearch and FlexSearch are timed in the same run.
 * Targets: query p95 under 30 ms and build under 45 s at 80,000 pages; p95 under 30 ms at
 * 5,000 pages with fuzzy and cross-script matching on (the app's configuration).
 *
 * SEARCH_BENCH_SIZES=5000,20000 chooses the sizes. For exact heap figures run with
 * NODE_OPTIONS=--expose-gc, so garbage from generating the pages is collected first. Heap
 * figures are the JS heap plus ArrayBuffers (where typed arrays keep their data).
 */
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import type { BenchResult } from './types';
import { SearchIndex, tokenize } from '../src/core/search';
import { fuzzyDistanceFor } from '../src/core/search/searchIndex';
import type { EvidenceId, PageId } from '../src/core/model';

const PAGE_CHARS = 2_000;
const QUERIES = 1_000;
/** Queries whose whole page sets (not only counts) are compared with MiniSearch. */
const FULL_SET_SAMPLE = 40;
/** SEARCH_BENCH_PEERS=0 times Ringtrace alone (no check against MiniSearch: say so). */
const PEERS = process.env['SEARCH_BENCH_PEERS'] !== '0';
const SIZES = (process.env['SEARCH_BENCH_SIZES'] ?? '5000,20000,80000')
  .split(',')
  .map((s) => Number.parseInt(s, 10))
  .filter((n) => Number.isInteger(n) && n > 0);

/** Deterministic, so two runs index the same text (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN = (
  'the victim said that recruiter broker driver paid transfer account bank money passport ' +
  'border crossing night bus van truck office karaoke massage factory fishing boat debt fee ' +
  'salary contract police report statement witness phone called message telegram line photo ' +
  'hotel room house village province district market casino company agency job promise ' +
  'Poipet Bangkok Pattaya Koh Kong Battambang Phnom Penh Siem Reap Sa Kaeo Aranyaprathet ' +
  'Somchai Rakdee Wichai Jaidee Chan Dara Sok Sopheap Srey Pov Malee Srisuk Prasert Thongdee ' +
  'José Müller Nguyễn Văn Anh cash dollars baht riel monthly weekly debt bondage confiscated ' +
  'documents identity card escaped rescued shelter interview translator officer sergeant'
).split(' ');
const THAI = (
  'ผู้เสียหาย ให้การ ว่า นายหน้า พา ไป ทำงาน ที่ ร้าน คาราโอเกะ ใน พัทยา โดย สัญญา ว่า จะ ได้ ' +
  'เงินเดือน หนึ่ง หมื่น บาท แต่ ต้อง จ่าย ค่า หัว และ ถูก ยึด หนังสือเดินทาง ไว้ ตำรวจ ตรวจค้น ' +
  'บ้าน พบ เอกสาร บัญชี ธนาคาร โทรศัพท์ มือถือ รถตู้ ชายแดน อรัญประเทศ กัมพูชา แรงงาน เรือ ' +
  'ประมง หนี้ ค่าจ้าง สมชาย วิชัย มาลี ประเสริฐ พยาน สอบสวน คดี ค้ามนุษย์ หลบหนี ช่วยเหลือ'
).split(' ');

function generatePage(rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const parts: string[] = [];
  let length = 0;
  while (length < PAGE_CHARS) {
    let sentence: string;
    if (rand() < 0.45) {
      // Thai: words run together, a space only between phrases.
      const n = 4 + Math.floor(rand() * 10);
      sentence = Array.from({ length: n }, () => pick(THAI)).join('');
    } else {
      const n = 6 + Math.floor(rand() * 14);
      sentence = `${Array.from({ length: n }, () => pick(LATIN)).join(' ')}.`;
      if (rand() < 0.2) sentence += ` Tel 08${Math.floor(rand() * 1e8)}.`;
    }
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return parts.join(' ').slice(0, PAGE_CHARS);
}

function generateQuery(rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const r = rand();
  if (r < 0.3) return pick(THAI);
  const n = 1 + Math.floor(rand() * 3);
  const words = Array.from({ length: n }, () => pick(LATIN));
  // Half the queries are still being typed: the last word cut after 2+ letters.
  if (rand() < 0.5) {
    const last = words[n - 1] ?? '';
    words[n - 1] = last.slice(0, Math.max(2, Math.ceil(last.length * rand())));
  }
  return words.join(' ');
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
const gc = (globalThis as { gc?: () => void }).gc;
const heapNow = (): number => {
  gc?.();
  // Typed arrays live outside the JS heap: count their buffers too.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** Runs `query` over every query and returns the sorted times in ms. */
function timeQueries(queries: readonly string[], query: (q: string) => void): number[] {
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    query(q);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Whether the query's Thai words, split by the segmenter into several terms, occur as
 * consecutive terms in the page: SearchIndex requires it, MiniSearch only requires the terms.
 */
function phrasesHold(query: string, pageTerms: readonly string[]): boolean {
  for (const word of query.split(/\s+/u)) {
    const terms = tokenize(word).terms;
    if (terms.length < 2) continue;
    const last = terms.length - 1;
    let found = false;
    for (let i = 0; i + terms.length <= pageTerms.length && !found; i++) {
      found = terms.every((t, k) =>
        k === last && word === query.split(/\s+/u).at(-1)
          ? (pageTerms[i + k] ?? '').startsWith(t)
          : pageTerms[i + k] === t,
      );
    }
    if (!found) return false;
  }
  return true;
}

type SizeResult = {
  pages: number;
  checked: boolean;
  buildMs: number;
  p50: number;
  p95: number;
  heapMb: number;
  appP95: number;
  miniBuildMs: number;
  miniP95: number;
  miniHeapMb: number;
  flexBuildMs: number | undefined;
  flexP95: number | undefined;
  countMismatches: number;
  setMismatches: number;
  fuzzyMismatches: number;
  overlap: number;
  avgMatches: number;
};

function runSize(
  size: number,
  allPages: readonly string[],
  queries: readonly string[],
): SizeResult {
  const pages = allPages.slice(0, size);
  const evidenceId = crypto.randomUUID() as EvidenceId;
  const pageIds = pages.map(() => crypto.randomUUID() as PageId);

  let heapBefore = heapNow();
  const index = new SearchIndex();
  let t0 = performance.now();
  pages.forEach((text, i) => {
    index.put({ kind: 'page', id: pageIds[i] as PageId, evidenceId, pageNumber: i + 1, text });
  });
  // The first query sorts the vocabulary and keys it for fuzzy and cross-script look-up.
  index.search('x');
  const buildMs = performance.now() - t0;
  const heapMb = (heapNow() - heapBefore) / 2 ** 20;
  const exact = { fuzzy: false, crossScript: false } as const;
  const times = timeQueries(queries, (q) => index.search(q, exact));
  const appTimes = timeQueries(queries, (q) => index.search(q));
  if (!PEERS) {
    let avg = 0;
    for (const q of queries) avg += index.search(q, { ...exact, limit: 1 }).counts.page;
    return {
      pages: size,
      checked: false,
      buildMs,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      heapMb,
      appP95: percentile(appTimes, 95),
      miniBuildMs: Number.NaN,
      miniP95: Number.NaN,
      miniHeapMb: Number.NaN,
      flexBuildMs: undefined,
      flexP95: undefined,
      countMismatches: 0,
      setMismatches: 0,
      fuzzyMismatches: 0,
      overlap: Number.NaN,
      avgMatches: avg / queries.length,
    };
  }

  heapBefore = heapNow();
  const mini = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: (text) => [...tokenize(text).terms],
    processTerm: (term) => term,
    searchOptions: {
      combineWith: 'AND',
      prefix: (_term, i, terms) => i === terms.length - 1,
    },
  });
  t0 = performance.now();
  pages.forEach((text, i) => mini.add({ id: i, text }));
  const miniBuildMs = performance.now() - t0;
  const miniHeapMb = (heapNow() - heapBefore) / 2 ** 20;
  // Kept for the agreement check below, so MiniSearch answers each query once.
  const miniAnswers: number[][] = [];
  const miniTimes = timeQueries(queries, (q) => {
    miniAnswers.push(mini.search(q).map((r) => r.id as number));
  });

  // Agreement: counts for every query, whole sets for a sample, top-10 overlap.
  const number = new Map(pageIds.map((id, i) => [id as string, i]));
  const termsOf = new Map<number, readonly string[]>();
  const pageTerms = (i: number): readonly string[] => {
    let t = termsOf.get(i);
    if (t === undefined) termsOf.set(i, (t = tokenize(pages[i] ?? '').terms));
    return t;
  };
  let countMismatches = 0;
  let setMismatches = 0;
  let fuzzyMismatches = 0;
  let overlapSum = 0;
  let overlapN = 0;
  let matchSum = 0;
  queries.forEach((q, qi) => {
    const hasPhrase = q.split(/\s+/u).some((w) => tokenize(w).terms.length > 1);
    const theirs = (miniAnswers[qi] ?? []).filter(
      (i) => !hasPhrase || phrasesHold(q, pageTerms(i)),
    );
    const full = qi < FULL_SET_SAMPLE;
    const ours = index.search(q, { ...exact, limit: full ? Math.max(1, size) : 10 });
    matchSum += ours.counts.page;
    if (ours.counts.page !== theirs.length) countMismatches++;
    if (full) {
      const mine = new Set(ours.groups.page.map((h) => number.get(h.document.id)));
      if (mine.size !== theirs.length || theirs.some((i) => !mine.has(i))) setMismatches++;
      const fuzzyTheirs = mini
        .search(q, { fuzzy: (term) => fuzzyDistanceFor(term) || false })
        .filter((r) => !hasPhrase || phrasesHold(q, pageTerms(r.id as number))).length;
      if (index.search(q, { crossScript: false, limit: 1 }).counts.page !== fuzzyTheirs)
        fuzzyMismatches++;
    }
    if (theirs.length > 0) {
      const top = new Set(theirs.slice(0, 10));
      const mineTop = ours.groups.page.slice(0, 10).map((h) => number.get(h.document.id));
      overlapSum +=
        mineTop.filter((i) => i !== undefined && top.has(i)).length / Math.min(10, top.size);
      overlapN++;
    }
  });

  let flexBuildMs: number | undefined;
  let flexP95: number | undefined;
  try {
    const flex = new FlexSearch.Index({ tokenize: 'forward', encoder: FlexSearch.Charset.Exact });
    t0 = performance.now();
    pages.forEach((text, i) => flex.add(i, tokenize(text).terms.join(' ')));
    flexBuildMs = performance.now() - t0;
    flexP95 = percentile(
      timeQueries(queries, (q) => flex.search(tokenize(q).terms.join(' '), { limit: 20 })),
      95,
    );
  } catch (error) {
    console.warn(`FlexSearch could not run: ${String(error)}`);
  }

  return {
    pages: size,
    checked: true,
    buildMs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    heapMb,
    appP95: percentile(appTimes, 95),
    miniBuildMs,
    miniP95: percentile(miniTimes, 95),
    miniHeapMb,
    flexBuildMs,
    flexP95,
    countMismatches,
    setMismatches,
    fuzzyMismatches,
    overlap: overlapN === 0 ? 1 : overlapSum / overlapN,
    avgMatches: matchSum / queries.length,
  };
}

export async function run(): Promise<BenchResult> {
  const rand = prng(20240312);
  const largest = Math.max(...SIZES);
  const queries = Array.from({ length: QUERIES }, () => generateQuery(rand));
  const pages = Array.from({ length: largest }, () => generatePage(rand));
  const results = SIZES.map((size) => runSize(size, pages, queries));

  const rows: Array<readonly [string, string]> = [];
  const figures: Record<string, number> = {};
  let previous: SizeResult | undefined;
  for (const r of results) {
    const k = `${r.pages / 1000}k`;
    const growth = (now: number, before: number | undefined): string =>
      before === undefined || before === 0
        ? ''
        : `, x${round(now / before, 1)} from ${previous?.pages}`;
    rows.push(
      [
        `${k} pages: build`,
        `${round(r.buildMs / 1000)} s${growth(r.buildMs, previous?.buildMs)}; MiniSearch ${round(r.miniBuildMs / 1000)} s${r.flexBuildMs === undefined ? '' : `, FlexSearch ${round(r.flexBuildMs / 1000)} s`}`,
      ],
      [
        `${k} pages: query p50 / p95`,
        `${round(r.p50)} / ${round(r.p95)} ms${growth(r.p95, previous?.p95)}; MiniSearch p95 ${round(r.miniP95)} ms${r.flexP95 === undefined ? '' : `, FlexSearch p95 ${round(r.flexP95)} ms (top 20, no counts)`}`,
      ],
      [`${k} pages: p95 fuzzy + cross-script`, `${round(r.appP95)} ms (the app's configuration)`],
      [
        `${k} pages: heap`,
        `${round(r.heapMb, 1)} MB; MiniSearch ${round(r.miniHeapMb, 1)} MB${gc === undefined ? ' (no --expose-gc: includes garbage)' : ''}`,
      ],
      [
        `${k} pages: agreement with MiniSearch`,
        !r.checked
          ? 'NOT CHECKED (SEARCH_BENCH_PEERS=0): these answers were not compared with a peer'
          : `${QUERIES - r.countMismatches}/${QUERIES} same counts (${round(r.avgMatches, 0)} pages on average), ${FULL_SET_SAMPLE - r.setMismatches}/${FULL_SET_SAMPLE} same page sets, ${FULL_SET_SAMPLE - r.fuzzyMismatches}/${FULL_SET_SAMPLE} same counts with fuzzy, top-10 overlap ${round(r.overlap * 100, 0)}%`,
      ],
    );
    const p = `p${r.pages / 1000}k_`;
    Object.assign(figures, {
      [`${p}build_ms`]: round(r.buildMs, 0),
      [`${p}query_p50_ms`]: round(r.p50, 3),
      [`${p}query_p95_ms`]: round(r.p95, 3),
      [`${p}app_query_p95_ms`]: round(r.appP95, 3),
      [`${p}heap_mb`]: round(r.heapMb, 1),
    });
    if (r.checked)
      Object.assign(figures, {
        [`${p}minisearch_build_ratio`]: round(r.buildMs / r.miniBuildMs, 3),
        [`${p}minisearch_p95_ratio`]: round(r.p95 / r.miniP95, 3),
        [`${p}minisearch_heap_ratio`]: round(r.heapMb / r.miniHeapMb, 3),
        [`${p}minisearch_top10_overlap_ratio`]: round(r.overlap, 3),
        [`${p}minisearch_count_agreement_ratio`]: round((QUERIES - r.countMismatches) / QUERIES, 3),
      });
    if (r.flexP95 !== undefined && r.flexBuildMs !== undefined) {
      figures[`${p}flexsearch_p95_ratio`] = round(r.p95 / r.flexP95, 3);
      figures[`${p}flexsearch_build_ratio`] = round(r.buildMs / r.flexBuildMs, 3);
    }
    previous = r;
  }
  const disagreements = results.reduce((s, r) => s + r.countMismatches + r.setMismatches, 0);
  rows.push(['targets', 'p95 < 30 ms and build < 45 s at 80k; app p95 < 30 ms at 5k']);
  if (disagreements > 0) rows.push(['WRONG', `${disagreements} queries disagree with MiniSearch`]);
  await Promise.resolve();
  return { rows, figures };
}
