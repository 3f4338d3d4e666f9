import { describe, expect, it } from 'vitest';
import {
  newId,
  type CaseId,
  type Entity,
  type EntityId,
  type EvidenceId,
  type PageId,
} from '../../../../src/core/model';
import {
  entityDocument,
  noteDocument,
  SearchIndex,
  tokenize,
  type SearchDocument,
} from '../../../../src/core/search';

const evidenceId = newId<EvidenceId>();
const page = (text: string, pageNumber = 1): SearchDocument & { kind: 'page' } => ({
  kind: 'page',
  id: newId<PageId>(),
  evidenceId,
  pageNumber,
  text,
});
const words = (text: string, span: { start: number; end: number }): string =>
  text.slice(span.start, span.end);

describe('tokenize', () => {
  it('segments unspaced Thai and Khmer into words with their offsets', () => {
    const text = 'สมชายโทรหานายวิชัย and សុភាពបានទូរស័ព្ទទៅលោកចាន់';
    const t = tokenize(text);
    expect(t.terms).toContain('วิชัย');
    expect(t.terms).toContain('ទូរស័ព្ទ');
    expect(t.terms).toContain('and');
    t.terms.forEach((term, i) => expect(normalize(text.slice(t.starts[i], t.ends[i]))).toBe(term));
  });
});
const normalize = (s: string): string => tokenize(s).terms.join('');

describe('SearchIndex', () => {
  it('finds a Thai word inside an unspaced line and points at it', () => {
    const index = new SearchIndex();
    const p = page('ผู้เสียหายให้การว่านายหน้าชื่อวิชัยโทรมาเมื่อวานนี้ตอนเช้า');
    index.put(p);
    index.put(page('ไม่มีชื่อนี้ในหน้านี้'));
    const r = index.search('วิชัย');
    expect(r.counts.page).toBe(1);
    const hit = r.groups.page[0];
    expect(hit?.document).toBe(p);
    expect(hit?.matches.map((m) => words(p.text, m))).toEqual(['วิชัย']);
    const hl = hit?.snippet.highlights[0];
    expect(hl && hit ? hit.snippet.text.slice(hl.start, hl.end) : '').toBe('วิชัย');
  });

  it('finds a Khmer word inside an unspaced line', () => {
    const index = new SearchIndex();
    const p = page('ជនរងគ្រោះបានទូរស័ព្ទទៅមេខ្យល់កាលពីម្សិលមិញ');
    index.put(p);
    const r = index.search('ទូរស័ព្ទ');
    expect(r.groups.page.map((h) => h.document.id)).toEqual([p.id]);
    expect(r.groups.page[0]?.matches.map((m) => words(p.text, m))).toEqual(['ទូរស័ព្ទ']);
  });

  it('ignores case and Latin diacritics, both ways', () => {
    const index = new SearchIndex();
    const p = page('Transfer approved by JOSÉ Müller at the Café.');
    index.put(p);
    expect(index.search('jose muller').counts.page).toBe(1);
    expect(index.search('CAFÉ').counts.page).toBe(1);
    expect(index.search('Josè').groups.page[0]?.matches.map((m) => words(p.text, m))).toEqual([
      'JOSÉ',
    ]);
  });

  it('needs every word, in any order, and completes the last word as a prefix', () => {
    const index = new SearchIndex();
    const a = page('Somchai Rakdee recruited the women in Poipet');
    const b = page('Somchai paid the driver');
    index.put(a);
    index.put(b);
    expect(index.search('rakdee somchai').groups.page.map((h) => h.document.id)).toEqual([a.id]);
    expect(index.search('somchai recru').groups.page.map((h) => h.document.id)).toEqual([a.id]);
    // A trailing space ends the word: no prefix completion.
    expect(index.search('somchai recru ').counts.page).toBe(0);
    expect(index.search('nobody').counts.page).toBe(0);
    expect(index.search('   ').counts.page).toBe(0);
  });

  it('follows updates and removals', () => {
    const index = new SearchIndex();
    const p = page('The broker is called Dara');
    index.put(p);
    expect(index.search('dara').counts.page).toBe(1);
    index.put({ ...p, text: 'The broker is called Sopheap' });
    expect(index.size).toBe(1);
    expect(index.search('dara').counts.page).toBe(0);
    expect(index.search('sopheap').counts.page).toBe(1);
    expect(index.remove('page', p.id)).toBe(true);
    expect(index.search('sopheap').counts.page).toBe(0);
    expect(index.remove('page', p.id)).toBe(false);
    expect(index.size).toBe(0);
  });

  it('keeps finding the right pages after many removals and re-puts', () => {
    const index = new SearchIndex();
    const pages = Array.from({ length: 400 }, (_, i) =>
      page(`statement ${i} about broker${i % 7} and the van ${'filler '.repeat(5)}`),
    );
    for (const p of pages) index.put(p);
    // Enough removals to compact the postings (renumbering the documents) more than once.
    for (const p of pages.slice(0, 300)) index.remove('page', p.id);
    for (const p of pages.slice(300, 350)) index.put({ ...p, text: `${p.text} rescued` });
    expect(index.size).toBe(100);
    expect(index.search('van').counts.page).toBe(100);
    expect(index.search('rescued').counts.page).toBe(50);
    const broker3 = pages.slice(300).filter((_, i) => (300 + i) % 7 === 3);
    expect(
      new Set(index.search('broker3', { limit: 100 }).groups.page.map((h) => h.document.id)),
    ).toEqual(new Set(broker3.map((p) => p.id)));
    expect(index.search('statement 42').counts.page).toBe(0);
    expect(index.search('statement 342').groups.page[0]?.document.id).toBe(pages[342]?.id);
  });

  it('groups results by kind: pages, entity names and aliases, notes', () => {
    const caseId = newId<CaseId>();
    const entity: Entity = {
      id: newId<EntityId>(),
      caseId,
      kind: 'person',
      names: [
        { value: 'Chan Dara', script: 'latin', primary: true },
        { value: 'ចាន់ ដារ៉ា', script: 'khmer' },
      ],
      roles: ['recruiter'],
      properties: {},
      notes: 'Seen with Dara at the casino in Poipet',
      createdAt: '2024-03-12T00:00:00Z',
      updatedAt: '2024-03-12T00:00:00Z',
    };
    const index = new SearchIndex();
    index.put(entityDocument(entity));
    const note = noteDocument(entity);
    if (note === undefined) throw new Error('entity has notes');
    index.put(note);
    index.put(page('Dara took the passports.'));
    const r = index.search('dara');
    expect(r.counts).toEqual({ page: 1, entity: 1, note: 1 });
    expect(r.groups.entity[0]?.document.id).toBe(entity.id);
    expect(index.search('ដារ៉ា').groups.entity[0]?.document.id).toBe(entity.id);
    expect(index.search('dara', { kinds: ['note'] }).counts).toEqual({
      page: 0,
      entity: 0,
      note: 1,
    });
  });

  it('ranks the page that says it more, and limits each group', () => {
    const index = new SearchIndex();
    const many = page('Poipet. Poipet again, and Poipet border crossing at Poipet.');
    index.put(
      page('A long page that mentions Poipet once among many other words about the case file.'),
    );
    index.put(many);
    for (let i = 0; i < 30; i++) index.put(page(`filler page ${i} Poipet`));
    const r = index.search('poipet', { limit: 5 });
    expect(r.counts.page).toBe(32);
    expect(r.groups.page).toHaveLength(5);
    expect(r.groups.page[0]?.document.id).toBe(many.id);
  });

  it('makes a snippet around the first match with the words marked', () => {
    const index = new SearchIndex();
    const text = `${'lorem ipsum '.repeat(30)}the victim met Sok Pisey near the market ${'dolor sit '.repeat(30)}`;
    const p = page(text);
    index.put(p);
    const hit = index.search('pisey').groups.page[0];
    expect(hit?.snippet.text).toContain('met Sok Pisey near');
    expect(hit?.snippet.text.length).toBeLessThan(220);
    expect(hit?.snippet.start).toBeGreaterThan(0);
    const [h] = hit?.snippet.highlights ?? [];
    expect(h && hit ? hit.snippet.text.slice(h.start, h.end) : '').toBe('Pisey');
    expect(
      text.slice(
        (hit?.snippet.start ?? 0) + (h?.start ?? 0),
        (hit?.snippet.start ?? 0) + (h?.end ?? 0),
      ),
    ).toBe('Pisey');
  });

  it('finds every page when the expansions of a prefix occur in more pages than there are', () => {
    // Issue #21: "offic" expands to office, officer, official...; their document frequencies
    // summed exceed the number of pages, and the pages used to be dropped.
    const index = new SearchIndex();
    const texts = [
      'the officer met the official at the office',
      'the office of the officer',
      'an official statement from the office',
      'the casino office in Poipet, the officer said',
    ];
    const ids = texts.map((t) => {
      const p = page(t);
      index.put(p);
      return p.id;
    });
    index.put(page('nothing of the kind here'));
    expect(new Set(index.search('offic').groups.page.map((h) => h.document.id))).toEqual(
      new Set(ids),
    );
    expect(index.search('offic').counts.page).toBe(4);
    expect(index.search('th').counts.page).toBe(5);
    expect(index.search('casino office').counts.page).toBe(1);
    expect(index.search('casino offi').groups.page[0]?.document.id).toBe(ids[3]);
    for (const hit of index.search('th').groups.page) expect(hit.score).toBeGreaterThan(0);
  });

  it('finds a prefix with more expansions than a query used to keep', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 100; i++) index.put(page(`word ab${String(i).padStart(3, '0')}x`));
    expect(index.search('ab').counts.page).toBe(100);
  });

  it('finds a name across Latin, Thai and Khmer through its romanisation', () => {
    const index = new SearchIndex();
    const thai = page('ผู้เสียหายให้การว่านายสมชายพาไปทำงานที่พัทยา');
    const khmer = page('ជនរងគ្រោះបាននិយាយថាលោកសុខាបានយកលិខិតឆ្លងដែន');
    const latin = page('Statement: Somchai and Sokha met at the border.');
    index.put(thai);
    index.put(khmer);
    index.put(latin);
    const ids = (q: string): Set<string> =>
      new Set(index.search(q).groups.page.map((h) => h.document.id));
    expect(ids('Somchai')).toEqual(new Set([thai.id, latin.id]));
    expect(ids('Sokha')).toEqual(new Set([khmer.id, latin.id]));
    expect(ids('สมชาย')).toEqual(new Set([thai.id, latin.id]));
    expect(ids('សុខា')).toEqual(new Set([khmer.id, latin.id]));
    const hit = index.search('somchai').groups.page.find((h) => h.document.id === thai.id);
    expect(hit?.matches.map((m) => words(thai.text, m))).toEqual(['สมชาย']);
    expect(index.search('Somchai', { crossScript: false }).counts.page).toBe(1);
  });

  it('tolerates one OCR error from five letters and two from nine, ranking the exact word first', () => {
    const index = new SearchIndex();
    const exact = page('her passport was taken by the recruiter');
    const misread = page('her passp0rt was taken by the recru1tcr');
    index.put(misread);
    index.put(exact);
    index.put(page('a pass for the port'));
    expect(index.search('passport ').groups.page.map((h) => h.document.id)).toEqual([
      exact.id,
      misread.id,
    ]);
    expect(index.search('recruiter ').counts.page).toBe(2);
    expect(index.search('passport ', { fuzzy: false }).counts.page).toBe(1);
    // Short words are matched as written: "pass" does not find "past" or "mass".
    index.put(page('the past mass'));
    expect(index.search('pass ').counts.page).toBe(1);
  });

  it('rejects a bad limit and a document without text', () => {
    const index = new SearchIndex();
    expect(() => index.search('x', { limit: 0 })).toThrow(/limit/u);
    expect(() =>
      index.put({
        kind: 'page',
        id: newId<PageId>(),
        evidenceId,
        pageNumber: 1,
      } as unknown as SearchDocument),
    ).toThrow(/no text/u);
  });
});
