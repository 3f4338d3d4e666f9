/**
 * IPC handlers. Every message is checked twice: its sender must be the app's own main frame,
 * and its arguments must pass the validators of src/shared/ipc.ts.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  IPC,
  IpcValidationError,
  parseExternalUrl,
  parseOpenFilesRequest,
  parseSaveFileRequest,
  parseSaveReportPdfRequest,
  type AppInfo,
  type PickedFile,
  type SaveFileResult,
  type SaveReportPdfResult,
} from '../shared/ipc';
import { isAppUrl } from './security';

/** What the handlers need from the outside world; injected so that tests can mock it. */
export type IpcDeps = Readonly<{
  appInfo: () => AppInfo;
  devServerUrl: string | undefined;
  confirmAndOpenExternal: (url: string) => Promise<boolean>;
  saveFile: (suggestedName: string, data: Uint8Array) => Promise<SaveFileResult>;
  openFiles: (
    title: string,
    extensions: readonly string[],
    multiple: boolean,
  ) => Promise<PickedFile[]>;
  saveReportPdf: (suggestedName: string, html: string) => Promise<SaveReportPdfResult>;
  /** Replaces the sender's renderer process with a new one (see freshRendererFor). */
  freshRenderer: (contents: WebContents) => void;
}>;

/**
 * Lock drops the renderer's heap: the process is killed and the page reloaded, which Electron
 * does in a new process, so decrypted case text and the typed passphrase die with the old one.
 * Deferred so that the invoke that asked for it is answered first.
 */
export function freshRendererFor(
  contents: Pick<WebContents, 'forcefullyCrashRenderer' | 'reload' | 'isDestroyed'>,
): void {
  setImmediate(() => {
    if (contents.isDestroyed()) return;
    contents.forcefullyCrashRenderer();
    contents.reload();
  });
}

export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

export function assertTrustedSender(
  event: IpcMainInvokeEvent,
  devServerUrl: string | undefined,
): void {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null || !isAppUrl(frame.url, devServerUrl)) {
    throw new UntrustedSenderError(`IPC refused from ${frame?.url ?? 'an unknown frame'}`);
  }
}

export function registerIpc(ipcMain: IpcMain, deps: IpcDeps): void {
  const handle = (channel: string, fn: (arg: unknown) => unknown): void => {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      assertTrustedSender(event, deps.devServerUrl);
      if (args.length > 1) throw new IpcValidationError(`${channel} takes at most one argument`);
      return await fn(args[0]);
    });
  };
  handle(IPC.appInfo, () => deps.appInfo());
  handle(IPC.openExternal, (arg) => deps.confirmAndOpenExternal(parseExternalUrl(arg).href));
  handle(IPC.saveFile, (arg) => {
    const request = parseSaveFileRequest(arg);
    return deps.saveFile(request.suggestedName, request.data);
  });
  handle(IPC.saveReportPdf, (arg) => {
    const request = parseSaveReportPdfRequest(arg);
    return deps.saveReportPdf(request.suggestedName, request.html);
  });
  // Takes the sender itself, which the one-argument handlers above do not see.
  ipcMain.handle(IPC.freshRenderer, (event, ...args: unknown[]) =>
    Promise.resolve().then(() => {
      assertTrustedSender(event, deps.devServerUrl);
      if (args.length > 0) throw new IpcValidationError(`${IPC.freshRenderer} takes no argument`);
      deps.freshRenderer(event.sender);
    }),
  );
  handle(IPC.openFiles, (arg) => {
    const request = parseOpenFilesRequest(arg);
    return deps.openFiles(request.title, request.extensions, request.multiple);
  });
}
