/**
 * A streaming CSV parser (RFC 4180): quoted fields with doubled quotes, delimiters and line
 * breaks inside quotes, CRLF, LF or CR line ends, a leading byte-order mark. Text arrives in
 * pieces of any size; complete records come out, each with the line it starts on.
 *
 * A malformed record (a quote inside an unquoted field, text after a closing quote, a quote
 * never closed) is reported with its line number and skipped up to the end of its line, and
 * parsing goes on from there: one bad row never costs the rows after it. A record longer than
 * MAX_RECORD_CHARS is treated as an unclosed quote, so that a stray quote cannot make the
 * parser hold the rest of a large file in memory.
 */

export type CsvRow = Readonly<{ line: number; fields: string[] }>;
export type CsvProblem = Readonly<{ line: number; message: string }>;

export type CsvSink = Readonly<{
  row: (row: CsvRow) => void;
  problem: (problem: CsvProblem) => void;
}>;

export const MAX_RECORD_CHARS = 1 << 20;

const UNCLOSED = 'a quoted field is never closed (its closing quote is missing)';
const QUOTE = 34;
const LF = 10;
const CR = 13;

type Step =
  | { kind: 'row'; fields: string[]; end: number; lines: number }
  | { kind: 'incomplete' }
  | { kind: 'error'; message: string };

export class CsvParser {
  readonly delimiter: string;
  readonly #delim: number;
  #buffer = '';
  #line = 1;
  #started = false;

  constructor(delimiter = ',') {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new Error(`"${delimiter}" cannot be a CSV delimiter.`);
    }
    this.delimiter = delimiter;
    this.#delim = delimiter.charCodeAt(0);
  }

  /** Feeds the next piece of text; complete records are passed to the sink. */
  push(text: string, sink: CsvSink): void {
    if (!this.#started) {
      this.#started = text.length > 0;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.#buffer = this.#buffer.length === 0 ? text : this.#buffer + text;
    this.#drain(false, sink);
  }

  /** Ends the input: whatever is left is the last record, or an error. */
  finish(sink: CsvSink): void {
    this.#drain(true, sink);
    this.#buffer = '';
  }

  #drain(final: boolean, sink: CsvSink): void {
    const s = this.#buffer;
    const n = s.length;
    let i = 0;
    while (i < n) {
      // Blank lines carry no record (a trailing newline, a gap between blocks).
      const c = s.charCodeAt(i);
      if (c === LF || c === CR) {
        if (c === CR && i + 1 >= n && !final) break;
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        this.#line++;
        continue;
      }
      const step = this.#record(s, i, final);
      if (step.kind === 'row') {
        sink.row({ line: this.#line, fields: step.fields });
        this.#line += step.lines;
        i = step.end;
        continue;
      }
      const tooLong = n - i > MAX_RECORD_CHARS;
      if (step.kind === 'incomplete' && !final && !tooLong) break;
      const message = step.kind === 'error' ? step.message : UNCLOSED;
      // Skip the record's first physical line and go on with the next one.
      const next = nextLineStart(s, i);
      if (next < 0 && !final) break;
      sink.problem({ line: this.#line, message });
      this.#line++;
      i = next < 0 ? n : next;
    }
    this.#buffer = i >= n ? '' : s.slice(i);
  }

  #record(s: string, start: number, final: boolean): Step {
    const n = s.length;
    const d = this.#delim;
    const fields: string[] = [];
    let pos = start;
    let lines = 0;
    for (;;) {
      if (pos >= n) {
        if (!final) return { kind: 'incomplete' };
        fields.push('');
        return { kind: 'row', fields, end: n, lines: lines + 1 };
      }
      if (s.charCodeAt(pos) === QUOTE) {
        let value = '';
        let seg = pos + 1;
        let q: number;
        for (;;) {
          q = s.indexOf('"', seg);
          if (q < 0) return final ? { kind: 'error', message: UNCLOSED } : { kind: 'incomplete' };
          if (q + 1 >= n && !final) return { kind: 'incomplete' };
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(seg, q + 1);
            seg = q + 2;
            continue;
          }
          value += s.slice(seg, q);
          break;
        }
        lines += countLineBreaks(s, pos, q);
        fields.push(value);
        pos = q + 1;
        if (pos >= n) {
          if (!final) return { kind: 'incomplete' };
          return { kind: 'row', fields, end: n, lines: lines + 1 };
        }
        const c = s.charCodeAt(pos);
        if (c === d) {
          pos++;
          continue;
        }
        if (c !== LF && c !== CR) {
          return { kind: 'error', message: 'text follows a closing quote in the same field' };
        }
      } else {
        let j = pos;
        let c = 0;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === d || c === LF || c === CR) break;
          if (c === QUOTE) {
            return { kind: 'error', message: 'a quote inside an unquoted field' };
          }
          j++;
        }
        if (j >= n && !final) return { kind: 'incomplete' };
        fields.push(s.slice(pos, j));
        pos = j;
        if (pos >= n) return { kind: 'row', fields, end: n, lines: lines + 1 };
        if (c === d) {
          pos++;
          continue;
        }
      }
      // A line break ends the record.
      if (s.charCodeAt(pos) === CR) {
        if (pos + 1 >= n && !final) return { kind: 'incomplete' };
        pos += s.charCodeAt(pos + 1) === LF ? 2 : 1;
      } else {
        pos++;
      }
      return { kind: 'row', fields, end: pos, lines: lines + 1 };
    }
  }
}

function nextLineStart(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return -1;
}

/** Line breaks inside a quoted field, so line numbers after it stay right. */
function countLineBreaks(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/** The delimiter a header line most likely uses: comma, semicolon, tab or pipe. */
export function guessDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export type ParseProgress = Readonly<{ bytes: number }>;

/**
 * Parses a byte stream, calling the sink for every record and problem and `progress` after each
 * chunk. Memory holds one chunk and at most one partial record. Stops early, without error,
 * if `signal` is aborted; the caller checks the signal.
 */
export async function parseCsvStream(
  stream: ReadableStream<Uint8Array>,
  parser: CsvParser,
  sink: CsvSink,
  options: Readonly<{ progress?: (p: ParseProgress) => void; signal?: AbortSignal }> = {},
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const reader = stream.getReader();
  let bytes = 0;
  try {
    for (;;) {
      if (options.signal?.aborted) return;
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      parser.push(decoder.decode(value, { stream: true }), sink);
      options.progress?.({ bytes });
    }
    parser.push(decoder.decode(), sink);
    parser.finish(sink);
  } finally {
    if (options.signal?.aborted) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
