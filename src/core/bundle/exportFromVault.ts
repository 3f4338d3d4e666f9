import { readWholeCase } from '../cases';
import { newId, type CaseId, type CustodyEntry, type CustodyId, type IsoDate } from '../model';
import { assertVaultIntegrity, type UnlockedVault } from '../vault';
import { writeBundle, type BundleSummary } from './build';
import { selectForBundle } from './select';
import {
  type BundleContents,
  type BundleSelection,
  type CaseData,
  type OriginalsPolicy,
  type VictimProtectionMode,
} from './types';

/*
 * The export as the app runs it on an unlocked vault: read the case, resolve the selection,
 * stream the originals out of the encrypted file store into a signed ZIP, hand the ZIP to
 * whatever saves it, and only once it is saved record the export in the audit log and in the
 * custody of every exhibit, in one transaction. A cancelled or failed export records nothing,
 * because nothing left the vault.
 */

export type ExportRequest = Readonly<{
  caseId: CaseId;
  selection: BundleSelection;
  /** Defaults to 'pseudonymise': identities go out only when the user deliberately asks. */
  victimProtection?: VictimProtectionMode;
  /** Defaults to 'all'. */
  includeOriginals?: OriginalsPolicy;
  /** Stops the export between chunks; nothing is saved or recorded. */
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** For tests; the current time otherwise. */
  now?: () => Date;
}>;

export type ExportProgress = Readonly<{
  /** The exhibit whose original is being written (1-based; 0 before the first), of how many. */
  currentItem: number;
  itemsTotal: number;
  /** Bytes of the ZIP written so far. */
  bytesWritten: number;
}>;

/** Saves the finished ZIP where the user chooses; resolves to whether it was saved. */
export type BundleSaver = (
  bytes: Uint8Array,
  suggestedName: string,
) => Promise<Readonly<{ saved: boolean; path: string | null }>>;

export type ExportOutcome =
  | Readonly<{ saved: false }>
  | Readonly<{
      saved: true;
      fileName: string;
      path: string | null;
      summary: BundleSummary;
      contents: BundleContents;
      /** SHA-256 of the whole ZIP file, as recorded in the audit log and custody. */
      zipSha256: string;
      /** Position of the 'bundle.export' entry in the audit chain. */
      auditSeq: number;
    }>;

/** Thrown when the user cancels a running export. */
export class ExportCancelledError extends Error {
  override readonly name = 'ExportCancelledError';
  constructor() {
    super('The export was cancelled; nothing was saved or recorded.');
  }
}

/** A file name safe on every desktop system: case reference and date, nothing else. */
export function bundleFileName(reference: string, at: Date): string {
  const ref = reference
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const stamp = at.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `${ref === '' ? 'case' : ref}-bundle-${stamp}.zip`;
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Passes a stream through, failing it as soon as the signal aborts. */
function abortable(
  stream: ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  if (signal === undefined) return stream;
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (signal.aborted) {
        await reader.cancel().catch(() => undefined);
        controller.error(new ExportCancelledError());
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
}

/**
 * Builds the bundle of `request.selection` from the vault, saves it with `save`, and records
 * the export. The ZIP is assembled in memory because the platform's save takes the whole file
 * (browser downloads and the desktop IPC both do); originals still stream out of the file
 * store one chunk at a time.
 */
export async function exportFromVault(
  vault: UnlockedVault,
  request: ExportRequest,
  save: BundleSaver,
): Promise<ExportOutcome> {
  await assertVaultIntegrity(vault);
  const { signal, onProgress } = request;
  const checkCancelled = (): void => {
    if (signal?.aborted === true) throw new ExportCancelledError();
  };
  // readWholeCase gives every victim its one pseudonym (stored, or as it will be stored), so
  // that the bundle names each victim as the network view and every other export does.
  const data: CaseData = await readWholeCase(vault, request.caseId);
  const contents = selectForBundle(data, request.selection);
  const now = (request.now ?? (() => new Date()))();
  const exportedAt: IsoDate = now.toISOString();

  const chunks: Uint8Array[] = [];
  let bytesWritten = 0;
  let currentItem = 0;
  const itemsTotal = contents.evidence.length;
  const report = (): void => onProgress?.({ currentItem, itemsTotal, bytesWritten });
  report();
  checkCancelled();

  const summary = await writeBundle(
    {
      ...contents,
      readOriginal: (item) => {
        checkCancelled();
        currentItem++;
        report();
        return abortable(vault.files.read(item.fileId), signal);
      },
      exportedBy: vault.actor,
      exportedAt,
      signingKey: vault.signing,
      victimProtection: request.victimProtection ?? 'pseudonymise',
      includeOriginals: request.includeOriginals ?? 'all',
    },
    (chunk) => {
      checkCancelled();
      chunks.push(chunk);
      bytesWritten += chunk.length;
      report();
    },
  );
  checkCancelled();
  const bytes = concat(chunks, bytesWritten);
  const fileName = bundleFileName(contents.case.reference, now);
  const result = await save(bytes, fileName);
  if (!result.saved) return { saved: false };

  const zipSha256 = await sha256Hex(bytes);
  const auditSeq = await recordBundleExport(vault, {
    caseId: request.caseId,
    contents,
    summary,
    fileName,
    zipSha256,
    at: exportedAt,
  });
  return { saved: true, fileName, path: result.path, summary, contents, zipSha256, auditSeq };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

type ExportRecord = Readonly<{
  caseId: CaseId;
  contents: BundleContents;
  summary: BundleSummary;
  fileName: string;
  zipSha256: string;
  at: IsoDate;
}>;

/**
 * One audit entry for the export and one custody entry per exhibit, committed together: an
 * exhibit's chain of custody must show every time it left the vault, and the audit log must
 * show who exported what, when, signed by which key.
 */
export async function recordBundleExport(
  vault: UnlockedVault,
  record: ExportRecord,
): Promise<number> {
  const { summary, contents, fileName, zipSha256, at } = record;
  const manifest = summary.manifest;
  const actor = vault.actor;
  const originalByItem = new Map(manifest.evidence.map((e) => [e.id, e.original]));
  const custody: CustodyEntry[] = contents.evidence.map((item) => {
    const original = originalByItem.get(item.id);
    return {
      id: newId<CustodyId>(),
      caseId: record.caseId,
      evidenceId: item.id,
      at,
      actor,
      action: 'export',
      details:
        `Exported in evidence bundle ${fileName} (ZIP SHA-256 ${zipSha256}; manifest SHA-256 ` +
        `${summary.manifestSha256}; signed by key ${summary.signer.fingerprint}). ` +
        (original?.included === true
          ? 'The original was included.'
          : `The original was not included${original?.included === false ? `: ${original.reason}` : ''}.`),
    };
  });
  const db = vault.db;
  return vault.writeAudited([db.custody], async (audit) => {
    if (custody.length > 0) await db.custody.bulkAdd(custody);
    const entry = await audit({
      action: 'bundle.export',
      table: 'cases',
      recordId: record.caseId,
      caseId: record.caseId,
      summary:
        `Exported evidence bundle ${fileName}: ${manifest.evidence.length} exhibit(s), ` +
        `${manifest.entities.length} entities, ${manifest.links.length} link(s), ` +
        `${manifest.citations.length} citation(s); victims ${manifest.victimProtection.mode} ` +
        `(${manifest.victimProtection.victimCount}); originals: ${manifest.originals.policy}. ` +
        `ZIP SHA-256 ${zipSha256}, manifest SHA-256 ${summary.manifestSha256}, ` +
        `signed by key ${summary.signer.fingerprint}.`,
    });
    return entry.seq;
  });
}

/** How the bundle's report left the vault as PDF: saved to a file, or opened for printing. */
export type ReportPdfOutcome =
  Readonly<{ kind: 'saved'; path: string }> | Readonly<{ kind: 'opened' }>;

/** Records that a bundle's report left the vault in the clear as PDF, like the bundle did. */
export async function recordReportPdf(
  vault: UnlockedVault,
  record: Readonly<{ caseId: CaseId; fileName: string; outcome: ReportPdfOutcome }>,
): Promise<void> {
  const { caseId, fileName, outcome } = record;
  await vault.writeAudited([], async (audit) => {
    await audit({
      action: 'bundle.reportPdf',
      table: 'cases',
      recordId: caseId,
      caseId,
      summary:
        outcome.kind === 'saved'
          ? `Saved the report of bundle "${fileName}" as PDF "${outcome.path}".`
          : `Opened the report of bundle "${fileName}" for printing to PDF.`,
    });
  });
}
