/**
 * A recording stand-in for the parts of Electron's API the main process uses, so that the
 * hardening can be unit-tested in Node (Electron cannot launch on these machines).
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  devToolsClosed = 0;
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  /** What printToPDF returns: a PDF header is enough to recognise the file. */
  printed: Array<Record<string, unknown>> = [];
  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.printed.push(options);
    return Promise.resolve(Buffer.from('%PDF-1.7 fake'));
  }
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a cancellable event like Electron does and reports whether it was prevented. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class FakeSession {
  headersListener: Handler | undefined;
  permissionRequestHandler: Handler | undefined;
  permissionCheckHandler: Handler | undefined;
  devicePermissionHandler: Handler | undefined;
  webRequest = {
    onHeadersReceived: (listener: Handler): void => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler): void {
    this.devicePermissionHandler = handler;
  }
}

export type CreatedWindow = {
  readonly options: Record<string, unknown>;
  readonly webContents: FakeWebContents;
  readonly loaded: string[];
  readonly destroyed: boolean;
};

export type FakeMenuItem = { role?: string; label?: string; submenu?: FakeMenuItem[] };

export function createFakeElectron(options: Readonly<{ packaged?: boolean }> = {}) {
  const windows: CreatedWindow[] = [];
  const ipcHandlers = new Map<string, Handler>();
  const appEvents = new EventEmitter();
  const protocolHandlers = new Map<string, Handler>();
  const privilegedSchemes: unknown[] = [];
  const defaultSession = new FakeSession();
  const menus: { application: FakeMenuItem[] | null | undefined } = { application: undefined };
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  class BrowserWindow {
    static getAllWindows = (): BrowserWindow[] => [];
    static getFocusedWindow = (): null => null;
    webContents = new FakeWebContents();
    loaded: string[] = [];
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(_event: string, _listener: () => void): void {}
    destroy(): void {
      this.destroyed = true;
    }
    show(): void {}
  }

  const electron = {
    app: {
      on: (name: string, listener: Handler) => appEvents.on(name, listener),
      whenReady: () => ready,
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      isPackaged: options.packaged ?? false,
      getName: () => 'Ringtrace',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    dialog: {
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(),
    },
    ipcMain: { handle: (channel: string, handler: Handler) => ipcHandlers.set(channel, handler) },
    net: { fetch: vi.fn() },
    Menu: {
      buildFromTemplate: (template: FakeMenuItem[]) => template,
      setApplicationMenu: (menu: FakeMenuItem[] | null) => (menus.application = menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: Handler) => protocolHandlers.set(scheme, handler),
    },
    session: { defaultSession },
    shell: { openExternal: vi.fn() },
  };
  return {
    electron,
    windows,
    ipcHandlers,
    appEvents,
    protocolHandlers,
    privilegedSchemes,
    defaultSession,
    menus,
    ready: resolveReady,
  };
}
