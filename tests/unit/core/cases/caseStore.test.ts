import { describe, expect, it } from 'vitest';
import { CaseNotFoundError, CaseStoreError, openCaseStore } from '../../../../src/core/cases';
import type {
  GraphViewId,
  IncomingRecordId,
  OcrJobId,
  PartnerId,
  VictimRecordId,
} from '../../../../src/core/db';
import {
  newId,
  type CaseId,
  type CitationId,
  type CustodyId,
  type EntityId,
  type EvidenceId,
  type LinkId,
  type PageId,
} from '../../../../src/core/model';
import type { UnlockedVault } from '../../../../src/core/vault';
import { ALICE, flipSealedByte, newTestVault } from '../../../helpers/vaultFixture';

/** One row in every case-owned table, and a file, for the given case. */
async function fillCase(vault: UnlockedVault, caseId: CaseId): Promise<void> {
  const now = new Date().toISOString();
  const db = vault.db;
  const [e1, e2] = [newId<EntityId>(), newId<EntityId>()];
  const evidenceId = newId<EvidenceId>();
  const pageId = newId<PageId>();
  const linkId = newId<LinkId>();
  const file = await vault.files.put(new Uint8Array(1500 * 1024).fill(7), { caseId });
  const person = {
    caseId,
    kind: 'person',
    roles: ['suspect'],
    properties: {},
    createdAt: now,
    updatedAt: now,
    blind: [],
  } as const;
  await db.entities.bulkPut([
    { ...person, id: e1, names: [{ value: 'Sok', script: 'latin' }] },
    { ...person, id: e2, names: [{ value: 'Dara', script: 'latin' }] },
  ]);
  await db.links.put({
    id: linkId,
    caseId,
    type: 'recruited',
    source: e1,
    target: e2,
    directed: true,
    reliability: 'B',
    credibility: 2,
    createdAt: now,
    updatedAt: now,
  });
  await db.evidence.put({
    id: evidenceId,
    caseId,
    exhibitRef: 'EX-1',
    fileName: 'ledger.jpg',
    mediaType: 'image/jpeg',
    size: file.size,
    sha256: file.sha256!,
    fileId: file.id,
    seizedBy: ALICE.name,
    seizedFrom: 'Suspect A',
    seizedWhere: 'Poipet',
    description: 'Ledger',
    metadata: {},
    pageCount: 1,
    createdAt: now,
    blind: [vault.blindIndex.sha256(file.sha256!)],
  });
  await db.pages.put({
    id: pageId,
    caseId,
    evidenceId,
    number: 1,
    text: 'text',
    words: [],
    source: 'ocr',
  });
  await db.citations.put({
    id: newId<CitationId>(),
    caseId,
    linkId,
    evidenceId,
    pageId,
    pageNumber: 1,
    quote: 'paid',
    boxes: [],
    createdAt: now,
  });
  await db.custody.put({
    id: newId<CustodyId>(),
    caseId,
    evidenceId,
    at: now,
    actor: ALICE,
    action: 'intake',
    details: 'seized',
  });
  await db.ocrJobs.put({
    id: newId<OcrJobId>(),
    caseId,
    evidenceId,
    status: 'done',
    languages: ['eng'],
    donePageIds: [pageId],
    createdAt: now,
    updatedAt: now,
  });
  await db.graphViews.put({
    id: newId<GraphViewId>(),
    caseId,
    name: 'Ring',
    positions: { [e1]: { x: 1, y: 2 } },
    hidden: [],
    layout: 'fcose',
    createdAt: now,
    updatedAt: now,
  });
  const record = {
    names: [{ value: 'Srey Mom', script: 'latin' as const, primary: true }],
    documents: [],
    indicators: [],
  };
  await db.victimRecords.put({
    id: newId<VictimRecordId>(),
    caseId,
    entityId: e1,
    ...record,
    createdAt: now,
    updatedAt: now,
  });
  await db.incomingRecords.put({
    id: newId<IncomingRecordId>(),
    caseId,
    entityId: e1,
    partnerId: newId<PartnerId>(),
    partnerAgency: 'Royal Thai Police ATPD',
    packageId: 'p-1',
    sentAt: now,
    receivedAt: now,
    record,
    candidates: [],
  });
}

const OWNED = [
  'entities',
  'links',
  'evidence',
  'pages',
  'citations',
  'custody',
  'files',
  'ocrJobs',
  'graphViews',
  'victimRecords',
  'incomingRecords',
] as const;

async function countsFor(vault: UnlockedVault, caseId: CaseId): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of OWNED) out[t] = await vault.db[t].where('caseId').equals(caseId).count();
  const fileIds = await vault.db.files.where('caseId').equals(caseId).primaryKeys();
  out.fileChunks = await vault.db.fileChunks.where('fileId').anyOf(fileIds).count();
  return out;
}

describe('case store', () => {
  it('creates, lists, gets, edits and changes status, each change audited', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const a = await store.create({ reference: ' KH-2024-017 ', title: 'Poipet recruitment ring' });
    expect(a).toMatchObject({ reference: 'KH-2024-017', status: 'open', summary: '' });
    const b = await store.create({ reference: 'KH-2024-018', title: 'Second', summary: 'S' });

    const renamed = await store.update(a.id, {
      title: 'Poipet ring',
      summary: 'Brokers in Poipet',
    });
    expect(renamed.title).toBe('Poipet ring');
    expect(renamed.updatedAt >= a.updatedAt).toBe(true);
    expect((await store.setStatus(b.id, 'archived')).status).toBe('archived');
    expect(await store.get(a.id)).toEqual(renamed);

    const listing = await store.list();
    expect(listing.cases.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(listing.unreadable).toEqual([]);

    const audit = await vault.db.audit.where('caseId').equals(a.id).toArray();
    expect(audit.map((e) => e.action)).toEqual(['case.create', 'case.update']);
    expect(audit[1]?.summary).toContain('"Poipet recruitment ring" -> "Poipet ring"');
    expect((await vault.audit.verify()).intact).toBe(true);
    vault.lock();
  });

  it('writes and audits nothing for a change that changes nothing', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const c = await store.create({ reference: 'TH-2024-001', title: 'Mae Sot', summary: 'S' });
    const before = await vault.db.audit.count();
    expect(await store.setStatus(c.id, 'open')).toEqual(c);
    expect(await store.update(c.id, { title: 'Mae Sot', summary: 'S' })).toEqual(c);
    expect(await vault.db.audit.count()).toBe(before);
    expect((await store.setStatus(c.id, 'closed')).status).toBe('closed');
    expect(await vault.db.audit.count()).toBe(before + 1);
    vault.lock();
  });

  it('refuses bad input with a clear error, and writes nothing for it', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const a = await store.create({ reference: 'R-1', title: 'One' });
    const auditBefore = await vault.db.audit.count();
    await expect(store.create({ reference: '', title: 'x' })).rejects.toThrow(
      /reference is required/,
    );
    await expect(store.create({ reference: 'r 1', title: 'dup' })).rejects.toThrow(
      /already has the reference R-1/,
    );
    await expect(store.create({ reference: 'R-2', title: 'x'.repeat(301) })).rejects.toThrow(
      /longer than 300/,
    );
    await expect(store.setStatus(a.id, 'pending' as never)).rejects.toBeInstanceOf(CaseStoreError);
    await expect(store.get(newId<CaseId>())).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await vault.db.audit.count()).toBe(auditBefore);
    expect((await store.list()).cases).toHaveLength(1);
    vault.lock();
  });

  it('soft-deletes to the bin, restores, and refuses edits while in the bin', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const a = await store.create({ reference: 'D-1', title: 'Deleted soon' });
    const deleted = await store.softDelete(a.id);
    expect(deleted.deletedAt).toBeDefined();
    expect((await store.list()).cases).toEqual([]);
    expect((await store.list('deleted')).cases.map((c) => c.id)).toEqual([a.id]);
    await expect(store.update(a.id, { title: 'x' })).rejects.toThrow(/in the bin/);
    await expect(store.softDelete(a.id)).rejects.toThrow(/in the bin/);
    const back = await store.restore(a.id);
    expect(back).not.toHaveProperty('deletedAt');
    expect((await store.list()).cases.map((c) => c.id)).toEqual([a.id]);
    await expect(store.restore(a.id)).rejects.toThrow(/not in the bin/);
    vault.lock();
  });

  it('purges a case in the bin with every row that belongs to it, and nothing else', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const doomed = await store.create({ reference: 'P-1', title: 'Purged' });
    const kept = await store.create({ reference: 'P-2', title: 'Kept' });
    await fillCase(vault, doomed.id);
    await fillCase(vault, kept.id);
    const keptBefore = await countsFor(vault, kept.id);
    expect(Object.values(keptBefore).every((n) => n > 0)).toBe(true);

    await expect(store.purge(doomed.id)).rejects.toThrow(/moved to the bin before/);
    await store.softDelete(doomed.id);
    const report = await store.purge(doomed.id);
    expect(report).toMatchObject({
      cases: 1,
      entities: 2,
      links: 1,
      evidence: 1,
      pages: 1,
      citations: 1,
      custody: 1,
      files: 1,
      fileChunks: 2,
      ocrJobs: 1,
      graphViews: 1,
      victimRecords: 1,
      incomingRecords: 1,
    });
    expect(Object.values(await countsFor(vault, doomed.id)).every((n) => n === 0)).toBe(true);
    await expect(store.get(doomed.id)).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await countsFor(vault, kept.id)).toEqual(keptBefore);

    // History stays: the purge is recorded, earlier entries of the case remain, chain intact.
    const trail = await vault.db.audit.where('caseId').equals(doomed.id).toArray();
    expect(trail.map((e) => e.action)).toEqual([
      'case.create',
      'file.store',
      'case.delete',
      'case.purge',
    ]);
    expect((await vault.audit.verify()).intact).toBe(true);
    vault.lock();
  });

  it('lists the readable cases and reports a corrupt one instead of throwing', async () => {
    const vault = await newTestVault();
    const store = openCaseStore(vault);
    const good = await store.create({ reference: 'C-1', title: 'Good' });
    const bad = await store.create({ reference: 'C-2', title: 'Bad' });
    await flipSealedByte(vault.name, 'cases', bad.id, 30);
    const listing = await store.list();
    expect(listing.cases.map((c) => c.id)).toEqual([good.id]);
    expect(listing.unreadable).toEqual([expect.objectContaining({ table: 'cases', key: bad.id })]);
    // Changing the damaged case fails, naming it, rather than overwriting what cannot be read.
    await expect(store.softDelete(bad.id)).rejects.toThrow(/cases\/"/);
    vault.lock();
  });
});
