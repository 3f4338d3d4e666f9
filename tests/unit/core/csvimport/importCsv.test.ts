import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import type { AggregatedLinkRow } from '../../../../src/core/db';
import {
  CsvImportCancelled,
  CsvImportError,
  guessMapping,
  importCsv,
  listMappings,
  saveMapping,
} from '../../../../src/core/csvimport';
import { newId, type EntityId } from '../../../../src/core/model';
import { newTestVault } from '../../../helpers/vaultFixture';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const CALLS = [
  'Calling Number,Called Number,Start Time,Duration,Cell ID',
  '+85512345678,+66812345678,2026-01-05 10:00:00,60,KH-PP-01',
  '012 345 678,+66812345678,2026-01-03 09:00:00,0:02:00,KH-PP-01',
  '+85512345678,+66812345678,05/01/2026 08:00,30,KH-PP-02',
  '+66812345678,+85512345678,2026-01-04 12:00:00,15,TH-BK-07',
  'not a phone,+66812345678,2026-01-04 12:00:00,15,TH-BK-07',
  '+85512345678,+66812345678,yesterday,15,TH-BK-07',
  '+85512345678,+66812345678',
  '+85599999999,+66812345678,2026-02-01T00:00:00Z,abc,X',
].join('\n');

describe('CSV import of call records', () => {
  it('aggregates calls per pair, joins phones by blind index, cites the file, reports bad rows', async () => {
    const vault = await newTestVault();
    const c = await openCaseStore(vault).create({ reference: 'KH-CSV', title: 'Calls' });
    // A phone already in the case (typed differently): the import must join it, not copy it.
    const now = new Date().toISOString();
    const existingId = newId<EntityId>();
    await vault.db.entities.add({
      id: existingId,
      caseId: c.id,
      kind: 'phone',
      names: [{ value: '+855 12 345 678', script: 'latin', primary: true }],
      roles: [],
      properties: { number: '+85512345678' },
      createdAt: now,
      updatedAt: now,
      blind: [vault.blindIndex.phone('+855 12 345 678')],
    });
    const headers = CALLS.split('\n')[0]!.split(',');
    const mapping = guessMapping('calls', headers);
    expect(mapping).toEqual({
      caller: 'Calling Number',
      receiver: 'Called Number',
      start: 'Start Time',
      duration: 'Duration',
      location: 'Cell ID',
    });
    const phases = new Set<string>();
    const report = await importCsv(vault, {
      caseId: c.id,
      kind: 'calls',
      source: enc(CALLS),
      fileName: 'cdr.csv',
      mapping,
      defaultRegion: 'KH',
      onProgress: (p) => phases.add(p.phase),
    });
    expect([...phases]).toEqual(['storing', 'parsing', 'writing']);
    expect(report.rows).toBe(8);
    expect(report.imported).toBe(4);
    expect(report.problemCount).toBe(4);
    expect(report.problems).toEqual([
      { line: 6, message: '"not a phone" is not a valid phone number' },
      { line: 7, message: 'the start "yesterday" is not a date and time' },
      { line: 8, message: 'expected 5 fields, found 2' },
      { line: 9, message: 'the duration "abc" is not seconds or h:mm:ss' },
    ]);
    expect(report.entitiesJoined).toBe(1);
    expect(report.entitiesCreated).toBe(1);

    const entities = await vault.db.entities.where('caseId').equals(c.id).toArray();
    expect(entities).toHaveLength(2);
    const thai = entities.find((e) => e.id !== existingId)!;
    expect(thai.kind).toBe('phone');
    expect(thai.properties['number']).toBe('+66812345678');

    const links = (await vault.db.links
      .where('caseId')
      .equals(c.id)
      .toArray()) as AggregatedLinkRow[];
    expect(links).toHaveLength(2);
    const out = links.find((l) => l.source === existingId)!;
    expect(out).toMatchObject({
      type: 'called',
      target: thai.id,
      count: 3,
      durationSeconds: 210,
      from: '2026-01-03T09:00:00',
      to: '2026-01-05T10:00:00',
    });
    const back = links.find((l) => l.source === thai.id)!;
    expect(back).toMatchObject({ count: 1, durationSeconds: 15, target: existingId });

    const evidence = await vault.db.evidence.get(report.evidenceId);
    expect(evidence?.sha256).toBe(report.sha256);
    expect(evidence?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new TextDecoder().decode(await vault.files.readAll(evidence!.fileId))).toBe(CALLS);
    const citations = await vault.db.citations
      .where('evidenceId')
      .equals(report.evidenceId)
      .toArray();
    expect(citations.map((x) => x.linkId).sort()).toEqual(links.map((l) => l.id).sort());
    expect(citations.find((x) => x.linkId === out.id)?.quote).toBe('cdr.csv, lines 2, 3, 4');
    const custody = await vault.db.custody.where('evidenceId').equals(report.evidenceId).toArray();
    expect(custody.map((x) => x.action)).toEqual(['intake']);

    // A second file joins the phones the first created.
    const again = await importCsv(vault, {
      caseId: c.id,
      kind: 'calls',
      source: enc('caller,receiver,start\n+66812345678,+855 12 345 678,2026-03-01\n'),
      fileName: 'more.csv',
      mapping: { caller: 'caller', receiver: 'receiver', start: 'start' },
    });
    expect(again).toMatchObject({ entitiesCreated: 0, entitiesJoined: 2, links: 1 });
  });

  it('aggregates transactions per pair and currency', async () => {
    const vault = await newTestVault();
    const c = await openCaseStore(vault).create({ reference: 'KH-TX', title: 'Money' });
    const csv = [
      'From Account;To Account;Amount;Currency;Value Date;Reference',
      'KH-001-22;TH 9988 77;"1,000.50";usd;2026-01-02;advance',
      'KH-001-22;TH-9988-77;250;USD;2026-01-09;"fee; transport"',
      'KH-001-22;TH-9988-77;3000;THB;2026-01-10;',
      'KH-001-22;TH-9988-77;ten;THB;2026-01-10;',
    ].join('\n');
    const mapping = guessMapping('transactions', csv.split('\n')[0]!.split(';'));
    expect(mapping).toMatchObject({ from: 'From Account', to: 'To Account', date: 'Value Date' });
    const report = await importCsv(vault, {
      caseId: c.id,
      kind: 'transactions',
      source: enc(csv),
      fileName: 'bank.csv',
      mapping,
      delimiter: ';',
    });
    expect(report).toMatchObject({ rows: 4, imported: 3, entitiesCreated: 2, links: 2 });
    expect(report.problems).toEqual([{ line: 5, message: 'the amount "ten" is not a number' }]);
    const links = await vault.db.links.where('caseId').equals(c.id).toArray();
    const usd = links.find((l) => l.currency === 'USD')!;
    expect(usd).toMatchObject({
      type: 'paid',
      count: 2,
      amount: 1250.5,
      from: '2026-01-02T00:00:00',
    });
    expect(links.find((l) => l.currency === 'THB')).toMatchObject({ count: 1, amount: 3000 });
    const accounts = await vault.db.entities.where('caseId').equals(c.id).toArray();
    expect(accounts.every((e) => e.kind === 'bankAccount')).toBe(true);
    expect(accounts[0]!.blind).toHaveLength(1);
    expect(accounts.some((e) => e.blind[0] === vault.blindIndex.document('TH9988-77'))).toBe(true);
  });

  it('refuses a mapping the file does not fit, and keeps nothing after cancel', async () => {
    const vault = await newTestVault();
    const c = await openCaseStore(vault).create({ reference: 'KH-X', title: 'X' });
    await expect(
      importCsv(vault, {
        caseId: c.id,
        kind: 'calls',
        source: enc('a,b,c\n1,2,3\n'),
        fileName: 'x.csv',
        mapping: { caller: 'a', receiver: 'missing', start: 'c' },
      }),
    ).rejects.toThrow(CsvImportError);
    const controller = new AbortController();
    controller.abort();
    await expect(
      importCsv(vault, {
        caseId: c.id,
        kind: 'calls',
        source: enc(CALLS),
        fileName: 'x.csv',
        mapping: guessMapping('calls', CALLS.split('\n')[0]!.split(',')),
        signal: controller.signal,
      }),
    ).rejects.toThrow(CsvImportCancelled);
    expect(await vault.db.files.count()).toBe(0);
    expect(await vault.db.evidence.count()).toBe(0);
    expect(await vault.db.links.count()).toBe(0);
  });

  it('saves mappings by name', async () => {
    const vault = await newTestVault();
    await saveMapping(vault, { name: 'Smart Axiata', kind: 'calls', columns: { caller: 'A' } });
    await saveMapping(vault, {
      name: 'Smart Axiata',
      kind: 'calls',
      columns: { caller: 'MSISDN' },
    });
    const saved = await listMappings(vault, 'calls');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.columns).toEqual({ caller: 'MSISDN' });
    expect(await listMappings(vault, 'transactions')).toEqual([]);
  });
});
