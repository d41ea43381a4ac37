/**
 * What this workstation (this browser, this Electron window's profile) remembers between
 * sessions: the site it stands in and how its board is laid out. Neither is personal data — a
 * site identifier and a layout name — so they may live in localStorage; nothing about a person or
 * a user is ever written there.
 */
const SITE_KEY = 'parcours.workstation.site';
const BOARD_LAYOUT_KEY = 'parcours.workstation.boardLayout';

export const BOARD_LAYOUTS = ['cards', 'compact'] as const;
export type BoardLayout = (typeof BOARD_LAYOUTS)[number];

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    // Storage refused (a locked-down browser profile): the workstation simply remembers nothing.
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // See read(): forgetting is the only consequence.
  }
}

export function workstationSite(): string | null {
  return read(SITE_KEY);
}

export function rememberWorkstationSite(siteId: string): void {
  write(SITE_KEY, siteId);
}

export function boardLayout(): BoardLayout {
  const stored = read(BOARD_LAYOUT_KEY);
  return stored === 'compact' ? 'compact' : 'cards';
}

export function rememberBoardLayout(layout: BoardLayout): void {
  write(BOARD_LAYOUT_KEY, layout);
}
