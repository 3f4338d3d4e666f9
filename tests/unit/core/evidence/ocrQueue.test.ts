import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { createEvidenceStore, createOcrQueue } from '../../../../src/core/evidence';
import type { IntakeMeta, OcrQueue } from '../../../../src/core/evidence';
import type { CaseId } from '../../../../src/core/model';
import { createOcrEngine } from '../../../../src/core/ocr';
import type { OcrEngine } from '../../../../src/core/ocr';
import { createNodeLanguageStore } from '../../../../src/core/ocr/languageStore.node';
import type { UnlockedVault } from '../../../../src/core/vault';
import { generateDocument } from '../../../helpers/documents';
import { newTestVault } from '../../../helpers/vaultFixture';

const META: IntakeMeta = {
  seizedBy: 'Det. Sophal Keo',
  seizedFrom: 'Suspect vehicle',
  seizedAt: '2024-03-15T09:30',
  seizedWhere: 'Poipet checkpoint',
  description: 'Ledger photographed at the scene',
};

let png: Uint8Array;
let engine: OcrEngine;

beforeAll(async () => {
  png = new Uint8Array(readFileSync((await generateDocument('ledger')).path));
  engine = createOcrEngine({ languages: await createNodeLanguageStore(['eng']), workers: 1 });
}, 60_000);

afterAll(async () => {
  await engine.close();
});

async function setUp(): Promise<{ vault: UnlockedVault; caseId: CaseId }> {
  const vault = await newTestVault();
  const caseId = (await openCaseStore(vault).create({ reference: 'KH-1', title: 'Ring' })).id;
  return { vault, caseId };
}

describe('the OCR queue in core', () => {
  it('runs a job queued by intake without being told, with the pages its caller supplies', async () => {
    const { vault, caseId } = await setUp();
    const asked: number[] = [];
    let stopped = 0;
    const queue: OcrQueue = createOcrQueue({
      vault,
      engine: () => engine,
      pageImage: (_item, number) => {
        asked.push(number);
        return Promise.resolve(png);
      },
      onStop: () => stopped++,
    });
    try {
      const store = createEvidenceStore(vault);
      // Intake stores the file and queues its job; it knows nothing of the queue.
      const outcome = await store.intake(
        caseId,
        { name: 'ledger.png', blob: new Blob([png.slice()]) },
        META,
      );
      if (outcome.kind !== 'stored' || !outcome.job) throw new Error('no job');
      const jobId = outcome.job.id;
      await vi.waitFor(async () => expect((await store.job(jobId)).status).toBe('done'), {
        timeout: 60_000,
        interval: 100,
      });
      expect(asked).toEqual([1]);
      expect((await store.pages(outcome.item.id))[0]?.text).toContain('Sokha Chan');
      expect(queue.snapshot().running).toBeUndefined();
    } finally {
      vault.lock();
    }
    // Locking stopped the queue through the vault's lock event.
    expect(stopped).toBe(1);
  }, 120_000);

  it('stops the running job when the vault locks, and forgets its pages', async () => {
    const { vault, caseId } = await setUp();
    const store = createEvidenceStore(vault);
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    let aborted = false;
    let stopped = 0;
    const queue = createOcrQueue({
      vault,
      engine: () => engine,
      // A page that is still being rendered when the vault locks.
      pageImage: (_item, _number, signal) =>
        new Promise((_, reject) => {
          started();
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('cancelled', 'AbortError'));
          });
        }),
      onStop: () => stopped++,
    });
    const outcome = await store.intake(
      caseId,
      { name: 'ledger.png', blob: new Blob([png.slice()]) },
      META,
    );
    if (outcome.kind !== 'stored' || !outcome.job) throw new Error('no job');
    await running;
    expect(queue.snapshot().running).toBe(outcome.job.id);
    vault.lock();
    expect(aborted).toBe(true);
    expect(stopped).toBe(1);
    // A stopped queue starts nothing more, even when asked.
    queue.kick();
    expect(vault.locked).toBe(true);
  }, 120_000);
});

describe('the vault lock event', () => {
  it('calls each listener once after the keys are gone, and not after unsubscribing', async () => {
    const { vault } = await setUp();
    const seen: boolean[] = [];
    vault.onLock(() => seen.push(vault.locked));
    const off = vault.onLock(() => seen.push(false));
    off();
    vault.lock();
    expect(seen).toEqual([true]);
    // Subscribing to a locked session calls back at once.
    let late = false;
    vault.onLock(() => (late = true));
    expect(late).toBe(true);
  });
});
