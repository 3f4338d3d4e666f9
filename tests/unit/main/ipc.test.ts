import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { freshRendererFor, registerIpc, type IpcDeps } from '../../../src/main/ipc';
import { IPC } from '../../../src/shared/ipc';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, h: Handler) => handlers.set(channel, h) };
  const deps: IpcDeps = {
    devServerUrl: undefined,
    appInfo: () => ({ name: 'Ringtrace', version: '1', mode: 'desktop', platform: 'linux' }),
    confirmAndOpenExternal: vi.fn(() => Promise.resolve(true)),
    saveFile: vi.fn(() => Promise.resolve({ saved: true, path: '/home/u/x.zip' })),
    openFiles: vi.fn(() => Promise.resolve([])),
    saveReportPdf: vi.fn(() =>
      Promise.resolve({ kind: 'saved' as const, path: '/home/u/report.pdf' }),
    ),
    freshRenderer: vi.fn(),
  };
  registerIpc(ipcMain as unknown as IpcMain, deps);
  const call = (
    channel: string,
    frame: { url: string; parent: unknown } | null,
    ...args: unknown[]
  ) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args);
  };
  const appFrame = { url: 'app://ringtrace/index.html', parent: null };
  return { deps, call, appFrame, handlers };
}

describe('IPC sender validation', () => {
  it('registers one handler per operation of the API', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(IPC).sort());
  });

  it('answers the app main frame', async () => {
    const { call, appFrame } = setup();
    await expect(call(IPC.appInfo, appFrame)).resolves.toMatchObject({ mode: 'desktop' });
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a sub-frame of the app', { url: 'app://ringtrace/x.html', parent: {} }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses %s', async (_label, frame) => {
    const { call, deps } = setup();
    await expect(
      call(IPC.saveFile, frame, { suggestedName: 'a.zip', data: new Uint8Array(1) }),
    ).rejects.toThrow(/IPC refused/);
    expect(deps.saveFile).not.toHaveBeenCalled();
  });
});

describe('IPC argument validation', () => {
  it('opens only https links, after the user confirms', async () => {
    const { call, deps, appFrame } = setup();
    await expect(call(IPC.openExternal, appFrame, 'https://www.ohchr.org/')).resolves.toBe(true);
    expect(deps.confirmAndOpenExternal).toHaveBeenCalledWith('https://www.ohchr.org/');
    for (const bad of [
      'http://x.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      42,
      'https://user@x.org',
    ]) {
      await expect(call(IPC.openExternal, appFrame, bad)).rejects.toThrow(/openExternal/);
    }
    expect(deps.confirmAndOpenExternal).toHaveBeenCalledTimes(1);
  });

  it('saves only under a plain file name the user then places', async () => {
    const { call, deps, appFrame } = setup();
    await call(IPC.saveFile, appFrame, {
      suggestedName: 'bundle.zip',
      data: new Uint8Array([1, 2]),
    });
    expect(deps.saveFile).toHaveBeenCalledWith('bundle.zip', new Uint8Array([1, 2]));
    for (const name of ['../../.bashrc', '/etc/x', 'a\\b', '', '..']) {
      await expect(
        call(IPC.saveFile, appFrame, { suggestedName: name, data: new Uint8Array(1) }),
      ).rejects.toThrow(/suggestedName/);
    }
    await expect(
      call(IPC.saveFile, appFrame, { suggestedName: 'a', data: 'text' }),
    ).rejects.toThrow(/data/);
    expect(deps.saveFile).toHaveBeenCalledTimes(1);
  });

  it('prints only a report to a plain .pdf file name', async () => {
    const { call, deps, appFrame } = setup();
    await call(IPC.saveReportPdf, appFrame, {
      suggestedName: 'bundle-report.pdf',
      html: '<p>x</p>',
    });
    expect(deps.saveReportPdf).toHaveBeenCalledWith('bundle-report.pdf', '<p>x</p>');
    for (const bad of [
      { suggestedName: 'report.exe', html: '<p>x</p>' },
      { suggestedName: '../report.pdf', html: '<p>x</p>' },
      { suggestedName: 'report.pdf', html: '' },
      { suggestedName: 'report.pdf', html: 42 },
    ]) {
      await expect(call(IPC.saveReportPdf, appFrame, bad)).rejects.toThrow(/saveReportPdf/);
    }
    expect(deps.saveReportPdf).toHaveBeenCalledTimes(1);
  });

  it('checks the file picker request and refuses extra arguments', async () => {
    const { call, deps, appFrame } = setup();
    await call(IPC.openFiles, appFrame, {
      title: 'Add evidence',
      extensions: ['png', 'pdf'],
      multiple: true,
    });
    expect(deps.openFiles).toHaveBeenCalledWith('Add evidence', ['png', 'pdf'], true);
    await expect(
      call(IPC.openFiles, appFrame, { title: 'x', extensions: ['../x'], multiple: true }),
    ).rejects.toThrow(/extensions/);
    await expect(
      call(IPC.openFiles, appFrame, { title: 'x', extensions: [], multiple: 'yes' }),
    ).rejects.toThrow(/multiple/);
    await expect(call(IPC.appInfo, appFrame, 1, 2)).rejects.toThrow(/at most one argument/);
  });
});

describe('fresh renderer after lock', () => {
  it('hands the sender to the restart, for the app frame only', async () => {
    const { call, appFrame, deps } = setup();
    await expect(call(IPC.freshRenderer, appFrame)).resolves.toBeUndefined();
    expect(deps.freshRenderer).toHaveBeenCalledTimes(1);
  });

  it('kills the old process before reloading, once the reply is sent', async () => {
    const calls: string[] = [];
    freshRendererFor({
      isDestroyed: () => false,
      forcefullyCrashRenderer: () => calls.push('crash'),
      reload: () => calls.push('reload'),
    });
    expect(calls).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['crash', 'reload']);
  });

  it('refuses a frame that is not the app', async () => {
    const { call } = setup();
    await expect(
      call(IPC.freshRenderer, { url: 'https://evil.example/', parent: null }),
    ).rejects.toThrow(/IPC refused/);
  });
});
