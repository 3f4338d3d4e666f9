/**
 * Column mapping: which header of the file holds which field. Headers are guessed from common
 * names in English, Khmer-English and Thai-English exports; the user checks the guess on a
 * preview, and may save the mapping by name for the next file from the same source.
 */
import type { Table } from 'dexie';
import type { CsvImportKind, ImportMappingId, ImportMappingRow } from '../db';
import { newId } from '../model';
import type { UnlockedVault } from '../vault';
import { CsvParser, guessDelimiter, type CsvProblem, type CsvRow } from './csvParser';

export const CALL_FIELDS = ['caller', 'receiver', 'start', 'duration', 'location'] as const;
export const TRANSACTION_FIELDS = [
  'from',
  'to',
  'amount',
  'currency',
  'date',
  'reference',
] as const;
export type CallField = (typeof CALL_FIELDS)[number];
export type TransactionField = (typeof TRANSACTION_FIELDS)[number];

export const FIELDS: Readonly<Record<CsvImportKind, readonly string[]>> = {
  calls: CALL_FIELDS,
  transactions: TRANSACTION_FIELDS,
};
export const REQUIRED_FIELDS: Readonly<Record<CsvImportKind, readonly string[]>> = {
  calls: ['caller', 'receiver', 'start'],
  transactions: ['from', 'to', 'amount', 'date'],
};

const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  caller: [
    'caller',
    'calling',
    'callingnumber',
    'a',
    'anumber',
    'from',
    'msisdn',
    'source',
    'originator',
    'callingparty',
  ],
  receiver: [
    'receiver',
    'called',
    'callednumber',
    'b',
    'bnumber',
    'to',
    'destination',
    'recipient',
    'calledparty',
  ],
  start: [
    'start',
    'starttime',
    'datetime',
    'date',
    'time',
    'calldate',
    'callstart',
    'timestamp',
    'begin',
  ],
  duration: ['duration', 'durationsec', 'durations', 'seconds', 'secs', 'length', 'callduration'],
  location: ['location', 'cell', 'cellid', 'celltower', 'site', 'lac', 'bts', 'tower', 'cgi'],
  from: [
    'from',
    'fromaccount',
    'sender',
    'senderaccount',
    'debit',
    'debitaccount',
    'payer',
    'source',
    'account',
  ],
  to: [
    'to',
    'toaccount',
    'beneficiary',
    'beneficiaryaccount',
    'receiver',
    'recipient',
    'credit',
    'creditaccount',
    'payee',
  ],
  amount: ['amount', 'value', 'sum', 'amt', 'transactionamount'],
  currency: ['currency', 'ccy', 'cur', 'currencycode'],
  date: ['date', 'datetime', 'transactiondate', 'valuedate', 'bookingdate', 'time', 'timestamp'],
  reference: ['reference', 'ref', 'description', 'narrative', 'memo', 'details', 'remarks'],
};

const squash = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Field to header, for the fields whose header could be guessed. */
export function guessMapping(
  kind: CsvImportKind,
  headers: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const field of FIELDS[kind]) {
    const names = SYNONYMS[field] ?? [field];
    // Best synonym first, so "caller" wins over a generic "from" column.
    for (const name of names) {
      const header = headers.find((h) => !used.has(h) && squash(h) === name);
      if (header !== undefined) {
        out[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return out;
}

/** Required fields not mapped, or mapped to a header the file does not have. */
export function mappingProblems(
  kind: CsvImportKind,
  headers: readonly string[],
  mapping: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_FIELDS[kind]) {
    if (!mapping[field]) problems.push(`No column is chosen for "${field}".`);
  }
  for (const [field, header] of Object.entries(mapping)) {
    if (header && !headers.includes(header)) {
      problems.push(`The column "${header}" chosen for "${field}" is not in this file.`);
    }
  }
  return problems;
}

export type CsvPreview = Readonly<{
  delimiter: string;
  headers: readonly string[];
  rows: readonly CsvRow[];
  problems: readonly CsvProblem[];
}>;

/** The header and first rows of a file, reading no more than its first 256 KiB. */
export async function previewCsv(source: Blob, rowCount = 8): Promise<CsvPreview> {
  const head = await source.slice(0, 256 * 1024).text();
  const firstLine = head.replace(/^\ufeff/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const delimiter = guessDelimiter(firstLine);
  const parser = new CsvParser(delimiter);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const sink = {
    row: (r: CsvRow) => void rows.push(r),
    problem: (p: CsvProblem) => void problems.push(p),
  };
  parser.push(head, sink);
  if (source.size <= 256 * 1024) parser.finish(sink);
  const [header, ...rest] = rows;
  return {
    delimiter,
    headers: header?.fields.map((h) => h.trim()) ?? [],
    rows: rest.slice(0, rowCount),
    problems: problems.slice(0, rowCount),
  };
}

function mappingsTable(vault: UnlockedVault): Table<ImportMappingRow, ImportMappingId> {
  return vault.db.importMappings;
}

export async function listMappings(
  vault: UnlockedVault,
  kind?: CsvImportKind,
): Promise<ImportMappingRow[]> {
  const rows = await mappingsTable(vault).toArray();
  return rows
    .filter((r) => kind === undefined || r.kind === kind)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Saves a mapping under a name; the same name and kind replaces the earlier one. */
export async function saveMapping(
  vault: UnlockedVault,
  input: Readonly<{ name: string; kind: CsvImportKind; columns: Readonly<Record<string, string>> }>,
): Promise<ImportMappingRow> {
  const name = input.name.trim();
  if (name === '') throw new Error('A saved mapping needs a name.');
  const table = mappingsTable(vault);
  return vault.writeAudited([table], async (audit) => {
    const existing = (await table.toArray()).find((r) => r.name === name && r.kind === input.kind);
    const row: ImportMappingRow = {
      id: existing?.id ?? newId<ImportMappingId>(),
      name,
      kind: input.kind,
      columns: { ...input.columns },
      createdAt: new Date().toISOString(),
    };
    await table.put(row);
    await audit({
      action: 'importMapping.save',
      table: 'importMappings',
      recordId: row.id,
      summary: `Saved the ${input.kind} column mapping "${name}".`,
    });
    return row;
  });
}
