import {
  isVictim,
  type Entity,
  type EntityId,
  type EvidenceId,
  type Link,
  type LinkId,
  type PageId,
} from '../model';
import { normalizeName, phoneticFold, transliterate } from '../names';
import { tokenize } from './tokenize';

/** What can be searched: a page's text, an entity's names and aliases, a note. */
export type SearchDocument =
  | Readonly<{ kind: 'page'; id: PageId; evidenceId: EvidenceId; pageNumber: number; text: string }>
  | Readonly<{ kind: 'entity'; id: EntityId; text: string }>
  /** The notes of an entity or a link, under the id of what they belong to. */
  | Readonly<{ kind: 'note'; id: EntityId | LinkId; text: string }>;
export type SearchKind = SearchDocument['kind'];
export const SEARCH_KINDS: readonly SearchKind[] = ['page', 'entity', 'note'];

/** A stretch of a document's text, UTF-16 offsets, end exclusive. */
export type Span = Readonly<{ start: number; end: number }>;

export type Snippet = Readonly<{
  /** The excerpt shown, and where it starts in the document's text. */
  text: string;
  start: number;
  /** The matched words inside `text` (offsets relative to the excerpt). */
  highlights: readonly Span[];
}>;

export type SearchHit = Readonly<{
  document: SearchDocument;
  score: number;
  /** Every matched word in the document's text, in order, so the UI can open the page at it. */
  matches: readonly Span[];
  snippet: Snippet;
}>;

export type SearchResults = Readonly<{
  query: string;
  /** Hits by kind, best first, at most `limit` each. */
  groups: Readonly<Record<SearchKind, readonly SearchHit[]>>;
  /** How many documents of each kind matched, before the limit. */
  counts: Readonly<Record<SearchKind, number>>;
}>;

export type SearchOptions = Readonly<{
  /** Hits kept per kind; 20 by default. */
  limit?: number;
  /** Only these kinds. */
  kinds?: readonly SearchKind[];
  /** Characters of context on each side of the first match in a snippet; 60 by default. */
  context?: number;
  /** Also find longer words with one or two letters wrong, as OCR misreads them; on by default. */
  fuzzy?: boolean;
  /** Also find a name written in another script (Latin, Thai, Khmer); on by default. */
  crossScript?: boolean;
}>;

/** The entity's names and aliases, one per line, as a search document. */
export function entityDocument(entity: Entity): SearchDocument {
  // A victim is found by the pseudonym colleagues know it by, as well as by its names.
  const pseudonym = isVictim(entity) && entity.pseudonym !== undefined ? [entity.pseudonym] : [];
  return {
    kind: 'entity',
    id: entity.id,
    text: [...entity.names.map((n) => n.value), ...pseudonym].join('\n'),
  };
}

/** The notes of an entity or link, or undefined when it has none. */
export function noteDocument(owner: Entity | Link): SearchDocument | undefined {
  if (owner.notes === undefined || owner.notes.trim() === '') return undefined;
  return { kind: 'note', id: owner.id, text: owner.notes };
}

type Indexed = {
  document: SearchDocument;
  /** Term id of each token in order, with its offsets: matches and phrases are read here. */
  termIds: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
};

/** One way a query word can be found: a term and how much a match of it counts. */
type Alternative = Readonly<{ id: number; weight: number }>;

/**
 * A query word. `single`: the document must hold one of the alternatives. `phrase`: a Thai
 * or Khmer word the segmenter split into several terms, which must follow one another.
 */
type Clause =
  { kind: 'single'; alternatives: Alternative[] } | { kind: 'phrase'; positions: number[][] };

const BM25_K1 = 1.2;
const BM25_B = 0.75;
const MAX_MATCHES = 200;
/** How much a match counts that is not the word as typed (see `search`). */
const WEIGHT_PREFIX = 0.5;
const WEIGHT_FUZZY = 0.3;
const WEIGHT_OTHER_SCRIPT = 1;
/** Postings of removed documents are dropped once they outnumber this share of all. */
const COMPACT_SHARE = 0.5;

const keyOf = (kind: SearchKind, id: string): string => `${kind}:${id}`;
const KIND_CODE: Readonly<Record<SearchKind, number>> = { page: 1, entity: 2, note: 3 };
const THAI_KHMER_TERM = /^[\u0E00-\u0E7F\u1780-\u17FF\u19E0-\u19FF]/u;
const LATIN_WORD = /^[a-z]+$/u;
const HAS_LETTER = /\p{L}/u;

/**
 * OCR errors tolerated in a query word: none below 5 letters (too many short words are one
 * edit apart), one from 5, two from 9; none in a word with digits (broker3 is not broker4,
 * nor a number another number), though the text's misread words may hold digits (passp0rt).
 */
export function fuzzyDistanceFor(term: string): number {
  const length = [...term].length;
  if (!HAS_LETTER.test(term) || /\p{N}/u.test(term)) return 0;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * The romanised, phonetically folded form of a Thai, Khmer or plain Latin term, under which
 * the spellings of one name in the three scripts meet (สมชาย, Somchai -> "somcai"), or
 * undefined for a term too short or of another kind to be worth it.
 */
export function crossScriptKey(term: string): string | undefined {
  const native = THAI_KHMER_TERM.test(term);
  if (native) {
    if (term.length < 3) return undefined;
  } else if (!LATIN_WORD.test(term) || term.length < 4) return undefined;
  const latin = native ? normalizeName(transliterate(term)).replace(/\s+/gu, '') : term;
  if (!LATIN_WORD.test(latin)) return undefined;
  const key = phoneticFold(latin);
  return key.length >= 4 ? key : undefined;
}

/** Levenshtein distance of a and b if at most `max`, else max + 1 (banded, stops early). */
function boundedLevenshtein(a: string, b: string, max: number, row: Int32Array): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  for (let j = 0; j <= m; j++) row[j] = j;
  for (let i = 1; i <= n; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const above = row[j] ?? 0;
      const left = row[j - 1] ?? 0;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(above + 1, left + 1, diagonal + cost);
      row[j] = value;
      diagonal = above;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
  }
  return row[m] ?? max + 1;
}

/**
 * An in-memory inverted index over page texts, entity names and notes, kept up to date one
 * document at a time (`put` adds or replaces, `remove` drops). A query's words must all be
 * present (in any order). A word is found as typed; the last word also as a prefix, so
 * results follow typing; a longer word also with one or two letters wrong (OCR errors,
 * `fuzzy`); a name also in another script, through its romanisation (Somchai finds สมชาย,
 * សុខា finds Sokha, `crossScript`). A word that the segmenter splits into several terms, as a
 * Thai or Khmer word may be, must appear as consecutive terms. Ranking is BM25, the
 * alternatives of a word counted as one term (Lucene's synonym scoring: their occurrences
 * summed, weighted, with the largest document frequency), so that a prefix matching many
 * words can never push a score below zero.
 *
 * Postings are sorted typed arrays (document numbers only grow; removed documents are
 * skipped and compacted away in bulk). A query accumulates scores term by term and keeps
 * the best `limit` per kind in a heap; only those get match spans and snippets.
 *
 * Memory: per token a term id and two offsets, per document and term one posting (number
 * and count). Nothing is persisted here; the vault decides whether and how to store it.
 */
export class SearchIndex {
  private readonly termIdByTerm = new Map<string, number>();
  private readonly terms: string[] = [];
  /** termId -> document numbers, ascending, and the occurrences in each; `length` used. */
  private postingDocs: Int32Array[] = [];
  private postingTfs: Uint16Array[] = [];
  private postingLength = new Int32Array(64);
  /** termId -> live documents holding it. */
  private liveDf = new Int32Array(64);
  private docs: Array<Indexed | undefined> = [];
  /** Per document number: tokens, and kind (0 once removed), read in the query's inner loops. */
  private docLengths = new Int32Array(64);
  private docKinds = new Uint8Array(64);
  private readonly numberByKey = new Map<string, number>();
  private totalTokens = 0;
  private livePostings = 0;
  private deadPostings = 0;
  /** Terms in code-unit order for prefix look-up; rebuilt lazily after new terms arrive. */
  private sortedTerms: string[] | undefined;
  /** Cross-script keys and fuzzy buckets cover terms below this id; extended lazily. */
  private keyedTerms = 0;
  private readonly termsByKey = new Map<string, number[]>();
  private readonly termsByLength = new Map<number, number[]>();
  /** Per-document scratch of a query, kept between queries and cleared after each. */
  private scratchScore = new Float64Array(0);
  private scratchTf = new Float64Array(0);
  private scratchMatched = new Int32Array(0);
  private scratchListA = new Int32Array(0);
  private scratchListB = new Int32Array(0);

  /** Number of documents indexed. */
  get size(): number {
    return this.numberByKey.size;
  }

  has(kind: SearchKind, id: string): boolean {
    return this.numberByKey.has(keyOf(kind, id));
  }

  /** Adds the document, or replaces the one of the same kind and id. */
  put(document: SearchDocument): void {
    if (!SEARCH_KINDS.includes(document.kind)) {
      throw new RangeError(`SearchIndex.put: unknown kind "${String(document.kind)}"`);
    }
    if (typeof document.text !== 'string') {
      throw new TypeError(`SearchIndex.put: ${document.kind} ${document.id} has no text`);
    }
    const key = keyOf(document.kind, document.id);
    if (this.numberByKey.has(key)) this.remove(document.kind, document.id);
    const docNumber = this.docs.length;
    const { terms, starts, ends } = tokenize(document.text);
    const termIds = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] ?? '';
      let id = this.termIdByTerm.get(term);
      if (id === undefined) id = this.addTerm(term);
      termIds[i] = id;
    }
    // Count occurrences per term on a sorted copy: no Map per document.
    const sorted = termIds.slice().sort();
    for (let i = 0; i < sorted.length;) {
      const id = sorted[i] ?? 0;
      let j = i + 1;
      while (j < sorted.length && sorted[j] === id) j++;
      this.appendPosting(id, docNumber, j - i);
      i = j;
    }
    this.docs.push({
      document,
      termIds,
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
    });
    if (docNumber >= this.docLengths.length) {
      const lengths = new Int32Array(this.docLengths.length * 2);
      lengths.set(this.docLengths);
      this.docLengths = lengths;
      const kinds = new Uint8Array(this.docKinds.length * 2);
      kinds.set(this.docKinds);
      this.docKinds = kinds;
    }
    this.docLengths[docNumber] = terms.length;
    this.docKinds[docNumber] = KIND_CODE[document.kind];
    this.numberByKey.set(key, docNumber);
    this.totalTokens += terms.length;
  }

  /** Drops the document; returns whether it was there. */
  remove(kind: SearchKind, id: string): boolean {
    const key = keyOf(kind, id);
    const docNumber = this.numberByKey.get(key);
    if (docNumber === undefined) return false;
    const entry = this.docs[docNumber];
    if (entry !== undefined) {
      const distinct = entry.termIds.slice().sort();
      for (let i = 0; i < distinct.length; i++) {
        const t = distinct[i] ?? 0;
        if (i > 0 && distinct[i - 1] === t) continue;
        this.liveDf[t] = (this.liveDf[t] ?? 1) - 1;
        this.livePostings--;
        this.deadPostings++;
      }
      this.totalTokens -= entry.termIds.length;
    }
    this.docs[docNumber] = undefined;
    this.docKinds[docNumber] = 0;
    this.numberByKey.delete(key);
    if (this.deadPostings > 1024 && this.deadPostings > this.livePostings * COMPACT_SHARE)
      this.compact();
    return true;
  }

  private addTerm(term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.termIdByTerm.set(term, id);
    this.postingDocs.push(new Int32Array(2));
    this.postingTfs.push(new Uint16Array(2));
    if (id >= this.postingLength.length) {
      const grownLength = new Int32Array(this.postingLength.length * 2);
      grownLength.set(this.postingLength);
      this.postingLength = grownLength;
      const grownDf = new Int32Array(this.liveDf.length * 2);
      grownDf.set(this.liveDf);
      this.liveDf = grownDf;
    }
    this.sortedTerms = undefined;
    return id;
  }

  private appendPosting(id: number, docNumber: number, tf: number): void {
    const length = this.postingLength[id] ?? 0;
    let docs = this.postingDocs[id] ?? new Int32Array(2);
    let tfs = this.postingTfs[id] ?? new Uint16Array(2);
    if (length === docs.length) {
      const capacity = length < 1024 ? length * 2 : length + (length >> 1);
      const grownDocs = new Int32Array(capacity);
      grownDocs.set(docs);
      const grownTfs = new Uint16Array(capacity);
      grownTfs.set(tfs);
      docs = grownDocs;
      tfs = grownTfs;
      this.postingDocs[id] = docs;
      this.postingTfs[id] = tfs;
    }
    docs[length] = docNumber;
    tfs[length] = Math.min(tf, 0xffff);
    this.postingLength[id] = length + 1;
    this.liveDf[id] = (this.liveDf[id] ?? 0) + 1;
    this.livePostings++;
  }

  /** Renumbers the live documents densely and drops the postings of removed ones. */
  private compact(): void {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: Indexed[] = [];
    this.docs.forEach((doc, n) => {
      if (doc === undefined) return;
      renumber[n] = docs.length;
      docs.push(doc);
    });
    for (let t = 0; t < this.terms.length; t++) {
      const oldDocs = this.postingDocs[t] ?? new Int32Array(0);
      const oldTfs = this.postingTfs[t] ?? new Uint16Array(0);
      const length = this.postingLength[t] ?? 0;
      const live = this.liveDf[t] ?? 0;
      const newDocs = new Int32Array(Math.max(2, live));
      const newTfs = new Uint16Array(Math.max(2, live));
      let k = 0;
      for (let i = 0; i < length; i++) {
        const n = renumber[oldDocs[i] ?? 0] ?? -1;
        if (n < 0) continue;
        newDocs[k] = n;
        newTfs[k] = oldTfs[i] ?? 0;
        k++;
      }
      this.postingDocs[t] = newDocs;
      this.postingTfs[t] = newTfs;
      this.postingLength[t] = k;
    }
    for (const [key, n] of this.numberByKey) this.numberByKey.set(key, renumber[n] ?? 0);
    this.docs = docs;
    this.docKinds.fill(0);
    docs.forEach((doc, n) => {
      this.docLengths[n] = doc.termIds.length;
      this.docKinds[n] = KIND_CODE[doc.document.kind];
    });
    this.deadPostings = 0;
  }

  search(query: string, options: SearchOptions = {}): SearchResults {
    const limit = options.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError('search: limit must be a positive integer');
    const context = options.context ?? 60;
    const kinds = new Set(options.kinds ?? SEARCH_KINDS);
    const fuzzy = options.fuzzy ?? true;
    const crossScript = options.crossScript ?? true;
    const empty: SearchResults = {
      query,
      groups: { page: [], entity: [], note: [] },
      counts: { page: 0, entity: 0, note: 0 },
    };

    const words = query
      .split(/\s+/u)
      .filter((w) => w.length > 0)
      .map((w) => tokenize(w).terms)
      .filter((t) => t.length > 0);
    if (words.length === 0) return empty;
    const prefixLast = !/\s$/u.test(query);
    if (fuzzy || crossScript) this.indexNewTerms();

    const clauses: Clause[] = [];
    for (let w = 0; w < words.length; w++) {
      const terms = words[w] ?? [];
      const isLastWord = w === words.length - 1;
      if (terms.length === 1) {
        const term = terms[0] ?? '';
        const alternatives = this.alternativesOf(term, {
          prefix: isLastWord && prefixLast,
          fuzzy,
          crossScript,
        });
        if (alternatives.length === 0) return empty;
        clauses.push({ kind: 'single', alternatives });
        continue;
      }
      const positions: number[][] = [];
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t] ?? '';
        const ids =
          isLastWord && prefixLast && t === terms.length - 1
            ? this.expandPrefix(term)
            : [this.termIdByTerm.get(term)].filter(
                (x): x is number => x !== undefined && (this.liveDf[x] ?? 0) > 0,
              );
        if (ids.length === 0) return empty;
        positions.push(ids);
      }
      clauses.push({ kind: 'phrase', positions });
    }

    const liveDocs = Math.max(1, this.numberByKey.size);
    const avgLength = this.totalTokens / liveDocs || 1;
    const idf = (df: number): number => {
      const n = Math.min(df, liveDocs);
      return Math.log(1 + (liveDocs - n + 0.5) / (n + 0.5));
    };
    const postingsOf = (ids: readonly number[]): number =>
      ids.reduce((s, id) => s + (this.postingLength[id] ?? 0), 0);

    // Each clause is applied as one or more filters over term sets; the cheapest first, so
    // that the candidate list is as short as it can be from the start.
    type Filter = { alternatives: readonly Alternative[]; idf: number; scored: boolean };
    const filters: Filter[] = [];
    for (const clause of clauses) {
      if (clause.kind === 'single') {
        const df = Math.max(...clause.alternatives.map((a) => this.liveDf[a.id] ?? 0));
        filters.push({ alternatives: clause.alternatives, idf: idf(df), scored: true });
      } else {
        for (const ids of clause.positions)
          filters.push({
            alternatives: ids.map((id) => ({ id, weight: 1 })),
            idf: 0,
            scored: false,
          });
      }
    }
    filters.sort(
      (a, b) =>
        postingsOf(a.alternatives.map((x) => x.id)) - postingsOf(b.alternatives.map((x) => x.id)),
    );

    const size = this.docs.length;
    if (this.scratchScore.length < size) {
      const capacity = Math.max(size, this.scratchScore.length * 2);
      this.scratchScore = new Float64Array(capacity);
      this.scratchTf = new Float64Array(capacity);
      this.scratchMatched = new Int32Array(capacity);
    }
    const score = this.scratchScore;
    const tfAcc = this.scratchTf;
    const matched = this.scratchMatched;
    const docLengths = this.docLengths;
    const docKinds = this.docKinds;
    let kindMask = 0;
    for (const kind of kinds) kindMask |= 1 << KIND_CODE[kind];
    const bm25 = (d: number, tf: number, filterIdf: number): number => {
      const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (docLengths[d] ?? 0)) / avgLength);
      return (filterIdf * (tf * (BM25_K1 + 1))) / (tf + norm);
    };

    let candidates: Int32Array = new Int32Array(0);
    let touched: Int32Array = new Int32Array(0);
    for (let f = 0; f < filters.length; f++) {
      const filter = filters[f] as Filter;
      const needed = f === 0 ? postingsOf(filter.alternatives.map((a) => a.id)) : candidates.length;
      // Buffers kept between queries: the first filter's list (every document touched, cleared
      // at the end) and the later filters' (read from the postings, never from the list).
      const spare = f === 0 ? 'scratchListA' : 'scratchListB';
      if (this[spare].length < needed) this[spare] = new Int32Array(Math.max(needed, size));
      const next = this[spare];
      let found = 0;
      for (const { id, weight } of filter.alternatives) {
        const docs = this.postingDocs[id] ?? new Int32Array(0);
        const tfs = this.postingTfs[id] ?? new Uint16Array(0);
        const length = this.postingLength[id] ?? 0;
        for (let i = 0; i < length; i++) {
          const d = docs[i] ?? 0;
          if (matched[d] !== f) continue;
          // Only documents of the kinds asked for; removed ones have kind 0.
          if (f === 0 && ((1 << (docKinds[d] ?? 0)) & kindMask) === 0) continue;
          if (tfAcc[d] === 0) next[found++] = d;
          tfAcc[d] = (tfAcc[d] ?? 0) + weight * (tfs[i] ?? 0);
        }
      }
      for (let i = 0; i < found; i++) {
        const d = next[i] ?? 0;
        if (filter.scored) score[d] = (score[d] ?? 0) + bm25(d, tfAcc[d] ?? 0, filter.idf);
        tfAcc[d] = 0;
        matched[d] = f + 1;
      }
      candidates = next.subarray(0, found);
      if (f === 0) touched = candidates;
      if (candidates.length === 0) break;
    }

    const groups: Record<SearchKind, SearchHit[]> = { page: [], entity: [], note: [] };
    const counts: Record<SearchKind, number> = { page: 0, entity: 0, note: 0 };
    const heaps: Record<SearchKind, TopK> = {
      page: new TopK(limit),
      entity: new TopK(limit),
      note: new TopK(limit),
    };
    const phrases = clauses.filter((c) => c.kind === 'phrase');
    const phraseIdf = phrases.map((phrase) =>
      idf(
        Math.min(
          ...phrase.positions.map((ids) => Math.max(...ids.map((id) => this.liveDf[id] ?? 0))),
        ),
      ),
    );
    const heapByCode = [heaps.page, heaps.page, heaps.entity, heaps.note];
    const countByCode = [0, 0, 0, 0];
    for (let i = 0; i < candidates.length; i++) {
      const d = candidates[i] ?? 0;
      const code = docKinds[d] ?? 0;
      let total = score[d] ?? 0;
      if (phrases.length > 0) {
        const doc = this.docs[d];
        if (doc === undefined) continue;
        let found = true;
        for (let k = 0; k < phrases.length && found; k++) {
          const occurrences = phraseCount(doc, (phrases[k] as { positions: number[][] }).positions);
          found = occurrences > 0;
          total += bm25(d, occurrences, phraseIdf[k] ?? 0);
        }
        if (!found) continue;
      }
      countByCode[code] = (countByCode[code] ?? 0) + 1;
      heapByCode[code]?.offer(d, total);
    }
    counts.page = countByCode[1] ?? 0;
    counts.entity = countByCode[2] ?? 0;
    counts.note = countByCode[3] ?? 0;
    for (let i = 0; i < touched.length; i++) {
      const d = touched[i] ?? 0;
      score[d] = 0;
      matched[d] = 0;
    }

    for (const kind of SEARCH_KINDS) {
      for (const { doc: d, score: s } of heaps[kind].sorted()) {
        const doc = this.docs[d];
        if (doc === undefined) continue;
        const matches = matchSpans(doc, clauses);
        groups[kind].push({
          document: doc.document,
          score: Math.round(s * 1000) / 1000,
          matches,
          snippet: snippetOf(doc.document.text, matches, context),
        });
      }
    }
    return { query, groups, counts };
  }

  /** The terms a single query word is found as, each with its weight (see the class). */
  private alternativesOf(
    term: string,
    how: Readonly<{ prefix: boolean; fuzzy: boolean; crossScript: boolean }>,
  ): Alternative[] {
    const weights = new Map<number, number>();
    const offer = (id: number, weight: number): void => {
      if ((this.liveDf[id] ?? 0) === 0) return;
      if ((weights.get(id) ?? 0) < weight) weights.set(id, weight);
    };
    const exact = this.termIdByTerm.get(term);
    if (exact !== undefined) offer(exact, 1);
    if (how.prefix)
      for (const id of this.expandPrefix(term)) offer(id, id === exact ? 1 : WEIGHT_PREFIX);
    if (how.fuzzy) {
      const max = fuzzyDistanceFor(term);
      if (max > 0) {
        const row = new Int32Array(term.length + max + 2);
        for (let length = term.length - max; length <= term.length + max; length++) {
          for (const id of this.termsByLength.get(length) ?? []) {
            const other = this.terms[id] ?? '';
            if (boundedLevenshtein(term, other, max, row) <= max)
              offer(id, id === exact ? 1 : WEIGHT_FUZZY);
          }
        }
      }
    }
    if (how.crossScript) {
      const key = crossScriptKey(term);
      const native = THAI_KHMER_TERM.test(term);
      if (key !== undefined) {
        for (const id of this.termsByKey.get(key) ?? []) {
          const other = this.terms[id] ?? '';
          // The same script is found as typed (or by fuzzy); only other scripts here.
          if (
            native
              ? other.charCodeAt(0) >> 7 === term.charCodeAt(0) >> 7
              : !THAI_KHMER_TERM.test(other)
          )
            continue;
          offer(id, WEIGHT_OTHER_SCRIPT);
        }
      }
    }
    return [...weights].map(([id, weight]) => ({ id, weight }));
  }

  /** Brings the cross-script keys and the fuzzy buckets up to the newest term. */
  private indexNewTerms(): void {
    for (; this.keyedTerms < this.terms.length; this.keyedTerms++) {
      const id = this.keyedTerms;
      const term = this.terms[id] ?? '';
      if (HAS_LETTER.test(term)) {
        const bucket = this.termsByLength.get(term.length);
        if (bucket === undefined) this.termsByLength.set(term.length, [id]);
        else bucket.push(id);
      }
      const key = crossScriptKey(term);
      if (key === undefined) continue;
      const same = this.termsByKey.get(key);
      if (same === undefined) this.termsByKey.set(key, [id]);
      else same.push(id);
    }
  }

  /** Live term ids starting with `prefix`. */
  private expandPrefix(prefix: string): number[] {
    const sorted = (this.sortedTerms ??= [...this.terms].sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ids: number[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const term = sorted[i] ?? '';
      if (!term.startsWith(prefix)) break;
      const id = this.termIdByTerm.get(term);
      if (id !== undefined && (this.liveDf[id] ?? 0) > 0) ids.push(id);
    }
    return ids;
  }
}

/** The `capacity` best (document, score) pairs offered, as a min-heap on score. */
class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly capacity: number) {}

  offer(doc: number, score: number): void {
    const { docs, scores } = this;
    if (docs.length < this.capacity) {
      docs.push(doc);
      scores.push(score);
      let i = docs.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.less(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    // Ties keep the earlier document, as a stable sort would.
    if (score <= (scores[0] ?? 0)) return;
    docs[0] = doc;
    scores[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < docs.length && this.less(l, smallest)) smallest = l;
      if (r < docs.length && this.less(r, smallest)) smallest = r;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  /** Best first; equal scores in document order. */
  sorted(): Array<{ doc: number; score: number }> {
    return this.docs
      .map((doc, i) => ({ doc, score: this.scores[i] ?? 0 }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** Worse: lower score, or the same score and a later document. */
  private less(i: number, j: number): boolean {
    const si = this.scores[i] ?? 0;
    const sj = this.scores[j] ?? 0;
    return si < sj || (si === sj && (this.docs[i] ?? 0) > (this.docs[j] ?? 0));
  }

  private swap(i: number, j: number): void {
    const { docs, scores } = this;
    [docs[i], docs[j]] = [docs[j] ?? 0, docs[i] ?? 0];
    [scores[i], scores[j]] = [scores[j] ?? 0, scores[i] ?? 0];
  }
}

/** How often the terms of a phrase occur one after the other in the document. */
function phraseCount(doc: Indexed, positions: readonly (readonly number[])[]): number {
  const ids = doc.termIds;
  const len = positions.length;
  const first = positions[0] ?? [];
  let count = 0;
  // The first term is found with the typed array's native search; then the others checked.
  for (const anchor of first) {
    for (
      let i = ids.indexOf(anchor);
      i >= 0 && i + len <= ids.length;
      i = ids.indexOf(anchor, i + 1)
    ) {
      let ok = true;
      for (let k = 1; k < len && ok; k++) ok = (positions[k] ?? []).includes(ids[i + k] ?? -1);
      if (ok) count++;
    }
  }
  return count;
}

/** Where the terms of a phrase occur one after the other in the document. */
function phraseSpans(doc: Indexed, positions: readonly (readonly number[])[]): Span[] {
  const out: Span[] = [];
  const n = doc.termIds.length;
  const len = positions.length;
  const first = positions[0] ?? [];
  for (let i = 0; i + len <= n; i++) {
    if (!first.includes(doc.termIds[i] ?? -1)) continue;
    let ok = true;
    for (let k = 1; k < len; k++) {
      if (!(positions[k] ?? []).includes(doc.termIds[i + k] ?? -1)) {
        ok = false;
        break;
      }
    }
    if (ok) out.push({ start: doc.starts[i] ?? 0, end: doc.ends[i + len - 1] ?? 0 });
  }
  return out;
}

function matchSpans(doc: Indexed, clauses: readonly Clause[]): Span[] {
  const single = new Set<number>();
  const spans: Span[] = [];
  for (const c of clauses) {
    if (c.kind === 'phrase') spans.push(...phraseSpans(doc, c.positions));
    else for (const a of c.alternatives) single.add(a.id);
  }
  if (single.size > 0) {
    for (let i = 0; i < doc.termIds.length && spans.length < MAX_MATCHES * 2; i++) {
      if (single.has(doc.termIds[i] ?? -1))
        spans.push({ start: doc.starts[i] ?? 0, end: doc.ends[i] ?? 0 });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start < last.end) continue;
    merged.push(s);
    if (merged.length >= MAX_MATCHES) break;
  }
  return merged;
}

function snippetOf(text: string, matches: readonly Span[], context: number): Snippet {
  const first = matches[0];
  if (first === undefined) return { text: text.slice(0, context * 2), start: 0, highlights: [] };
  let start = Math.max(0, first.start - context);
  let end = Math.min(text.length, first.end + context * 2);
  // Snap to whitespace so the excerpt does not open or close mid-word where spaces exist.
  const space = text.indexOf(' ', start);
  if (start > 0 && space >= 0 && space < first.start) start = space + 1;
  const after = text.indexOf(' ', end);
  if (end < text.length && after >= 0 && after - end < 20) end = after;
  const highlights = matches
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ start: m.start - start, end: m.end - start }));
  return { text: text.slice(start, end), start, highlights };
}
