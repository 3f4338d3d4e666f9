/**
 * Files named for what they are not: a PDF saved as .png, a PNG saved as .pdf (seized phones are
 * full of them). Each is taken in by its content, and the exhibit keeps both its name and the
 * type found, so the record shows the disagreement instead of trusting the name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseStore } from '../../../../src/core/cases';
import { createEvidenceStore } from '../../../../src/core/intake';
import type { EvidenceStore, IntakeMeta } from '../../../../src/core/intake';
import type { CaseId } from '../../../../src/core/model';
import type { UnlockedVault } from '../../../../src/core/vault';
import { launchChromium } from '../evidence/helpers/chromium';
import { newTestVault } from '../../../helpers/vaultFixture';

const META: IntakeMeta = {
  seizedBy: 'Det. Sophal Keo',
  seizedFrom: 'Phone of the broker',
  seizedWhere: 'Poipet',
  description: 'Files from the gallery',
};

let pdf: Uint8Array;
let png: Uint8Array;
let other: Uint8Array;
let vault: UnlockedVault;
let store: EvidenceStore;
let caseId: CaseId;

beforeAll(async () => {
  const chromium = await launchChromium();
  try {
    pdf = await chromium.pdf('<p style="font-size:18px">Transfer to Dara Pich 1,200 USD</p>');
    png = await chromium.screenshot('<p style="font-size:30px">Poipet crossing</p>', 'png');
    other = await chromium.screenshot('<p style="font-size:30px">Koh Kong pier</p>', 'png');
  } finally {
    await chromium.close();
  }
  vault = await newTestVault();
  store = createEvidenceStore(vault);
  caseId = (await openCaseStore(vault).create({ reference: 'KH-2026-9', title: 'Gallery' })).id;
}, 60_000);

afterAll(() => vault.lock());

describe('a file whose name says another type than its content', () => {
  it('takes a PDF named .png in as a PDF, with its text layer, and records both types', async () => {
    const outcome = await store.intake(
      caseId,
      { name: 'IMG_2041.png', blob: new Blob([pdf.slice()]) },
      META,
    );
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${outcome.kind}`);
    const { item } = outcome;
    expect(item.fileName).toBe('IMG_2041.png');
    expect(item.mediaType).toBe('application/pdf');
    expect(item.nameMediaType).toBe('image/png');
    expect(outcome.report.warnings.map((w) => w.code)).toContain('extension-mismatch');
    const [page] = await store.pages(item.id);
    expect(page?.source).toBe('pdf-text');
    expect(page?.text).toContain('Dara Pich');
    const [intake] = await store.custody(item.id);
    expect(intake?.details).toContain('The name says .png (image/png)');
    expect(intake?.details).toContain('application/pdf');
  });

  it('takes a PNG named .pdf in as an image for OCR', async () => {
    const outcome = await store.intake(
      caseId,
      { name: 'contract.pdf', blob: new Blob([png.slice()]) },
      META,
    );
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${outcome.kind}`);
    expect(outcome.item.mediaType).toBe('image/png');
    expect(outcome.item.nameMediaType).toBe('application/pdf');
    expect(outcome.job?.status).toBe('queued');
  });

  it('records no second type when the name agrees', async () => {
    const outcome = await store.intake(
      caseId,
      { name: 'pier.PNG', blob: new Blob([other.slice()]) },
      META,
    );
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${outcome.kind}`);
    expect(outcome.item.mediaType).toBe('image/png');
    expect(outcome.item.nameMediaType).toBeUndefined();
  });
});
