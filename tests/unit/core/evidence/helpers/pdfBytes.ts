/** Byte-level edits of real PDFs for the evidence tests. */
import { inflateSync } from 'node:zlib';
import { concat } from './imageBytes';

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

/** PDF literal string with the characters that need escaping escaped. */
const literal = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * Appends an incremental update giving the document a new Info dictionary, the way an editing
 * tool would (the original bytes stay untouched before the update).
 */
export function withInfo(pdf: Uint8Array, info: Readonly<Record<string, string>>): Uint8Array {
  const text = latin1(pdf);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const size = [...text.matchAll(/\/Size\s+(\d+)/g)].at(-1)?.[1];
  const root = [...text.matchAll(/\/Root\s+(\d+\s+\d+\s+R)/g)].at(-1)?.[1];
  if (!startxref || size === undefined || root === undefined)
    throw new Error('not a PDF with a classic trailer');
  const num = Number(size);
  const body = Object.entries(info)
    .map(([k, v]) => `/${k} ${literal(v)}`)
    .join(' ');
  const object = `\n${num} 0 obj\n<< ${body} >>\nendobj\n`;
  const objectAt = pdf.length + 1;
  const xrefAt = pdf.length + object.length;
  const update =
    object +
    `xref\n${num} 1\n${String(objectAt).padStart(10, '0')} 00000 n\r\n` +
    `trailer\n<< /Size ${num + 1} /Root ${root} /Info ${num} 0 R /Prev ${startxref[1]} >>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return concat(pdf, new TextEncoder().encode(update));
}

/** How withBrokenToUnicode breaks a font's ToUnicode map. */
export type ToUnicodeDamage = 'unmapped' | 'nul' | 'replacement' | 'private-use';

/**
 * Appends an incremental update that replaces the ToUnicode CMap of every font whose map reaches
 * into `block` (e.g. Thai, U+0E00-U+0E7F): its glyphs then have no Unicode ('unmapped', as a
 * subsetting tool that drops the map leaves them), map to U+0000 (what Chromium's printer
 * writes for a .notdef glyph), to U+FFFD, or to private-use code points. The glyphs still draw
 * the same: only the text a reader would copy or search is wrong, as in real broken PDFs.
 */
export function withBrokenToUnicode(
  pdf: Uint8Array,
  block: readonly [number, number],
  damage: ToUnicodeDamage,
): Uint8Array {
  const text = latin1(pdf);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const size = [...text.matchAll(/\/Size\s+(\d+)/g)].at(-1)?.[1];
  const root = [...text.matchAll(/\/Root\s+(\d+\s+\d+\s+R)/g)].at(-1)?.[1];
  if (!startxref || size === undefined || root === undefined)
    throw new Error('not a PDF with a classic trailer');
  const numbers = [...new Set([...text.matchAll(/\/ToUnicode (\d+) 0 R/g)].map((m) => m[1]))];
  const replaced: Array<readonly [number, string]> = [];
  for (const n of numbers) {
    const obj = new RegExp(`(?:^|\\s)${n} 0 obj\\s*<<([^>]*)>>\\s*stream\\r?\\n`).exec(text);
    if (!obj) continue;
    const start = obj.index + obj[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    const cmap = /FlateDecode/.test(obj[1] ?? '') ? latin1(inflateSync(raw)) : latin1(raw);
    const targets = [
      ...cmap.matchAll(/<([0-9A-Fa-f]{4})>\s*(?:<[0-9A-Fa-f]{4}>\s*)?<([0-9A-Fa-f]{4})>/g),
    ];
    if (!targets.some((m) => inBlock(parseInt(m[2] ?? '', 16), block))) continue;
    const codes = [...cmap.matchAll(/^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})>$/gm)].map((m) => m[1]);
    const entries = codes.map((code, i) => {
      const to = damage === 'nul' ? 0 : damage === 'replacement' ? 0xfffd : 0xe000 + i;
      return `<${code}> <${to.toString(16).padStart(4, '0').toUpperCase()}>`;
    });
    const body =
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
      '/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n' +
      '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
      (damage === 'unmapped' || entries.length === 0
        ? ''
        : `${entries.length} beginbfchar\n${entries.join('\n')}\nendbfchar\n`) +
      'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n';
    replaced.push([Number(n), body]);
  }
  if (replaced.length === 0) throw new Error('no font maps into that Unicode block');
  let update = '\n';
  const offsets: Array<readonly [number, number]> = [];
  for (const [n, body] of replaced) {
    offsets.push([n, pdf.length + update.length]);
    update += `${n} 0 obj\n<< /Length ${body.length} >>\nstream\n${body}endstream\nendobj\n`;
  }
  const xrefAt = pdf.length + update.length;
  update +=
    'xref\n' +
    offsets.map(([n, at]) => `${n} 1\n${String(at).padStart(10, '0')} 00000 n\r\n`).join('') +
    `trailer\n<< /Size ${size} /Root ${root} /Prev ${startxref[1]} >>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return concat(pdf, new TextEncoder().encode(update));
}

const inBlock = (cp: number, [from, to]: readonly [number, number]) => cp >= from && cp <= to;
