/**
 * Single-key shortcuts (N, /, A, R, S, P, D) work from anywhere except where a key is text: a text
 * field, a text area, an editable area, or an open list being typed in. A radio button, a checkbox,
 * a segmented control or a button keeps them working (the site switch used to swallow them).
 */
import { useEffect, useRef } from 'react';

/** Input types that take typed text; every other input (radio, checkbox, button…) does not. */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'password',
  'number',
  'date',
  'datetime-local',
  'time',
  'month',
  'week',
]);

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type || 'text');
  return false;
}

/** A dialog (or a menu's dropdown) is open: its keys belong to it. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null;
}

/**
 * Binds single keys (lower case, no modifier) for as long as the component is mounted. Ignored
 * while typing in a text field or while a dialog is open.
 */
export function useKeyShortcuts(keys: Record<string, () => void>): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextField(event.target) || dialogOpen()) return;
      const action = latest.current[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
