import { format, isValid, parseISO } from 'date-fns';

/**
 * Turning what a form holds (strings, empty = not given) into what the contract wants (nulls,
 * closed lists). One copy for every form of the renderer.
 */

/** A type guard for a closed list (a catalogue): `values.filter(oneOf(SUBSTANCES))`. */
export function oneOf<T extends string>(list: readonly T[]) {
  return (value: string | null | undefined): value is T =>
    value !== null && value !== undefined && (list as readonly string[]).includes(value);
}

/** Trimmed text, or null when nothing was typed. */
export function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** An instant (a Date or an ISO string) as a `datetime-local` value: workstation time, to the minute. */
export function toLocalInput(instant: Date | string | null | undefined): string {
  if (!instant) return '';
  const date = typeof instant === 'string' ? parseISO(instant) : instant;
  return isValid(date) ? format(date, "yyyy-MM-dd'T'HH:mm") : '';
}

/** A `datetime-local` value → the instant, or null when empty or unreadable. */
export function fromLocalInput(value: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return isValid(date) ? date : null;
}

/**
 * A `datetime-local` value for a request: the ISO instant, or — when unreadable — the text as
 * typed, so the contract refuses it next to its field instead of calling it missing.
 */
export function instantOrTyped(value: string): string {
  return fromLocalInput(value)?.toISOString() ?? value;
}
