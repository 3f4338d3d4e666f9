/** Byte-level edits of real PDFs for the evidence tests. */
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
