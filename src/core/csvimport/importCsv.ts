/**
 * Importing call detail records and bank transactions. The file is stored in the vault first
 * (encrypted, hashed), then read back from there and parsed as a stream, so what is imported
 * is exactly what is kept as evidence. Rows are aggregated per pair of endpoints as they come:
 * memory grows with the number of distinct phones, accounts and pairs, never with the number
 * of rows. At the end, in one audited transaction: the evidence item with its hash and intake
 * custody, phone or account entities (joined by blind index to those already in the case),
 * and one link per pair, each citing the file.
 */
import { entityWriteTables, putEntities } from '../entities/write';
import type {
  AggregatedLinkRow,
  BlindToken,
  CitationRow,
  CsvImportKind,
  CustodyRow,
  EntityRow,
  EvidenceRow,
  PageRow,
} from '../db';
import {
  newId,
  type CaseId,
  type CitationId,
  type CustodyId,
  type EntityId,
  type EvidenceId,
  type LinkId,
  type PageId,
} from '../model';
import {
  normalizeDocumentNumber,
  normalizePhone,
  type FileSource,
  type UnlockedVault,
} from '../vault';
import { CsvParser, parseCsvStream, type CsvProblem, type CsvRow } from './csvParser';
import { mappingProblems } from './mapping';
import { formatDuration, parseAmount, parseDateTime, parseDuration } from './values';

export class CsvImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvImportError';
  }
}

export class CsvImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was kept.');
    this.name = 'CsvImportCancelled';
  }
}

export type CsvImportProgress = Readonly<{
  phase: 'storing' | 'parsing' | 'writing';
  bytes: number;
  totalBytes: number;
  rows: number;
}>;

export type CsvImportInput = Readonly<{
  caseId: CaseId;
  kind: CsvImportKind;
  source: FileSource;
  fileName: string;
  /** Field to column header. */
  mapping: Readonly<Record<string, string>>;
  delimiter?: string;
  /** Where local phone numbers without a country code were written (e.g. "KH"). */
  defaultRegion?: string;
  exhibitRef?: string;
  onProgress?: (progress: CsvImportProgress) => void;
  signal?: AbortSignal;
}>;

export type CsvImportReport = Readonly<{
  evidenceId: EvidenceId;
  sha256: string;
  /** Data rows read (the header not counted), good or bad. */
  rows: number;
  imported: number;
  /** The first MAX_REPORTED_PROBLEMS problems, with their line numbers. */
  problems: readonly CsvProblem[];
  problemCount: number;
  entitiesCreated: number;
  entitiesJoined: number;
  links: number;
}>;

export const MAX_REPORTED_PROBLEMS = 1000;
/** Line numbers quoted per link in its citation: enough to find the rows, bounded in size. */
const QUOTED_LINES = 5;

type Aggregate = {
  source: string;
  target: string;
  currency: string;
  count: number;
  total: number;
  firstMs: number;
  first: string;
  lastMs: number;
  last: string;
  lines: number[];
};

type Endpoint = Readonly<{ normal: string; token: BlindToken; shown: string }>;

export async function importCsv(
  vault: UnlockedVault,
  input: CsvImportInput,
): Promise<CsvImportReport> {
  const { kind, caseId, signal } = input;
  const fieldsNeeded =
    kind === 'calls'
      ? ['caller', 'receiver', 'start', 'duration', 'location']
      : ['from', 'to', 'amount', 'currency', 'date', 'reference'];
  const progress = input.onProgress ?? (() => undefined);
  const region = input.defaultRegion as Parameters<typeof normalizePhone>[1];

  progress({ phase: 'storing', bytes: 0, totalBytes: 0, rows: 0 });
  const file = await vault.files.put(input.source, {
    caseId,
    mediaType: 'text/csv',
    label: input.fileName,
    sha256: true,
  });
  const discard = async (): Promise<void> => {
    await vault.files.delete(file.id).catch(() => undefined);
  };
  if (signal?.aborted) {
    await discard();
    throw new CsvImportCancelled();
  }

  // Endpoint normalisation is the costly part of a row (libphonenumber); a file names few
  // distinct numbers many times, so each raw spelling is normalised once.
  const endpoints = new Map<string, Endpoint | null>();
  const endpoint = (raw: string): Endpoint | null => {
    let hit = endpoints.get(raw);
    if (hit !== undefined) return hit;
    try {
      if (kind === 'calls') {
        const normal = normalizePhone(raw, region);
        hit = { normal, token: vault.blindIndex.token('phone', normal), shown: normal };
      } else {
        const normal = normalizeDocumentNumber(raw);
        hit = { normal, token: vault.blindIndex.token('document', normal), shown: raw.trim() };
      }
    } catch {
      hit = null;
    }
    endpoints.set(raw, hit);
    return hit;
  };

  const aggregates = new Map<string, Aggregate>();
  const problems: CsvProblem[] = [];
  let problemCount = 0;
  const problem = (p: CsvProblem): void => {
    problemCount++;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(p);
  };
  let header: string[] | undefined;
  let columns: number[] = [];
  let rows = 0;
  let imported = 0;
  let headerText = '';

  const onRow = (row: CsvRow): void => {
    if (header === undefined) {
      header = row.fields.map((h) => h.trim());
      headerText = row.fields.join(input.delimiter ?? ',');
      const issues = mappingProblems(kind, header, input.mapping);
      if (issues.length > 0) throw new CsvImportError(issues.join(' '));
      columns = fieldsNeeded.map((f) => {
        const h = input.mapping[f];
        return h ? header!.indexOf(h) : -1;
      });
      return;
    }
    rows++;
    const f = row.fields;
    if (f.length !== header.length) {
      problem({ line: row.line, message: `expected ${header.length} fields, found ${f.length}` });
      return;
    }
    const get = (i: number): string => {
      const c = columns[i] ?? -1;
      return c < 0 ? '' : (f[c] ?? '').trim();
    };
    const a = get(0);
    const b = get(1);
    const ea = a === '' ? null : endpoint(a);
    const eb = b === '' ? null : endpoint(b);
    const names =
      kind === 'calls' ? ['caller', 'receiver'] : ['sender account', 'receiving account'];
    if (ea === null) {
      problem({
        line: row.line,
        message:
          a === ''
            ? `the ${names[0]} is empty`
            : `"${a}" is not a valid ${kind === 'calls' ? 'phone number' : 'account number'}`,
      });
      return;
    }
    if (eb === null) {
      problem({
        line: row.line,
        message:
          b === ''
            ? `the ${names[1]} is empty`
            : `"${b}" is not a valid ${kind === 'calls' ? 'phone number' : 'account number'}`,
      });
      return;
    }
    let when: ReturnType<typeof parseDateTime>;
    let value: number;
    let currency = '';
    if (kind === 'calls') {
      when = parseDateTime(get(2));
      if (!when) {
        problem({ line: row.line, message: `the start "${get(2)}" is not a date and time` });
        return;
      }
      const d = get(3);
      const duration = d === '' ? 0 : parseDuration(d);
      if (duration === undefined) {
        problem({ line: row.line, message: `the duration "${d}" is not seconds or h:mm:ss` });
        return;
      }
      value = duration;
    } else {
      const amount = parseAmount(get(2));
      if (amount === undefined) {
        problem({ line: row.line, message: `the amount "${get(2)}" is not a number` });
        return;
      }
      value = amount;
      currency = get(3).toUpperCase();
      when = parseDateTime(get(4));
      if (!when) {
        problem({ line: row.line, message: `the date "${get(4)}" is not a date` });
        return;
      }
    }
    const key = `${ea.normal}\u0000${eb.normal}\u0000${currency}`;
    const agg = aggregates.get(key);
    if (agg === undefined) {
      aggregates.set(key, {
        source: ea.normal,
        target: eb.normal,
        currency,
        count: 1,
        total: value,
        firstMs: when.ms,
        first: when.iso,
        lastMs: when.ms,
        last: when.iso,
        lines: [row.line],
      });
    } else {
      agg.count++;
      agg.total += value;
      if (when.ms < agg.firstMs) {
        agg.firstMs = when.ms;
        agg.first = when.iso;
      }
      if (when.ms > agg.lastMs) {
        agg.lastMs = when.ms;
        agg.last = when.iso;
      }
      if (agg.lines.length < QUOTED_LINES) agg.lines.push(row.line);
    }
    imported++;
  };

  try {
    await parseCsvStream(
      vault.files.read(file.id),
      new CsvParser(input.delimiter ?? ','),
      {
        row: onRow,
        // A record the parser could not read is a data row too: it counts in `rows`.
        problem: (p) => {
          if (header !== undefined) rows++;
          problem(p);
        },
      },
      {
        signal,
        progress: ({ bytes }) => progress({ phase: 'parsing', bytes, totalBytes: file.size, rows }),
      },
    );
    if (signal?.aborted) throw new CsvImportCancelled();
    if (header === undefined) throw new CsvImportError('The file is empty: it has no header line.');
  } catch (error) {
    await discard();
    throw error;
  }

  progress({ phase: 'writing', bytes: file.size, totalBytes: file.size, rows });
  const now = new Date().toISOString();
  const evidenceId = newId<EvidenceId>();
  const pageId = newId<PageId>();
  const sha256 = file.sha256 ?? '';
  const label = kind === 'calls' ? 'call detail records' : 'bank transactions';
  const exhibitRef =
    input.exhibitRef?.trim() || `CSV-${now.slice(0, 10)}-${evidenceId.slice(0, 4).toUpperCase()}`;

  // Distinct endpoints used by good rows, joined to the case's entities with the same token.
  const used = new Map<string, Endpoint>();
  for (const e of endpoints.values()) if (e !== null) used.set(e.normal, e);
  const inPairs = new Set<string>();
  for (const agg of aggregates.values()) {
    inPairs.add(agg.source);
    inPairs.add(agg.target);
  }
  const tokens = [...inPairs].map((n) => used.get(n)!.token);

  const db = vault.db;
  return vault.writeAudited(
    [...entityWriteTables(db), db.links, db.evidence, db.pages, db.citations, db.custody],
    async (audit) => {
      const existing = new Map<BlindToken, EntityId>();
      const found = await db.entities.where('blind').anyOf(tokens).toArray();
      for (const e of found) {
        if (e.caseId !== caseId) continue;
        for (const t of e.blind) if (!existing.has(t)) existing.set(t, e.id);
      }
      const ids = new Map<string, EntityId>();
      const created: EntityRow[] = [];
      for (const normal of inPairs) {
        const e = used.get(normal)!;
        const id = existing.get(e.token);
        if (id !== undefined) {
          ids.set(normal, id);
          continue;
        }
        const row: EntityRow = {
          id: newId<EntityId>(),
          caseId,
          kind: kind === 'calls' ? 'phone' : 'bankAccount',
          names: [{ value: e.shown, script: 'latin', primary: true }],
          roles: [],
          properties: kind === 'calls' ? { number: e.normal } : { accountNumber: e.shown },
          createdAt: now,
          updatedAt: now,
          blind: [e.token],
        };
        created.push(row);
        ids.set(normal, row.id);
      }

      const evidence: EvidenceRow = {
        id: evidenceId,
        caseId,
        exhibitRef,
        fileName: input.fileName,
        mediaType: 'text/csv',
        size: file.size,
        sha256,
        fileId: file.id,
        seizedBy: vault.actor.name,
        seizedFrom: '',
        seizedWhere: '',
        description: `Imported ${label}: ${imported} of ${rows} rows, ${aggregates.size} pairs.`,
        metadata: {
          kind,
          rows: String(rows),
          imported: String(imported),
          problems: String(problemCount),
        },
        pageCount: 1,
        createdAt: now,
        blind: [vault.blindIndex.token('sha256', sha256)],
      };
      const page: PageRow = {
        id: pageId,
        caseId,
        evidenceId,
        number: 1,
        text: `${headerText}\n${evidence.description}`,
        words: [],
        source: 'text',
      };
      const custody: CustodyRow = {
        id: newId<CustodyId>(),
        caseId,
        evidenceId,
        at: now,
        actor: vault.actor,
        action: 'intake',
        details: `Imported ${input.fileName} (${label}), SHA-256 ${sha256}.`,
      };
      const links: AggregatedLinkRow[] = [];
      const citations: CitationRow[] = [];
      for (const agg of aggregates.values()) {
        const linkId = newId<LinkId>();
        const calls = kind === 'calls';
        links.push({
          id: linkId,
          caseId,
          type: calls ? 'called' : 'paid',
          label: calls
            ? `${agg.count} call${agg.count === 1 ? '' : 's'}, ${formatDuration(agg.total)}`
            : `${agg.count} payment${agg.count === 1 ? '' : 's'}, ${roundMoney(agg.total)} ${agg.currency}`.trim(),
          source: ids.get(agg.source)!,
          target: ids.get(agg.target)!,
          directed: true,
          from: agg.first,
          to: agg.last,
          count: agg.count,
          ...(calls
            ? { durationSeconds: agg.total }
            : {
                amount: roundMoney(agg.total),
                ...(agg.currency ? { currency: agg.currency } : {}),
              }),
          // Provider and bank records: usually reliable (B), probably true (2); the analyst regrades.
          reliability: 'B',
          credibility: 2,
          createdAt: now,
          updatedAt: now,
        });
        citations.push({
          id: newId<CitationId>(),
          caseId,
          linkId,
          evidenceId,
          pageId,
          pageNumber: 1,
          quote: `${input.fileName}, line${agg.lines.length === 1 ? '' : 's'} ${agg.lines.join(', ')}${agg.count > agg.lines.length ? ` and ${agg.count - agg.lines.length} more` : ''}`,
          boxes: [],
          createdAt: now,
        });
      }
      await db.evidence.add(evidence);
      await db.pages.add(page);
      await db.custody.add(custody);
      await putEntities(vault, created, { mode: 'add' });
      await db.links.bulkAdd(links);
      await db.citations.bulkAdd(citations);
      await audit({
        action: 'evidence.importCsv',
        table: 'evidence',
        recordId: evidenceId,
        caseId,
        summary: `Imported ${label} from ${input.fileName} as ${exhibitRef} (SHA-256 ${sha256}): ${imported} of ${rows} rows, ${problemCount} malformed; ${created.length} new and ${inPairs.size - created.length} existing ${kind === 'calls' ? 'phones' : 'accounts'}, ${links.length} links.`,
      });
      return {
        evidenceId,
        sha256,
        rows,
        imported,
        problems,
        problemCount,
        entitiesCreated: created.length,
        entitiesJoined: inPairs.size - created.length,
        links: links.length,
      };
    },
  );
}

function roundMoney(n: number): number {
  return Math.round(n * 100) / 100;
}
