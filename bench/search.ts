/**
 * Search bench: indexes 5,000 generated pages (about 10 million characters, Latin and
 * unspaced Thai mixed as in bilingual case files), then runs 1,000 queries of one to three
 * words with the last word often cut short, as typed. Targets: build under 20 s, query p95
 * under 30 ms. For an exact heap figure run with NODE_OPTIONS=--expose-gc, so garbage from
 * generating the pages is collected before and after building.
 */
import type { BenchResult } from './types';
import { SearchIndex } from '../src/core/search';
import type { EvidenceId, PageId } from '../src/core/model';

const PAGES = 5_000;
const PAGE_CHARS = 2_000;
const QUERIES = 1_000;

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

export async function run(): Promise<BenchResult> {
  const rand = prng(20240312);
  const pages = Array.from({ length: PAGES }, () => generatePage(rand));
  const chars = pages.reduce((s, p) => s + p.length, 0);
  const queries = Array.from({ length: QUERIES }, () => generateQuery(rand));
  const evidenceId = crypto.randomUUID() as EvidenceId;

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new SearchIndex();
  const buildStart = performance.now();
  pages.forEach((text, i) => {
    index.put({
      kind: 'page',
      id: crypto.randomUUID() as PageId,
      evidenceId,
      pageNumber: i + 1,
      text,
    });
  });
  const buildMs = performance.now() - buildStart;
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const r = index.search(q);
    times.push(performance.now() - t0);
    hits += r.counts.page;
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

  // Yield once so the bench runner's output is not interleaved with a long synchronous run.
  await Promise.resolve();
  return {
    rows: [
      ['pages indexed', `${PAGES} (${(chars / 1e6).toFixed(1)} M characters)`],
      ['build', `${round(buildMs / 1000, 2)} s (target < 20 s)`],
      ['queries', `${QUERIES}, ${round(hits / QUERIES, 1)} matching pages on average`],
      ['query p50', `${round(p50)} ms`],
      ['query p95', `${round(p95)} ms (target < 30 ms)`],
      [
        'heap used delta',
        `${round(heapMb, 1)} MB${gc === undefined ? ' (no --expose-gc: includes garbage)' : ''}`,
      ],
    ],
    figures: {
      build_ms: round(buildMs, 0),
      query_p50_ms: round(p50, 3),
      query_p95_ms: round(p95, 3),
      heap_mb: round(heapMb, 1),
    },
  };
}
