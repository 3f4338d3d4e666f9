/**
 * Evidence items of a case in the vault: intake (hash, metadata, encrypted original, first
 * custody entry), pages, corrections, views and the OCR job queue.
 *
 * Invariants:
 * - An item, its first custody entry, its text-layer pages, its OCR job and their audit entries
 *   commit together; the original is stored (encrypted, streamed) before, and deleted again if
 *   that commit fails, so no item ever points at a missing file.
 * - A page row exists only once the page is finished (text layer read, or OCR done), and its job
 *   is 'done' only when every page of the item has a row: nothing half-done looks finished.
 * - Every change to an item (intake, view, OCR run, correction) is a custody row of the item.
 */
import { IntakeError, blobSlices, inspectFile } from '../evidence';
import type { InspectOptions, IntakeProgress, IntakeReport } from '../evidence';
import type { EvidenceRow, OcrJobId, OcrJobRow, PageRow } from '../db';
import { newId } from '../model';
import type { CaseId, CustodyEntry, CustodyId, EvidenceId, IsoDate, PageId } from '../model';
import { toPage } from '../ocr';
import type { OcrPageResult } from '../ocr';
import { FILE_CHUNK_BYTES } from '../vault';
import type { UnlockedVault } from '../vault';
import { correctedWords, textChange } from './textRanges';
import type { TextChange } from './textRanges';

/** What the investigator records about a seizure; all but the exhibit reference are required. */
export type IntakeMeta = Readonly<{
  /** Default: the case's next number, EX-001, EX-002... */
  exhibitRef?: string;
  seizedBy: string;
  seizedFrom: string;
  seizedAt?: IsoDate;
  seizedWhere: string;
  description: string;
}>;

export type IntakeFile = Readonly<{ name: string; blob: Blob }>;

export type IntakeOutcome =
  | Readonly<{ kind: 'stored'; item: EvidenceRow; report: IntakeReport; job?: OcrJobRow }>
  /** The same bytes are already an item of this case: linked (custody entry), not stored again. */
  | Readonly<{ kind: 'duplicate'; item: EvidenceRow; fileName: string }>
  | Readonly<{ kind: 'refused'; error: IntakeError }>;

export type IntakeOptions = Readonly<{
  pdfjs?: InspectOptions['pdfjs'];
  signal?: AbortSignal;
  onProgress?: (progress: IntakeProgress | Readonly<{ phase: 'store' }>) => void;
  /** OCR languages for the item's pages without a text layer. Default ['eng']. */
  languages?: readonly string[];
}>;

export type ItemEdit = Partial<Omit<IntakeMeta, 'exhibitRef'>> & Readonly<{ exhibitRef?: string }>;

export type CorrectionResult = Readonly<{ page: PageRow; change: TextChange }>;

export class EvidenceStoreError extends Error {
  override name = 'EvidenceStoreError';
}

const EXHIBIT = /^EX-(\d+)$/;

function nextExhibitRef(items: readonly EvidenceRow[]): string {
  const highest = items.reduce((max, item) => {
    const n = Number(EXHIBIT.exec(item.exhibitRef)?.[1] ?? 0);
    return Math.max(max, n);
  }, 0);
  return `EX-${String(highest + 1).padStart(3, '0')}`;
}

const naturally = new Intl.Collator('en', { numeric: true });

/** Quotes a span for a custody record; long spans are cut so a record stays readable. */
function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return `“${oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine}”`;
}

export type EvidenceStore = ReturnType<typeof createEvidenceStore>;

export function createEvidenceStore(vault: UnlockedVault) {
  const db = vault.db;
  const now = (): IsoDate => new Date().toISOString();

  const custodyRow = (
    item: Pick<EvidenceRow, 'id' | 'caseId'>,
    action: CustodyEntry['action'],
    details: string,
  ): CustodyEntry => ({
    id: newId<CustodyId>(),
    caseId: item.caseId,
    evidenceId: item.id,
    at: now(),
    actor: vault.actor,
    action,
    details,
  });

  async function item(id: EvidenceId): Promise<EvidenceRow> {
    const row = await db.evidence.get(id);
    if (!row) throw new EvidenceStoreError(`No evidence item ${id} in this vault`);
    return row;
  }

  async function list(caseId: CaseId): Promise<EvidenceRow[]> {
    const rows = await db.evidence.where('caseId').equals(caseId).toArray();
    return rows.sort((a, b) => naturally.compare(a.exhibitRef, b.exhibitRef));
  }

  async function pages(evidenceId: EvidenceId): Promise<PageRow[]> {
    const rows = await db.pages.where('evidenceId').equals(evidenceId).toArray();
    return rows.sort((a, b) => a.number - b.number);
  }

  /** Page numbers of the item that have no finished page yet: the ones OCR still owes. */
  async function missingPages(evidenceId: EvidenceId): Promise<number[]> {
    const { pageCount } = await item(evidenceId);
    // A page kept only for its doubted text layer is still to be OCR'd.
    const done = new Set(
      (await pages(evidenceId))
        .filter((p) => p.textLayer === undefined || p.source === 'ocr')
        .map((p) => p.number),
    );
    return Array.from({ length: pageCount }, (_, i) => i + 1).filter((n) => !done.has(n));
  }

  async function intake(
    caseId: CaseId,
    file: IntakeFile,
    meta: IntakeMeta,
    options: IntakeOptions = {},
  ): Promise<IntakeOutcome> {
    let report: IntakeReport;
    try {
      report = await inspectFile(file.name, file.blob, {
        ...(options.pdfjs && { pdfjs: options.pdfjs }),
        ...(options.signal && { signal: options.signal }),
        ...(options.onProgress && { onProgress: options.onProgress }),
      });
    } catch (error) {
      if (error instanceof IntakeError) return { kind: 'refused', error };
      throw error;
    }

    const token = vault.blindIndex.sha256(report.sha256);
    const same = (await db.evidence.where('blind').equals(token).toArray()).find(
      (row) => row.caseId === caseId,
    );
    if (same) {
      await vault.writeAudited([db.custody], async (audit) => {
        const entry = custodyRow(
          same,
          'note',
          `The same file (SHA-256 ${report.sha256}) was taken in again as ${file.name}; linked to this item, not stored twice.`,
        );
        await db.custody.put(entry);
        await audit({
          action: 'evidence.duplicate',
          table: 'custody',
          recordId: entry.id,
          caseId,
          summary: `${file.name} is the same file as exhibit ${same.exhibitRef}; not stored again.`,
        });
      });
      return { kind: 'duplicate', item: same, fileName: file.name };
    }

    options.onProgress?.({ phase: 'store' });
    let stored;
    try {
      // Read in slices of the vault's own chunk size: see blobSlices for why not blob.stream().
      const slices = blobSlices(
        file.blob,
        FILE_CHUNK_BYTES,
        (cause) =>
          new IntakeError(
            'truncated',
            file.name,
            'the file changed or could not be read while it was stored; take it in again',
            { cause },
          ),
      );
      stored = await vault.files.put(slices, {
        caseId,
        mediaType: report.mediaType,
        label: file.name,
        sha256: true,
      });
    } catch (error) {
      if (error instanceof IntakeError) return { kind: 'refused', error };
      throw error;
    }
    try {
      // The bytes stored must be the bytes inspected: a file that changed on disk between the
      // two reads would otherwise get another file's hash on record.
      if (stored.sha256 !== report.sha256)
        throw new IntakeError(
          'truncated',
          file.name,
          'the file changed while it was being taken in; take it in again',
        );
      const languages = options.languages ?? ['eng'];
      const result = await vault.writeAudited(
        [db.evidence, db.custody, db.pages, db.ocrJobs],
        async (audit) => {
          const existing = await db.evidence.where('caseId').equals(caseId).toArray();
          const exhibitRef = meta.exhibitRef?.trim() || nextExhibitRef(existing);
          const id = newId<EvidenceId>();
          const row: EvidenceRow = {
            id,
            caseId,
            exhibitRef,
            fileName: file.name,
            mediaType: report.mediaType,
            ...(report.extension.mismatch && report.extension.extensionMediaType !== undefined
              ? { nameMediaType: report.extension.extensionMediaType }
              : {}),
            size: report.size,
            sha256: report.sha256,
            fileId: stored.id,
            seizedBy: meta.seizedBy.trim(),
            seizedFrom: meta.seizedFrom.trim(),
            ...(meta.seizedAt ? { seizedAt: meta.seizedAt } : {}),
            seizedWhere: meta.seizedWhere.trim(),
            description: meta.description.trim(),
            metadata: report.metadata,
            pageCount: report.pageCount,
            createdAt: now(),
            blind: [token],
          };
          await db.evidence.put(row);
          const entry = custodyRow(
            row,
            'intake',
            `Taken in as ${file.name} (${report.label}, ${report.size} bytes, ${report.pageCount} page(s)), SHA-256 ${report.sha256}.` +
              (report.extension.mismatch
                ? ` The name says .${report.extension.extension} (${report.extension.extensionMediaType ?? '?'}); taken in by its content (${report.mediaType}).`
                : ''),
          );
          await db.custody.put(entry);
          const textPages: PageRow[] = [];
          for (const page of report.pages) {
            if (page.kind !== 'pdf' || page.source === 'none') continue;
            if (page.source === 'unreliable-text') {
              // Kept beside the OCR text to come; the page counts as unread until then.
              textPages.push({
                id: newId<PageId>(),
                caseId,
                evidenceId: id,
                number: page.number,
                text: '',
                words: [],
                source: 'pdf-text',
                textLayer: { text: page.text.text, words: page.text.words, doubt: page.doubt },
                width: page.width,
                height: page.height,
              });
              continue;
            }
            textPages.push({
              id: newId<PageId>(),
              caseId,
              evidenceId: id,
              number: page.number,
              text: page.text.text,
              words: page.text.words,
              source: 'pdf-text',
              width: page.width,
              height: page.height,
            });
          }
          if (textPages.length > 0) await db.pages.bulkPut(textPages);
          let job: OcrJobRow | undefined;
          if (textPages.filter((p) => p.textLayer === undefined).length < report.pageCount) {
            job = {
              id: newId<OcrJobId>(),
              caseId,
              evidenceId: id,
              status: 'queued',
              languages,
              donePageIds: [],
              createdAt: now(),
              updatedAt: now(),
            };
            await db.ocrJobs.put(job);
          }
          await audit({
            action: 'evidence.intake',
            table: 'evidence',
            recordId: id,
            caseId,
            summary: `Exhibit ${exhibitRef} taken in (${report.label}).`,
          });
          return { row, job };
        },
      );
      return {
        kind: 'stored',
        item: result.row,
        report,
        ...(result.job ? { job: result.job } : {}),
      };
    } catch (error) {
      await vault.files.delete(stored.id).catch(() => undefined);
      if (error instanceof IntakeError) return { kind: 'refused', error };
      throw error;
    }
  }

  async function update(id: EvidenceId, edit: ItemEdit): Promise<EvidenceRow> {
    return vault.writeAudited([db.evidence, db.custody], async (audit) => {
      const before = await item(id);
      const exhibitRef = edit.exhibitRef?.trim();
      if (exhibitRef === '') throw new EvidenceStoreError('An exhibit reference cannot be empty');
      const next: EvidenceRow = {
        ...before,
        ...(exhibitRef !== undefined && { exhibitRef }),
        ...(edit.seizedBy !== undefined && { seizedBy: edit.seizedBy.trim() }),
        ...(edit.seizedFrom !== undefined && { seizedFrom: edit.seizedFrom.trim() }),
        ...(edit.seizedWhere !== undefined && { seizedWhere: edit.seizedWhere.trim() }),
        ...(edit.description !== undefined && { description: edit.description.trim() }),
        ...(edit.seizedAt !== undefined && { seizedAt: edit.seizedAt }),
      };
      await db.evidence.put(next);
      const changed = (Object.keys(edit) as (keyof ItemEdit)[]).filter(
        (k) => before[k] !== next[k],
      );
      if (changed.length > 0) {
        await db.custody.put(custodyRow(next, 'note', `Record edited: ${changed.join(', ')}.`));
        await audit({
          action: 'evidence.update',
          table: 'evidence',
          recordId: id,
          caseId: next.caseId,
          summary: `Exhibit ${next.exhibitRef}: ${changed.join(', ')} edited.`,
        });
      }
      return next;
    });
  }

  async function recordView(id: EvidenceId, pageNumber?: number): Promise<void> {
    await vault.writeAudited([db.evidence, db.custody], async (audit) => {
      const row = await item(id);
      const entry = custodyRow(
        row,
        'view',
        pageNumber === undefined ? 'Viewed.' : `Viewed page ${pageNumber}.`,
      );
      await db.custody.put(entry);
      await audit({
        action: 'evidence.view',
        table: 'custody',
        recordId: entry.id,
        caseId: row.caseId,
        summary: `Exhibit ${row.exhibitRef} viewed.`,
      });
    });
  }

  async function custody(id: EvidenceId): Promise<CustodyEntry[]> {
    const rows = await db.custody.where('evidenceId').equals(id).toArray();
    return rows.sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Replaces a page's text with the user's; the OCR output stays in ocrText. */
  async function correctPage(pageId: PageId, text: string): Promise<CorrectionResult> {
    return vault.writeAudited([db.pages, db.evidence, db.custody], async (audit) => {
      const page = await db.pages.get(pageId);
      if (!page) throw new EvidenceStoreError(`No page ${pageId} in this vault`);
      const change = textChange(page.text, text);
      if (!change) throw new EvidenceStoreError('The text is unchanged');
      const row = await item(page.evidenceId);
      const next: PageRow = {
        ...page,
        text,
        words: correctedWords(page.text, page.words, change),
        // The first version of the text (OCR or text layer) is kept for good.
        ocrText: page.ocrText ?? page.text,
      };
      await db.pages.put(next);
      const entry = custodyRow(
        row,
        'correction',
        `Page ${page.number}: ${quote(change.before)} → ${quote(change.after)}.`,
      );
      await db.custody.put(entry);
      await audit({
        action: 'page.correct',
        table: 'pages',
        recordId: pageId,
        caseId: page.caseId,
        summary: `Exhibit ${row.exhibitRef}, page ${page.number}: text corrected.`,
      });
      return { page: next, change };
    });
  }

  // ---- OCR jobs ----

  async function jobs(caseId: CaseId): Promise<OcrJobRow[]> {
    const rows = await db.ocrJobs.where('caseId').equals(caseId).toArray();
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Jobs waiting for a worker, in every case, oldest first. */
  async function queuedJobs(): Promise<OcrJobRow[]> {
    const rows = await db.ocrJobs.toArray();
    return rows
      .filter((j) => j.status === 'queued')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async function job(id: OcrJobId): Promise<OcrJobRow> {
    const row = await db.ocrJobs.get(id);
    if (!row) throw new EvidenceStoreError(`No OCR job ${id} in this vault`);
    return row;
  }

  async function setJob(
    id: OcrJobId,
    patch: Partial<Pick<OcrJobRow, 'status' | 'languages' | 'error'>>,
    action: string,
  ): Promise<OcrJobRow> {
    return vault.writeAudited([db.ocrJobs], async (audit) => {
      const before = await job(id);
      // A job that leaves 'failed' loses its old error message.
      const { error: _oldError, ...rest } = before;
      const next: OcrJobRow = { ...rest, ...patch, updatedAt: now() };
      await db.ocrJobs.put(next);
      await audit({
        action: `ocrJob.${action}`,
        table: 'ocrJobs',
        recordId: id,
        caseId: next.caseId,
        summary: `OCR job ${action}${patch.error ? `: ${patch.error}` : ''}.`,
      });
      return next;
    });
  }

  /** Queues OCR of an item's unfinished pages (again), in the given languages. */
  async function queueOcr(
    evidenceId: EvidenceId,
    languages: readonly string[],
  ): Promise<OcrJobRow> {
    const row = await item(evidenceId);
    const existing = (await db.ocrJobs.where('evidenceId').equals(evidenceId).toArray()).find(
      (j) => j.status !== 'done',
    );
    if (existing) return setJob(existing.id, { status: 'queued', languages }, 'queue');
    return vault.writeAudited([db.ocrJobs], async (audit) => {
      const created: OcrJobRow = {
        id: newId<OcrJobId>(),
        caseId: row.caseId,
        evidenceId,
        status: 'queued',
        languages,
        donePageIds: [],
        createdAt: now(),
        updatedAt: now(),
      };
      await db.ocrJobs.put(created);
      await audit({
        action: 'ocrJob.queue',
        table: 'ocrJobs',
        recordId: created.id,
        caseId: row.caseId,
        summary: `OCR of exhibit ${row.exhibitRef} queued.`,
      });
      return created;
    });
  }

  const startJob = (id: OcrJobId) => setJob(id, { status: 'running' }, 'start');
  const cancelJob = (id: OcrJobId) => setJob(id, { status: 'cancelled' }, 'cancel');
  const failJob = (id: OcrJobId, error: string) => setJob(id, { status: 'failed', error }, 'fail');

  /** Stores one finished page of a running job, with the job's progress, in one commit. */
  async function saveOcrPage(
    id: OcrJobId,
    number: number,
    result: OcrPageResult,
  ): Promise<PageRow> {
    return vault.writeAudited([db.ocrJobs, db.pages], async (audit) => {
      const current = await job(id);
      // A page that finishes after the user cancelled is dropped: cancelled means no new pages.
      if (current.status !== 'running')
        throw new EvidenceStoreError(`The OCR job is ${current.status}, not running`);
      const existing = (
        await db.pages.where('evidenceId').equals(current.evidenceId).toArray()
      ).find((p) => p.number === number);
      const recognised = toPage(result, {
        caseId: current.caseId,
        evidenceId: current.evidenceId,
        number,
        ...(existing ? { id: existing.id } : {}),
      });
      // A doubted text layer stays beside the OCR text that replaces it.
      const page =
        existing?.textLayer === undefined
          ? recognised
          : { ...recognised, textLayer: existing.textLayer };
      await db.pages.put(page);
      await db.ocrJobs.put({
        ...current,
        donePageIds: [...current.donePageIds.filter((p) => p !== page.id), page.id],
        updatedAt: now(),
      });
      await audit({
        action: 'page.ocr',
        table: 'pages',
        recordId: page.id,
        caseId: page.caseId,
        summary: `Page ${number} recognised (${result.languages.join('+')}).`,
      });
      return page;
    });
  }

  /** Marks the job done, if and only if every page of the item is finished. */
  async function finishJob(id: OcrJobId): Promise<OcrJobRow> {
    const current = await job(id);
    const missing = await missingPages(current.evidenceId);
    if (missing.length > 0)
      throw new EvidenceStoreError(`Pages ${missing.join(', ')} are not recognised yet`);
    return vault.writeAudited([db.ocrJobs, db.custody, db.evidence], async (audit) => {
      const row = await item(current.evidenceId);
      const next: OcrJobRow = { ...current, status: 'done', updatedAt: now() };
      await db.ocrJobs.put(next);
      await db.custody.put(
        custodyRow(
          row,
          'ocr',
          `OCR run (${current.languages.join('+')}): ${current.donePageIds.length} page(s) recognised.`,
        ),
      );
      await audit({
        action: 'ocrJob.finish',
        table: 'ocrJobs',
        recordId: id,
        caseId: row.caseId,
        summary: `OCR of exhibit ${row.exhibitRef} finished.`,
      });
      return next;
    });
  }

  /**
   * After a restart or a crash, jobs left 'running' belong to no one: they go back to the
   * queue, and resume with the pages they have not finished.
   */
  async function resumeInterrupted(caseId?: CaseId): Promise<number> {
    const all = caseId ? await jobs(caseId) : await db.ocrJobs.toArray();
    const stale = all.filter((j) => j.status === 'running');
    for (const j of stale) await setJob(j.id, { status: 'queued' }, 'requeue');
    return stale.length;
  }

  return {
    intake,
    list,
    item,
    update,
    pages,
    missingPages,
    recordView,
    custody,
    correctPage,
    jobs,
    queuedJobs,
    job,
    queueOcr,
    startJob,
    cancelJob,
    failJob,
    saveOcrPage,
    finishJob,
    resumeInterrupted,
  };
}
