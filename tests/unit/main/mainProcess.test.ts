/**
 * Boots the real src/main/index.ts against a recording fake of Electron and checks what it
 * wires up: the window's web preferences, CSP, permissions, protocol and IPC.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security';
import type { FakeMenuItem } from '../../helpers/fakeElectron';
import { IPC } from '../../../src/shared/ipc';
import { createFakeElectron } from '../../helpers/fakeElectron';

const fake = createFakeElectron();
vi.mock('electron', () => fake.electron);

beforeAll(async () => {
  await import('../../../src/main/index');
  fake.ready();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

describe('the main process at start', () => {
  it('opens one hardened window on the app origin', () => {
    const [window] = fake.windows;
    const prefs = window?.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(prefs['preload'])).toMatch(/preload[/\\]index\.cjs$/);
    expect(window?.loaded).toEqual(['app://ringtrace/index.html']);
  });

  it('registers the app scheme as secure and standard before ready', () => {
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.protocolHandlers.has('app')).toBe(true);
  });

  it('refuses app:// requests that would leave the renderer folder', async () => {
    const handler = fake.protocolHandlers.get('app');
    const response = (await handler?.({
      url: 'app://ringtrace/..%2f..%2fpackage.json',
    })) as Response;
    expect(response.status).toBe(404);
  });

  it('installs the CSP and denies permissions on the default session', () => {
    const callback = vi.fn();
    fake.defaultSession.headersListener?.({ responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    const permission = vi.fn();
    fake.defaultSession.permissionRequestHandler?.({}, 'media', permission);
    expect(permission).toHaveBeenCalledWith(false);
  });

  it('guards navigation of the window and of every web contents created later', () => {
    const [window] = fake.windows;
    expect(window?.webContents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(window?.webContents.windowOpenHandler?.({ url: 'app://ringtrace/x' })).toEqual({
      action: 'deny',
    });
    expect(fake.appEvents.listenerCount('web-contents-created')).toBe(1);
  });

  it('opens an https link in the system browser only after the user confirms', async () => {
    const [window] = fake.windows;
    const { dialog, shell } = fake.electron;
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    window?.webContents.fire('will-navigate', 'https://example.org/cancelled');
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    expect(shell.openExternal).not.toHaveBeenCalled();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    window?.webContents.fire('will-navigate', 'https://example.org/confirmed');
    await vi.waitFor(() =>
      expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/confirmed'),
    );
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('prints a bundle report to PDF in a hidden window without JavaScript, then saves it', async () => {
    const handler = fake.ipcHandlers.get(IPC.saveReportPdf);
    const target = join(mkdtempSync(join(tmpdir(), 'ringtrace-pdf-')), 'report.pdf');
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: target,
    });
    const result = await handler?.(
      { senderFrame: { url: 'app://ringtrace/index.html', parent: null } },
      { suggestedName: 'bundle-report.pdf', html: '<h1>Report</h1>' },
    );
    expect(result).toEqual({ kind: 'saved', path: target });
    expect(readFileSync(target, 'utf8')).toMatch(/^%PDF-/);
    const printer = fake.windows.at(-1);
    expect(printer?.options).toMatchObject({
      show: false,
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      },
    });
    expect(
      (printer?.options['webPreferences'] as Record<string, unknown>)['preload'],
    ).toBeUndefined();
    expect(printer?.loaded[0]).toBe(
      `data:text/html;charset=utf-8,${encodeURIComponent('<h1>Report</h1>')}`,
    );
    expect(printer?.webContents.printed).toHaveLength(1);
    expect(printer?.destroyed).toBe(true);

    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    await expect(
      handler?.(
        { senderFrame: { url: 'app://ringtrace/index.html', parent: null } },
        { suggestedName: 'bundle-report.pdf', html: '<h1>Report</h1>' },
      ),
    ).resolves.toEqual({ kind: 'cancelled' });
  });

  it('sets an application menu without developer tools or force reload', () => {
    const menu = fake.menus.application;
    expect(Array.isArray(menu)).toBe(true);
    const roles: string[] = [];
    const walk = (items: readonly FakeMenuItem[]): void => {
      for (const item of items) {
        if (item.role !== undefined) roles.push(item.role.toLowerCase());
        if (item.submenu) walk(item.submenu);
      }
    };
    walk(menu ?? []);
    expect(roles).toContain('copy');
    expect(roles).toContain('quit');
    expect(roles).not.toContain('toggledevtools');
    expect(roles).not.toContain('forcereload');
  });

  it('sends the CSP from the app:// handler itself, for pages and for worker scripts', async () => {
    const handler = fake.protocolHandlers.get('app');
    for (const [url, type] of [
      ['app://ringtrace/index.html', 'text/html'],
      ['app://ringtrace/assets/ocr.worker-abc.js', 'text/javascript'],
    ] as const) {
      fake.electron.net.fetch.mockResolvedValueOnce(
        new Response('body', { headers: { 'Content-Type': type } }),
      );
      const response = (await handler?.({ url })) as Response;
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Content-Type')).toBe(type);
      expect(await response.text()).toBe('body');
    }
    const refused = (await handler?.({ url: 'app://ringtrace/..%2f..%2fx' })) as Response;
    expect(refused.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps developer tools in a development build', () => {
    const prefs = fake.windows[0]?.options['webPreferences'] as Record<string, unknown>;
    expect(prefs['devTools']).toBe(true);
  });

  it('handles exactly the IPC channels of the API', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC).sort());
  });
});
