/**
 * Whether OCR kept a ledger's rows together: shared by the OCR bench and the OCR tests.
 */
import { editDistance } from '../../src/core/ocr';

/**
 * Where `cell` is in `line` from `from` on, allowing about one error in three characters (the
 * characters themselves are the CER's business; this asks only where the cell went), or -1.
 */
function findCell(line: string, cell: string, from: number): number {
  const budget = Math.max(1, Math.floor(cell.length / 3));
  let best = -1;
  let bestDistance = budget + 1;
  for (let start = from; start <= line.length - Math.max(1, cell.length - budget); start++) {
    for (const length of [cell.length - 1, cell.length, cell.length + 1]) {
      if (length < 1 || start + length > line.length) continue;
      const d = editDistance([...line.slice(start, start + length)], [...cell]);
      if (d < bestDistance) {
        bestDistance = d;
        best = start + length;
      }
    }
    if (bestDistance === 0) break;
  }
  return bestDistance <= budget ? best : -1;
}

/**
 * Share of a ledger's rows whose cells (date, payer, payee, amount) all come
 * out on one line, in reading order.
 */
export function rowsKeptOnOneLine(
  rows: ReadonlyArray<readonly string[]>,
  text: string,
  /** Thai and Khmer: compare without spaces, which their OCR adds and drops freely. */
  spaceless = false,
): number {
  if (rows.length === 0) return 1;
  const squash = (s: string): string =>
    spaceless ? s.replace(/\s+/g, '') : s.replace(/\s+/g, ' ').trim();
  const lines = text.split('\n').map(squash);
  const kept = rows.filter((row) =>
    lines.some((line) => {
      let at = 0;
      for (const cell of row) {
        at = findCell(line, squash(cell), at);
        if (at < 0) return false;
      }
      return true;
    }),
  );
  return kept.length / rows.length;
}
