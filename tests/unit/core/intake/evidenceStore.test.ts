import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { createEvidenceStore, runOcrJob } from '../../../../src/core/intake';
import type { EvidenceStore, IntakeMeta } from '../../../../src/core/intake';
import type { CaseId } from '../../../../src/core/model';
import { createOcrEngine } from '../../../../src/core/ocr';
import type { OcrEngine } from '../../../../src/core/ocr';
import { createNodeLanguageStore } from '../../../../src/core/ocr/languageStore.node';
import type { UnlockedVault } from '../../../../src/core/vault';
import { generateDocument } from '../../../helpers/documents';
import { launchChromium } from '../evidence/helpers/chromium';
import { pngWithClaimedSize } from '../evidence/helpers/imageBytes';
import { newTestVault, rawDump } from '../../../helpers/vaultFixture';

const META: IntakeMeta = {
  seizedBy: 'Det. Sophal Keo',
  seizedFrom: 'Suspect vehicle, white Lexus',
  seizedAt: '2024-03-15T09:30',
  seizedWhere: 'Poipet checkpoint',
  description: 'Handwritten statement found in the glovebox',
};

let png: Uint8Array;
let pdf: Uint8Array;
let vault: UnlockedVault;
let store: EvidenceStore;
let caseId: CaseId;

beforeAll(async () => {
  png = new Uint8Array(readFileSync((await generateDocument('statement')).path));
  const chromium = await launchChromium();
  try {
    pdf = await chromium.pdf(
      `<title>Chat export</title><p style="font-size:16px">Pick up at Poipet 06:00 with Dara</p>`,
    );
  } finally {
    await chromium.close();
  }
  vault = await newTestVault();
  store = createEvidenceStore(vault);
  const cases = openCaseStore(vault);
  caseId = (await cases.create({ reference: 'KH-2026-1', title: 'Border ring' })).id;
}, 60_000);

afterAll(() => {
  vault.lock();
});

const blob = (bytes: Uint8Array) => new Blob([bytes.slice()]);

describe('intake', () => {
  it('stores the original encrypted, numbers exhibits, queues OCR and opens the custody chain', async () => {
    const outcome = await store.intake(caseId, { name: 'statement.png', blob: blob(png) }, META);
    expect(outcome.kind).toBe('stored');
    if (outcome.kind !== 'stored') return;
    const { item, job } = outcome;
    expect(item.exhibitRef).toBe('EX-001');
    expect(item.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(item.seizedWhere).toBe('Poipet checkpoint');
    expect(item.pageCount).toBe(1);
    expect(job?.status).toBe('queued');
    // The original comes back byte for byte.
    expect(await vault.files.readAll(item.fileId)).toEqual(png);
    const custody = await store.custody(item.id);
    expect(custody.map((c) => c.action)).toEqual(['intake']);
    expect(custody[0]?.details).toContain(item.sha256);
    expect(custody[0]?.actor.name).toBe('Alice Chea');
    // Nothing is a page before it is recognised.
    expect(await store.pages(item.id)).toEqual([]);
    expect(await store.missingPages(item.id)).toEqual([1]);
    // The description is sealed at rest.
    const raw = await rawDump(vault.name);
    expect(raw.latin).not.toContain('glovebox');
    expect(raw.utf16).not.toContain('glovebox');
  });

  it('takes a PDF text layer as finished pages and reads its metadata', async () => {
    const outcome = await store.intake(caseId, { name: 'chat.pdf', blob: blob(pdf) }, META);
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${outcome.kind}`);
    expect(outcome.item.exhibitRef).toBe('EX-002');
    expect(outcome.item.metadata['pdf.title']).toBe('Chat export');
    expect(outcome.job).toBeUndefined();
    const pages = await store.pages(outcome.item.id);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.source).toBe('pdf-text');
    expect(pages[0]?.text).toContain('Poipet');
  });

  it('links the same file taken in twice instead of storing it again', async () => {
    const before = await store.list(caseId);
    const again = await store.intake(
      caseId,
      { name: 'copy-of-statement.png', blob: blob(png) },
      META,
    );
    expect(again.kind).toBe('duplicate');
    if (again.kind !== 'duplicate') return;
    expect(again.item.exhibitRef).toBe('EX-001');
    expect(await store.list(caseId)).toHaveLength(before.length);
    const custody = await store.custody(again.item.id);
    expect(custody.at(-1)?.details).toContain('copy-of-statement.png');
  });

  it('refuses bad files with a message naming file and problem, and stores nothing', async () => {
    const count = (await store.list(caseId)).length;
    const files = await vault.db.files.count();
    const empty = await store.intake(caseId, { name: 'empty.png', blob: new Blob([]) }, META);
    expect(empty.kind === 'refused' && empty.error.code).toBe('empty');
    const corrupt = png.slice(0, 200);
    const cut = await store.intake(caseId, { name: 'cut.png', blob: blob(corrupt) }, META);
    expect(cut.kind).toBe('refused');
    if (cut.kind === 'refused') expect(cut.error.message).toContain('cut.png');
    const text = await store.intake(
      caseId,
      { name: 'notes.txt', blob: new Blob(['just some text']) },
      META,
    );
    expect(text.kind === 'refused' && text.error.code).toBe('unsupported-type');
    const locked = readFileSync(
      new URL('../../../fixtures/evidence/password-protected.pdf', import.meta.url),
    );
    const secret = await store.intake(
      caseId,
      { name: 'locked.pdf', blob: blob(new Uint8Array(locked)) },
      META,
    );
    expect(secret.kind === 'refused' && secret.error.code).toBe('password-protected');
    const huge = await store.intake(
      caseId,
      { name: 'huge.png', blob: blob(pngWithClaimedSize(png, 100_000, 100_000)) },
      META,
    );
    expect(huge.kind === 'refused' && huge.error.code).toBe('too-many-pixels');
    expect(await store.list(caseId)).toHaveLength(count);
    expect(await vault.db.files.count()).toBe(files);
  });

  it('edits the exhibit reference and records the edit', async () => {
    const [first] = await store.list(caseId);
    if (!first) throw new Error('no item');
    const edited = await store.update(first.id, { exhibitRef: 'EX-001A' });
    expect(edited.exhibitRef).toBe('EX-001A');
    await expect(store.update(first.id, { exhibitRef: ' ' })).rejects.toThrow(/empty/);
    expect((await store.custody(first.id)).at(-1)?.details).toContain('exhibitRef');
  });
});

describe('OCR jobs, corrections and views', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = createOcrEngine({ languages: await createNodeLanguageStore(['eng']), workers: 1 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('recognises the pages, resumes an interrupted job, and records the run', async () => {
    const item = (await store.list(caseId)).find((i) => i.fileName === 'statement.png');
    if (!item) throw new Error('no item');
    const [job] = (await store.jobs(caseId)).filter((j) => j.evidenceId === item.id);
    if (!job) throw new Error('no job');
    // A crash mid-run leaves the job 'running'; the next unlock puts it back in the queue.
    await store.startJob(job.id);
    expect(await store.resumeInterrupted(caseId)).toBe(1);
    expect((await store.job(job.id)).status).toBe('queued');

    const overall: number[] = [];
    const result = await runOcrJob({
      store,
      engine,
      job: await store.job(job.id),
      item,
      pageImage: () => Promise.resolve(png),
      signal: new AbortController().signal,
      onProgress: (p) => overall.push(p.overall),
    });
    expect(result.outcome).toBe('done');
    expect(overall.at(-1)).toBe(1);
    const [page] = await store.pages(item.id);
    expect(page?.source).toBe('ocr');
    expect(page?.text).toContain('Poipet');
    expect(page?.words.length).toBeGreaterThan(20);
    expect((await store.job(job.id)).status).toBe('done');
    expect((await store.custody(item.id)).map((c) => c.action)).toContain('ocr');
  }, 120_000);

  it('a cancelled job keeps no half-done page, and the next run completes it', async () => {
    const ledger = new Uint8Array(readFileSync((await generateDocument('ledger')).path));
    const taken = await store.intake(caseId, { name: 'ledger.png', blob: blob(ledger) }, META);
    if (taken.kind !== 'stored' || !taken.job) throw new Error('not stored with a job');
    const controller = new AbortController();
    const cancelled = await runOcrJob({
      store,
      engine,
      job: taken.job,
      item: taken.item,
      pageImage: () => Promise.resolve(ledger),
      signal: controller.signal,
      // Cancel as soon as recognition reports progress, i.e. mid-page.
      onProgress: () => controller.abort(),
    });
    expect(cancelled.outcome).toBe('cancelled');
    expect((await store.job(taken.job.id)).status).toBe('cancelled');
    expect(await store.pages(taken.item.id)).toEqual([]);

    const again = await store.queueOcr(taken.item.id, ['eng']);
    expect(again.id).toBe(taken.job.id);
    const resumed = await runOcrJob({
      store,
      engine,
      job: again,
      item: taken.item,
      pageImage: () => Promise.resolve(ledger),
      signal: new AbortController().signal,
    });
    expect(resumed.outcome).toBe('done');
    expect((await store.pages(taken.item.id))[0]?.text).toContain('Sokha');
  }, 120_000);

  it('corrects a word: the page keeps the OCR text, custody records who, before and after', async () => {
    const item = (await store.list(caseId)).find((i) => i.fileName === 'statement.png');
    if (!item) throw new Error('no item');
    const [page] = await store.pages(item.id);
    if (!page) throw new Error('no page');
    const original = page.text;
    const corrected = original.replace('Poipet', 'Poipet-Town');
    const { page: next, change } = await store.correctPage(page.id, corrected);
    expect(change.before).toBe('Poipet');
    expect(change.after).toBe('Poipet-Town');
    expect(next.text).toBe(corrected);
    expect(next.ocrText).toBe(original);
    expect(next.words.some((w) => w.text === 'Poipet-Town')).toBe(true);
    await store.recordView(item.id, 1);
    const custody = await store.custody(item.id);
    const correction = custody.find((c) => c.action === 'correction');
    expect(correction?.details).toContain('“Poipet” → “Poipet-Town”');
    expect(correction?.actor.badge).toBe('KH-1042');
    expect(custody.at(-1)?.action).toBe('view');
    await expect(store.correctPage(page.id, corrected)).rejects.toThrow(/unchanged/);
  });
});
