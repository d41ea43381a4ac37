/**
 * The application menu. Packaged builds have no DevTools and no reload entry: DevTools would
 * show every dossier on screen and the session token, and a reload only logs the user out.
 * Edit roles stay: without them, copy/paste shortcuts do not work on macOS.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

const LABELS = {
  fr: { file: 'Fichier', edit: 'Édition', view: 'Affichage', window: 'Fenêtre' },
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window' },
} as const;

export function buildMenu(isPackaged: boolean): Menu {
  // The renderer's language is a user setting; the menu follows the OS, French unless English.
  const labels = app.getLocale().toLowerCase().startsWith('en') ? LABELS.en : LABELS.fr;
  const isMac = process.platform === 'darwin';
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: labels.file, submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { label: labels.edit, role: 'editMenu' },
    {
      label: labels.view,
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: labels.window, role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
