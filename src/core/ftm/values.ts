/**
 * Entity.properties holds one string per key, FtM properties are lists of strings. The rule,
 * lossless both ways: a single value is stored as itself; several values, or a single value
 * that itself begins with "[", are stored as a JSON array. Reading back, a value that begins
 * with "[" and parses as an array of strings is a list; anything else is one value.
 */
export function encodeValues(values: readonly string[]): string {
  if (values.length === 1 && !values[0]!.startsWith('[')) return values[0]!;
  return JSON.stringify(values);
}

export function decodeValues(stored: string): string[] {
  if (stored.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(stored);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return parsed;
    } catch {
      // Not JSON: a value that happens to start with "[" (written by hand, not by encodeValues).
    }
  }
  return [stored];
}
