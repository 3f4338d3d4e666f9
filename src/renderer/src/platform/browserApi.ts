/**
 * Browser mode: the same API as the desktop preload, implemented with what a web page has
 * (file inputs, downloads, a confirmation before leaving for an external link).
 */
import type { RingtraceApi } from '../../../shared/api';
import { parseExternalUrl, type PickedFile } from '../../../shared/ipc';
import { version } from '../../../../package.json';

function pickFiles(extensions: readonly string[], multiple: boolean): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    if (extensions.length > 0) input.accept = extensions.map((e) => `.${e}`).join(',');
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      void Promise.all(
        files.map(async (file) => ({
          name: file.name,
          data: new Uint8Array(await file.arrayBuffer()),
        })),
      ).then(resolve);
    });
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

export const browserApi: RingtraceApi = {
  appInfo: () =>
    Promise.resolve({
      name: 'Ringtrace',
      version,
      mode: 'browser',
      platform: navigator.platform,
    }),
  openExternal: (url) => {
    const href = parseExternalUrl(url).href;
    if (!window.confirm(`Open this link in a new tab?\n\n${href}`)) return Promise.resolve(false);
    window.open(href, '_blank', 'noopener,noreferrer');
    return Promise.resolve(true);
  },
  saveFile: ({ suggestedName, data }) => {
    // The browser decides where downloads go; the user chose to export, so this is deliberate.
    const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = suggestedName;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return Promise.resolve({ saved: true, path: null });
  },
  openFiles: ({ extensions, multiple }) => pickFiles(extensions, multiple),
  // A web page cannot print to a file by itself: the report opens in a tab of its own, where
  // the browser's Print > Save as PDF makes the file.
  saveReportPdf: ({ html }) => {
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return Promise.resolve({ kind: 'opened' as const });
  },
  // A page cannot ask for a new process; reloading at least drops the whole JS heap at once.
  freshRenderer: () => {
    window.location.reload();
    return Promise.resolve();
  },
};
