/*
 * The search of an open case, built from a real vault (fake-indexeddb, real WebCrypto) the way
 * the Search view builds it, and kept up to date as records change.
 */
import { describe, expect, it } from 'vitest';
import {
  newId,
  type CaseId,
  type EntityId,
  type EvidenceId,
  type FileId,
  type LinkId,
  type PageId,
} from '../../../../src/core/model';
import { syncCaseSearch } from '../../../../src/core/search';
import type { UnlockedVault } from '../../../../src/core/vault';
import { newTestVault } from '../../../helpers/vaultFixture';

const NOW = '2025-02-03T09:15:00.000Z';

async function seed(vault: UnlockedVault): Promise<{
  caseId: CaseId;
  otherCase: CaseId;
  evidenceId: EvidenceId;
  pageId: PageId;
  wichai: EntityId;
  linkId: LinkId;
}> {
  const db = vault.db;
  const caseId = newId<CaseId>();
  const otherCase = newId<CaseId>();
  for (const id of [caseId, otherCase])
    await db.cases.put({
      id,
      reference: id === caseId ? 'TH-1' : 'TH-2',
      title: 'Case',
      status: 'open',
      summary: '',
      createdAt: NOW,
      updatedAt: NOW,
    });
  const evidenceId = newId<EvidenceId>();
  await db.evidence.put({
    id: evidenceId,
    caseId,
    exhibitRef: 'EX-7',
    fileName: 'statement.png',
    mediaType: 'image/png',
    size: 1,
    sha256: '00',
    fileId: newId<FileId>(),
    seizedBy: 'Officer',
    seizedFrom: '',
    seizedWhere: '',
    description: '',
    metadata: {},
    pageCount: 1,
    createdAt: NOW,
    blind: [],
  });
  const pageId = newId<PageId>();
  await db.pages.put({
    id: pageId,
    caseId,
    evidenceId,
    number: 2,
    text: 'ผู้เสียหายให้การว่านายหน้าชื่อวิชัยโทรมาเมื่อวานนี้ตอนเช้า\nPaid at the Café Riverside.',
    words: [],
    source: 'ocr',
  });
  const person = {
    caseId,
    kind: 'person',
    roles: ['broker'],
    properties: {},
    createdAt: NOW,
    updatedAt: NOW,
    blind: [],
  } as const;
  const wichai = newId<EntityId>();
  const sophea = newId<EntityId>();
  await db.entities.bulkPut([
    {
      ...person,
      id: wichai,
      names: [
        { value: 'Wichai Somboon', script: 'latin', primary: true },
        { value: 'វិជ័យ', script: 'khmer' },
      ],
      notes: 'Runs the van to the border twice a week',
    },
    { ...person, id: sophea, names: [{ value: 'Sophea Lim', script: 'latin', primary: true }] },
    // Another case's entity must never show up in this case's search.
    {
      ...person,
      id: newId<EntityId>(),
      caseId: otherCase,
      names: [{ value: 'Wichai Other', script: 'latin' }],
    },
  ]);
  const linkId = newId<LinkId>();
  await db.links.put({
    id: linkId,
    caseId,
    type: 'paid',
    source: sophea,
    target: wichai,
    directed: true,
    reliability: 'B',
    credibility: 2,
    notes: 'Cash handed over at the market',
    createdAt: NOW,
    updatedAt: NOW,
  });
  return { caseId, otherCase, evidenceId, pageId, wichai, linkId };
}

describe('CaseSearch over a vault', () => {
  it('finds words of pages, names and aliases, and notes of the open case only', async () => {
    const vault = await newTestVault();
    const s = await seed(vault);
    const search = await syncCaseSearch(vault.db, s.caseId);

    const thai = search.search('วิชัย');
    expect(thai.counts.page).toBe(1);
    const hit = thai.groups.page[0];
    expect(hit?.document).toMatchObject({ kind: 'page', evidenceId: s.evidenceId, pageNumber: 2 });
    expect(search.exhibitRef(s.evidenceId)).toBe('EX-7');

    // Latin search ignores case and diacritics.
    expect(search.search('cafe').counts.page).toBe(1);

    const names = search.search('wichai');
    expect(names.counts.entity).toBe(1);
    expect(names.groups.entity[0]?.document.id).toBe(s.wichai);
    expect(search.entityName(s.wichai)).toBe('Wichai Somboon');
    expect(search.search('វិជ័យ').groups.entity[0]?.document.id).toBe(s.wichai);

    const notes = search.search('market');
    expect(notes.counts.note).toBe(1);
    expect(search.noteOwner(s.linkId)).toMatchObject({ kind: 'link', target: s.wichai });
    expect(search.noteOwner(s.wichai)).toEqual({ kind: 'entity', id: s.wichai });
  });

  it('follows changes: edited, added and deleted records', async () => {
    const vault = await newTestVault();
    const s = await seed(vault);
    const search = await syncCaseSearch(vault.db, s.caseId);
    expect(search.search('Somboon').counts.entity).toBe(1);

    const wichai = await vault.db.entities.get(s.wichai);
    if (wichai === undefined) throw new Error('no entity');
    await vault.db.entities.put({
      ...wichai,
      names: [{ value: 'Wichai Thongdee', script: 'latin', primary: true }],
    });
    await vault.db.pages.delete(s.pageId);
    const again = await syncCaseSearch(vault.db, s.caseId, search);

    expect(again).toBe(search);
    expect(again.search('Somboon').counts.entity).toBe(0);
    expect(again.search('Thongdee').counts.entity).toBe(1);
    expect(again.search('วิชัย').counts.page).toBe(0);
    expect(again.entityName(s.wichai)).toBe('Wichai Thongdee');
  });

  it('starts afresh for another case', async () => {
    const vault = await newTestVault();
    const s = await seed(vault);
    const first = await syncCaseSearch(vault.db, s.caseId);
    const other = await syncCaseSearch(vault.db, s.otherCase, first);
    expect(other).not.toBe(first);
    expect(other.search('wichai').groups.entity.map((h) => h.document.id)).not.toContain(s.wichai);
    expect(other.search('other').counts.entity).toBe(1);
  });
});
