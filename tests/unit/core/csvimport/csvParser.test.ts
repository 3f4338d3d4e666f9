import { describe, expect, it } from 'vitest';
import {
  CsvParser,
  parseCsvStream,
  type CsvProblem,
  type CsvRow,
} from '../../../../src/core/csvimport';

function parseInPieces(
  text: string,
  size: number,
  delimiter = ',',
): { rows: CsvRow[]; problems: CsvProblem[] } {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const sink = {
    row: (r: CsvRow) => void rows.push(r),
    problem: (p: CsvProblem) => void problems.push(p),
  };
  const parser = new CsvParser(delimiter);
  for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size), sink);
  parser.finish(sink);
  return { rows, problems };
}

const SAMPLE =
  '\ufeffcaller,receiver,note\r\n' +
  '+85512000001,"+855 12 000 002","said ""come now"", then hung up"\r\n' +
  '012000003,012000004,"two\nlines"\n' +
  '\n' +
  '012000005,0120"00006,x\n' +
  '012000007,"012000008"junk,x\n' +
  '012000009,012000010,last';

describe('CSV parser', () => {
  it('reads RFC 4180 quotes, doubled quotes and line breaks in fields, whatever the chunking', () => {
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      const { rows, problems } = parseInPieces(SAMPLE, size);
      expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 8]);
      expect(rows[0]!.fields).toEqual(['caller', 'receiver', 'note']);
      expect(rows[1]!.fields).toEqual([
        '+85512000001',
        '+855 12 000 002',
        'said "come now", then hung up',
      ]);
      expect(rows[2]!.fields).toEqual(['012000003', '012000004', 'two\nlines']);
      expect(rows[3]!.fields).toEqual(['012000009', '012000010', 'last']);
      // Malformed rows are reported with the line they are on; the rows after them survive.
      expect(problems).toEqual([
        { line: 6, message: 'a quote inside an unquoted field' },
        { line: 7, message: 'text follows a closing quote in the same field' },
      ]);
    }
  });

  it('reports a quote never closed and goes on with the next line', () => {
    const { rows, problems } = parseInPieces('a,b\n1,"open\n2,3\n4,5\n', 4);
    expect(problems).toEqual([
      { line: 2, message: expect.stringContaining('never closed') as string },
    ]);
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['2', '3'],
      ['4', '5'],
    ]);
  });

  it('handles other delimiters, CR line ends, empty fields and a final line without a break', () => {
    const { rows } = parseInPieces('a;b;c\r1;;"x;y"\r2;3;', 2, ';');
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', '', 'x;y']],
      [3, ['2', '3', '']],
    ]);
  });

  it('parses a byte stream split inside multi-byte characters', async () => {
    const bytes = new TextEncoder().encode('name,city\n"សុខ ដារ៉ា",กรุงเทพ\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
        controller.close();
      },
    });
    const rows: CsvRow[] = [];
    let lastBytes = 0;
    await parseCsvStream(
      stream,
      new CsvParser(),
      { row: (r) => void rows.push(r), problem: () => undefined },
      {
        progress: ({ bytes: b }) => (lastBytes = b),
      },
    );
    expect(rows[1]!.fields).toEqual(['សុខ ដារ៉ា', 'กรุงเทพ']);
    expect(lastBytes).toBe(bytes.length);
  });
});
