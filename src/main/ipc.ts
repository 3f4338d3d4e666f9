/**
 * IPC handlers. Every message is checked twice: its sender must be the app's own main frame,
 * and its arguments must pass the validators of src/shared/ipc.ts.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
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
}>;

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
  handle(IPC.openFiles, (arg) => {
    const request = parseOpenFilesRequest(arg);
    return deps.openFiles(request.title, request.extensions, request.multiple);
  });
}
