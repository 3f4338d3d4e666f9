import {
  isVictim,
  type Entity,
  type EntityId,
  type EvidenceId,
  type Link,
  type LinkId,
  type PageId,
} from '../model';
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
  /** Distinct term ids, for removal. */
  distinct: Int32Array;
};

const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** A last query word of one letter would expand to half the vocabulary; keep the likeliest. */
const MAX_PREFIX_EXPANSIONS = 64;
const MAX_MATCHES = 200;

const keyOf = (kind: SearchKind, id: string): string => `${kind}:${id}`;

/**
 * An in-memory inverted index over page texts, entity names and notes, kept up to date one
 * document at a time (`put` adds or replaces, `remove` drops). A query's words must all be
 * present (in any order); a word that the segmenter splits into several terms, as a Thai or
 * Khmer word may be, must appear as consecutive terms; the last word also matches as a
 * prefix, so results follow typing. Ranking is BM25.
 *
 * Memory: per token a term id and two offsets in typed arrays, per document and term one
 * posting. Nothing is persisted here; the vault decides whether and how to store it.
 */
export class SearchIndex {
  private readonly termIdByTerm = new Map<string, number>();
  private readonly terms: string[] = [];
  /** termId -> document number -> occurrences. */
  private readonly postings: Array<Map<number, number>> = [];
  private readonly docs: Array<Indexed | undefined> = [];
  private readonly numberByKey = new Map<string, number>();
  private readonly freeNumbers: number[] = [];
  private totalTokens = 0;
  /** Terms in code-unit order for prefix look-up; rebuilt lazily after new terms arrive. */
  private sortedTerms: string[] | undefined;

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
    const docNumber = this.freeNumbers.pop() ?? this.docs.length;
    const { terms, starts, ends } = tokenize(document.text);
    const termIds = new Int32Array(terms.length);
    const counts = new Map<number, number>();
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] ?? '';
      let id = this.termIdByTerm.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(term);
        this.termIdByTerm.set(term, id);
        this.postings.push(new Map());
        this.sortedTerms = undefined;
      }
      termIds[i] = id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, n] of counts) this.postings[id]?.set(docNumber, n);
    this.docs[docNumber] = {
      document,
      termIds,
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
      distinct: Int32Array.from(counts.keys()),
    };
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
      for (const t of entry.distinct) this.postings[t]?.delete(docNumber);
      this.totalTokens -= entry.termIds.length;
    }
    this.docs[docNumber] = undefined;
    this.numberByKey.delete(key);
    this.freeNumbers.push(docNumber);
    return true;
  }

  search(query: string, options: SearchOptions = {}): SearchResults {
    const limit = options.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError('search: limit must be a positive integer');
    const context = options.context ?? 60;
    const kinds = new Set(options.kinds ?? SEARCH_KINDS);
    const empty: SearchResults = {
      query,
      groups: { page: [], entity: [], note: [] },
      counts: { page: 0, entity: 0, note: 0 },
    };

    // Each whitespace-separated word of the query is one or more terms (Thai and Khmer
    // words may segment into several); the last term of the last word is a prefix unless
    // the query ends with a space.
    const words = query
      .split(/\s+/u)
      .filter((w) => w.length > 0)
      .map((w) => tokenize(w).terms)
      .filter((t) => t.length > 0);
    if (words.length === 0) return empty;
    const prefixLast = !/\s$/u.test(query);

    type Clause = { alternatives: number[][]; isPhrase: boolean };
    const clauses: Clause[] = [];
    for (let w = 0; w < words.length; w++) {
      const terms = words[w] ?? [];
      const isLastWord = w === words.length - 1;
      const alternatives: number[][] = [];
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t] ?? '';
        const ids =
          isLastWord && prefixLast && t === terms.length - 1
            ? this.expandPrefix(term)
            : [this.termIdByTerm.get(term)].filter((x): x is number => x !== undefined);
        if (ids.length === 0) return empty;
        alternatives.push(ids);
      }
      clauses.push({ alternatives, isPhrase: terms.length > 1 });
    }

    // Candidates: documents holding, for every query term, one of its alternatives.
    // Start from the rarest term so the intersection stays small.
    const termSets = clauses.flatMap((c) => c.alternatives);
    const df = (ids: number[]): number =>
      ids.reduce((s, id) => s + (this.postings[id]?.size ?? 0), 0);
    termSets.sort((a, b) => df(a) - df(b));
    let candidates: Set<number> | undefined;
    for (const ids of termSets) {
      const next = new Set<number>();
      if (candidates === undefined) {
        for (const id of ids) for (const d of this.postings[id]?.keys() ?? []) next.add(d);
      } else {
        for (const d of candidates) {
          if (ids.some((id) => this.postings[id]?.has(d) === true)) next.add(d);
        }
      }
      candidates = next;
      if (candidates.size === 0) return empty;
    }
    if (candidates === undefined) return empty;

    const liveDocs = Math.max(1, this.numberByKey.size);
    const avgLength = this.totalTokens / liveDocs;
    const scored: Array<{ doc: Indexed; score: number }> = [];
    for (const d of candidates) {
      const doc = this.docs[d];
      if (doc === undefined || !kinds.has(doc.document.kind)) continue;
      let score = 0;
      for (const clause of clauses) {
        let tf = 0;
        let docFreq: number;
        if (clause.isPhrase) {
          const found = phraseSpans(doc, clause.alternatives);
          if (found.length === 0) {
            score = -1;
            break;
          }
          tf = found.length;
          docFreq = Math.min(...clause.alternatives.map(df));
        } else {
          const ids = clause.alternatives[0] ?? [];
          for (const id of ids) tf += this.postings[id]?.get(d) ?? 0;
          docFreq = df(ids);
        }
        const idf = Math.log(1 + (liveDocs - docFreq + 0.5) / (docFreq + 0.5));
        const norm = BM25_K1 * (1 - BM25_B + (BM25_B * doc.termIds.length) / (avgLength || 1));
        score += (idf * (tf * (BM25_K1 + 1))) / (tf + norm);
      }
      if (score < 0) continue;
      scored.push({ doc, score });
    }

    const groups: Record<SearchKind, SearchHit[]> = { page: [], entity: [], note: [] };
    const counts: Record<SearchKind, number> = { page: 0, entity: 0, note: 0 };
    scored.sort((a, b) => b.score - a.score);
    for (const s of scored) {
      const kind = s.doc.document.kind;
      counts[kind]++;
      if (groups[kind].length >= limit) continue;
      const matches = matchSpans(s.doc, clauses);
      groups[kind].push({
        document: s.doc.document,
        score: Math.round(s.score * 1000) / 1000,
        matches,
        snippet: snippetOf(s.doc.document.text, matches, context),
      });
    }
    return { query, groups, counts };
  }

  /** Term ids starting with `prefix`, the most frequent first, at most MAX_PREFIX_EXPANSIONS. */
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
      if (id !== undefined && (this.postings[id]?.size ?? 0) > 0) ids.push(id);
    }
    if (ids.length <= MAX_PREFIX_EXPANSIONS) return ids;
    return ids
      .sort((a, b) => (this.postings[b]?.size ?? 0) - (this.postings[a]?.size ?? 0))
      .slice(0, MAX_PREFIX_EXPANSIONS);
  }
}

/** Where the terms of a phrase occur one after the other in the document. */
function phraseSpans(doc: Indexed, alternatives: readonly (readonly number[])[]): Span[] {
  const out: Span[] = [];
  const n = doc.termIds.length;
  const len = alternatives.length;
  for (let i = 0; i + len <= n; i++) {
    let ok = true;
    for (let k = 0; k < len; k++) {
      if (!(alternatives[k] ?? []).includes(doc.termIds[i + k] ?? -1)) {
        ok = false;
        break;
      }
    }
    if (ok) out.push({ start: doc.starts[i] ?? 0, end: doc.ends[i + len - 1] ?? 0 });
  }
  return out;
}

function matchSpans(
  doc: Indexed,
  clauses: ReadonlyArray<{ alternatives: number[][]; isPhrase: boolean }>,
): Span[] {
  const single = new Set<number>();
  const spans: Span[] = [];
  for (const c of clauses) {
    if (c.isPhrase) spans.push(...phraseSpans(doc, c.alternatives));
    else for (const id of c.alternatives[0] ?? []) single.add(id);
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
