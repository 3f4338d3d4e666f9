/**
 * A bundle's report.html printed to PDF by Chromium, for prosecutors who file paper. The
 * report is loaded into a hidden window with JavaScript off and no preload: it is data, never
 * code, and it cannot reach the IPC API.
 */
import type { BrowserWindow as BrowserWindowType } from 'electron';

type BrowserWindowConstructor = new (
  options: ConstructorParameters<typeof BrowserWindowType>[0],
) => BrowserWindowType;

export async function printReportToPdf(
  BrowserWindow: BrowserWindowConstructor,
  html: string,
): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // Nobody clicks in a hidden window, but the report has links: none may open a window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
}
