/**
 * The IPC contract between preload and main: channel names and the validation of every
 * argument that crosses the boundary. Main validates again; it never trusts the renderer.
 */
export const IPC = {
  appInfo: 'ringtrace:app-info',
  openExternal: 'ringtrace:open-external',
  saveFile: 'ringtrace:save-file',
  openFiles: 'ringtrace:open-files',
  saveReportPdf: 'ringtrace:save-report-pdf',
  freshRenderer: 'ringtrace:fresh-renderer',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];

export type AppInfo = Readonly<{
  name: string;
  version: string;
  /** 'desktop' in Electron, 'browser' in browser mode. */
  mode: 'desktop' | 'browser';
  platform: string;
}>;

export type SaveFileRequest = Readonly<{
  /** The file name proposed to the user; the user picks the final place. */
  suggestedName: string;
  data: Uint8Array;
}>;

/** Where the user chose to save, or null if they cancelled. */
export type SaveFileResult = Readonly<{ saved: boolean; path: string | null }>;

export type OpenFilesRequest = Readonly<{
  title: string;
  /** File extensions without the dot, e.g. ['png', 'pdf']; empty means any file. */
  extensions: readonly string[];
  multiple: boolean;
}>;

export type PickedFile = Readonly<{ name: string; data: Uint8Array }>;

export type SaveReportPdfRequest = Readonly<{
  /** A plain file name ending in .pdf; the user picks the folder. */
  suggestedName: string;
  /** A bundle's report.html: self-contained, no scripts, no remote resources. */
  html: string;
}>;

/**
 * saved: written where the user chose; cancelled: the user closed the save dialog; opened:
 * browser mode, where the report opened in a tab for the browser's Print > Save as PDF.
 */
export type SaveReportPdfResult = Readonly<
  { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'opened' }
>;

const MAX_NAME = 255;
/** 2 GiB: the largest single save through IPC; larger exports stream to disk in main later. */
const MAX_SAVE_BYTES = 2 * 1024 * 1024 * 1024;

export class IpcValidationError extends Error {
  override readonly name = 'IpcValidationError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only https links leave the app, and only to a real host. */
export function parseExternalUrl(value: unknown): URL {
  if (typeof value !== 'string' || value.length > 2048) {
    throw new IpcValidationError('openExternal expects a URL string');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new IpcValidationError(`openExternal: not a URL: ${value.slice(0, 80)}`);
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '') {
    throw new IpcValidationError(`openExternal: only https links may be opened: ${url.href}`);
  }
  return url;
}

/** A file name with no directory part, so the renderer cannot choose where main writes. */
export function isSafeFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_NAME &&
    !/[/\\:\0]/.test(name) &&
    name !== '.' &&
    name !== '..'
  );
}

export function parseSaveFileRequest(value: unknown): SaveFileRequest {
  if (!isRecord(value)) throw new IpcValidationError('saveFile expects an object');
  const { suggestedName, data } = value;
  if (typeof suggestedName !== 'string' || !isSafeFileName(suggestedName)) {
    throw new IpcValidationError('saveFile: suggestedName must be a plain file name');
  }
  if (!(data instanceof Uint8Array) || data.byteLength > MAX_SAVE_BYTES) {
    throw new IpcValidationError('saveFile: data must be bytes (at most 2 GiB)');
  }
  return { suggestedName, data };
}

/** 20 MiB of HTML is far beyond any report; the cap keeps a bad caller from exhausting main. */
const MAX_REPORT_CHARS = 20 * 1024 * 1024;

export function parseSaveReportPdfRequest(value: unknown): SaveReportPdfRequest {
  if (!isRecord(value)) throw new IpcValidationError('saveReportPdf expects an object');
  const { suggestedName, html } = value;
  if (
    typeof suggestedName !== 'string' ||
    !isSafeFileName(suggestedName) ||
    !suggestedName.toLowerCase().endsWith('.pdf')
  ) {
    throw new IpcValidationError(
      'saveReportPdf: suggestedName must be a plain file name ending in .pdf',
    );
  }
  if (typeof html !== 'string' || html.length === 0 || html.length > MAX_REPORT_CHARS) {
    throw new IpcValidationError('saveReportPdf: html must be the report text (at most 20 MiB)');
  }
  return { suggestedName, html };
}

export function parseOpenFilesRequest(value: unknown): OpenFilesRequest {
  if (!isRecord(value)) throw new IpcValidationError('openFiles expects an object');
  const { title, extensions, multiple } = value;
  if (typeof title !== 'string' || title.length > 200) {
    throw new IpcValidationError('openFiles: title must be a short string');
  }
  if (
    !Array.isArray(extensions) ||
    extensions.length > 50 ||
    !extensions.every((e): e is string => typeof e === 'string' && /^[a-z0-9]{1,10}$/i.test(e))
  ) {
    throw new IpcValidationError('openFiles: extensions must be a list of plain extensions');
  }
  if (typeof multiple !== 'boolean') {
    throw new IpcValidationError('openFiles: multiple must be true or false');
  }
  return { title, extensions, multiple };
}
