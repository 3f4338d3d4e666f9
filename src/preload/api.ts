/**
 * The one API the renderer gets from the desktop app: one function per operation, never
 * ipcRenderer itself. Its type is the contract; the browser-mode implementation
 * (src/renderer/src/platform/browserApi.ts) satisfies the same type.
 */
import { ipcRenderer } from 'electron';
import {
  IPC,
  type AppInfo,
  type OpenFilesRequest,
  type PickedFile,
  type SaveFileRequest,
  type SaveFileResult,
  type SaveReportPdfRequest,
  type SaveReportPdfResult,
} from '../shared/ipc';

export const api = {
  appInfo: (): Promise<AppInfo> => ipcRenderer.invoke(IPC.appInfo) as Promise<AppInfo>,
  /** Opens an https link in the system browser after the user confirms; resolves to whether it did. */
  openExternal: (url: string): Promise<boolean> =>
    ipcRenderer.invoke(IPC.openExternal, url) as Promise<boolean>,
  /** Asks the user where to save and writes the bytes there. */
  saveFile: (request: SaveFileRequest): Promise<SaveFileResult> =>
    ipcRenderer.invoke(IPC.saveFile, request) as Promise<SaveFileResult>,
  /** Asks the user for files and returns their names and bytes. */
  openFiles: (request: OpenFilesRequest): Promise<PickedFile[]> =>
    ipcRenderer.invoke(IPC.openFiles, request) as Promise<PickedFile[]>,
  /** Prints a bundle's report to PDF and asks the user where to save it. */
  saveReportPdf: (request: SaveReportPdfRequest): Promise<SaveReportPdfResult> =>
    ipcRenderer.invoke(IPC.saveReportPdf, request) as Promise<SaveReportPdfResult>,
  /**
   * After lock: the window starts again in a new renderer process, so that nothing decrypted
   * in this one's heap (case text, the passphrase typed) outlives the lock.
   */
  freshRenderer: (): Promise<void> => ipcRenderer.invoke(IPC.freshRenderer) as Promise<void>,
} as const;
