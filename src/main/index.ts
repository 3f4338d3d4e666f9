/**
 * Electron main process: window, hardening, native dialogs, file I/O. Thin by design; the
 * domain lives in src/core and runs in the renderer.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { freshRendererFor, registerIpc } from './ipc';
import { applicationMenuTemplate } from './menu';
import { printReportToPdf } from './reportPdf';
import { resolveAppPath } from './protocol';
import {
  APP_ORIGIN,
  APP_SCHEME,
  denyAllPermissions,
  guardNavigation,
  installContentSecurityPolicy,
  withSecurityHeaders,
} from './security';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererRoot = join(import.meta.dirname, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

async function confirmAndOpenExternal(url: string): Promise<boolean> {
  const window = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'question' as const,
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    message: 'Open this link in your web browser?',
    detail: `${url}\n\nThe page will be able to see that someone opened it.`,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  if (response !== 1) return false;
  await shell.openExternal(url);
  return true;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Ringtrace',
    // Written out here, not built by a helper, so that Electronegativity can read it.
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      // Developer tools only in development: in a packaged build nobody at the machine can
      // open a console in the renderer.
      devTools: !app.isPackaged,
    },
  });
  guardNavigation(window.webContents, devServerUrl, confirmAndOpenExternal);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  // Any web contents created later (a devtools page aside) gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, devServerUrl, confirmAndOpenExternal);
    if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  });

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform)));
    const ses = session.defaultSession;
    installContentSecurityPolicy(ses);
    denyAllPermissions(ses);
    protocol.handle(APP_SCHEME, async (request) => {
      const path = resolveAppPath(rendererRoot, request.url);
      if (path === null) return withSecurityHeaders(new Response('Not found', { status: 404 }));
      return withSecurityHeaders(await net.fetch(pathToFileURL(path).href));
    });
    registerIpc(ipcMain, {
      devServerUrl,
      appInfo: () => ({
        name: app.getName(),
        version: app.getVersion(),
        mode: 'desktop',
        platform: process.platform,
      }),
      confirmAndOpenExternal,
      freshRenderer: freshRendererFor,
      saveFile: async (suggestedName, data) => {
        const window = BrowserWindow.getFocusedWindow();
        const options = { defaultPath: suggestedName };
        const result = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        if (result.canceled || result.filePath === undefined) return { saved: false, path: null };
        await writeFile(result.filePath, data);
        return { saved: true, path: result.filePath };
      },
      saveReportPdf: async (suggestedName, html) => {
        const pdf = await printReportToPdf(BrowserWindow, html);
        const window = BrowserWindow.getFocusedWindow();
        const options = {
          defaultPath: suggestedName,
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        };
        const result = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        if (result.canceled || result.filePath === undefined) return { kind: 'cancelled' } as const;
        await writeFile(result.filePath, pdf);
        return { kind: 'saved', path: result.filePath } as const;
      },
      openFiles: async (title, extensions, multiple) => {
        const window = BrowserWindow.getFocusedWindow();
        const options = {
          title,
          properties: multiple
            ? (['openFile', 'multiSelections'] as const)
            : (['openFile'] as const),
          filters: extensions.length > 0 ? [{ name: 'Files', extensions: [...extensions] }] : [],
        };
        const result = window
          ? await dialog.showOpenDialog(window, { ...options, properties: [...options.properties] })
          : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
        if (result.canceled) return [];
        return Promise.all(
          result.filePaths.map(async (path) => ({
            name: basename(path),
            data: new Uint8Array(await readFile(path)),
          })),
        );
      },
    });
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
