import type { FtmRecord, ImportWarning, MalformedLine } from './types';

export type ParsedRecord = Readonly<{ line: number; record: FtmRecord }>;

export type ParsedLines = Readonly<{
  records: readonly ParsedRecord[];
  lines: number;
  malformed: readonly MalformedLine[];
  warnings: readonly ImportWarning[];
}>;

function checkRecord(value: unknown): FtmRecord | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'expected a JSON object {id, schema, properties}';
  const v = value as Record<string, unknown>;
  if (typeof v['id'] !== 'string' || v['id'].trim() === '') return 'missing "id"';
  if (typeof v['schema'] !== 'string' || v['schema'].trim() === '')
    return `entity "${v['id']}" has no "schema"`;
  const raw = v['properties'] ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return `entity "${v['id']}": "properties" must be an object`;
  const properties: Record<string, readonly string[]> = {};
  for (const [key, list] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
      return `entity "${v['id']}": property "${key}" must be a list of strings`;
    if (list.length > 0) properties[key] = list;
  }
  return { id: v['id'], schema: v['schema'], properties };
}

/**
 * Reads FtM JSON lines. A bad line is reported with its number and skipped; the rest is read.
 * Lines with the same id are fragments of one entity (as `ftm aggregate` would merge them):
 * their values are united, in order of appearance.
 */
export function parseFtmLines(text: string): ParsedLines {
  const malformed: MalformedLine[] = [];
  const warnings: ImportWarning[] = [];
  const byId = new Map<
    string,
    { line: number; schema: string; properties: Map<string, string[]> }
  >();
  let lines = 0;
  text.split(/\r?\n/).forEach((content, i) => {
    const line = i + 1;
    const trimmed = content.trim();
    if (trimmed === '') return;
    lines++;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      malformed.push({
        line,
        message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
      return;
    }
    const record = checkRecord(value);
    if (typeof record === 'string') {
      malformed.push({ line, message: record });
      return;
    }
    const seen = byId.get(record.id);
    if (seen === undefined) {
      byId.set(record.id, {
        line,
        schema: record.schema,
        properties: new Map(Object.entries(record.properties).map(([k, v]) => [k, [...v]])),
      });
      return;
    }
    if (seen.schema !== record.schema)
      warnings.push({
        line,
        id: record.id,
        message: `appears earlier (line ${seen.line}) as a ${seen.schema}; this ${record.schema} fragment's properties were merged into it`,
      });
    for (const [key, values] of Object.entries(record.properties)) {
      const list = seen.properties.get(key) ?? [];
      for (const value of values) if (!list.includes(value)) list.push(value);
      seen.properties.set(key, list);
    }
  });
  const records = [...byId].map(([id, r]) => ({
    line: r.line,
    record: { id, schema: r.schema, properties: Object.fromEntries(r.properties) },
  }));
  return { records, lines, malformed, warnings };
}
