/**
 * Closing the desktop window (or quitting) while a form holds unsaved work. The page cancels
 * `beforeunload` while a form is dirty (renderer/app/dirty-forms.ts); Electron then fires
 * `will-prevent-unload` and, left alone, silently keeps the window open. The main process asks
 * instead, with the renderer's own words: leave (the window closes, the typed work is lost) or
 * stay (the window stays, the form as it was).
 */
import type { MessageBoxSyncOptions } from 'electron';
import { t } from '../../shared/i18n/translate';
import type { Language } from '../../shared/i18n/texts';

/** The button order of the question: "stay" is the default and what Escape answers. */
export const UNLOAD_BUTTONS = { stay: 0, leave: 1 } as const;

/** The OS language decides, French unless English, as for the menu (the window's user may be locked out). */
export function unloadLanguage(osLocale: string): Language {
  return osLocale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function unloadPrompt(lang: Language): MessageBoxSyncOptions {
  return {
    type: 'question',
    title: 'Parcours',
    message: t(lang, 'unsaved.leave.title'),
    detail: t(lang, 'unsaved.leave.body'),
    buttons: [t(lang, 'unsaved.stay'), t(lang, 'unsaved.leave.confirm')],
    defaultId: UNLOAD_BUTTONS.stay,
    cancelId: UNLOAD_BUTTONS.stay,
    noLink: true,
  };
}

/** True when the answer lets the window close (Electron: `event.preventDefault()` on `will-prevent-unload`). */
export function leavesPage(response: number): boolean {
  return response === UNLOAD_BUTTONS.leave;
}
