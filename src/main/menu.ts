/**
 * The application menu. Electron's default menu offers Toggle Developer Tools, from which
 * anyone at a locked but running app could run script in the renderer and read the next
 * passphrase typed. This one has only what a user needs: no developer tools, no force reload.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: [{ role: 'minimize' }, { role: 'close' }],
  };
  // macOS puts Quit in the application menu; elsewhere it belongs under File.
  const first: MenuItemConstructorOptions =
    platform === 'darwin'
      ? {
          label: 'Ringtrace',
          submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }],
        }
      : { label: 'File', submenu: [{ role: 'quit' }] };
  return [first, edit, view, window];
}
