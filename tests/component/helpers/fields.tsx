/**
 * Reading a field the way assistive technology does: its error or help is what `aria-describedby`
 * points to, so "the error is next to its field" means it is in the field's description.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { expect } from 'vitest';

type User = ReturnType<typeof userEvent.setup>;

/** The text of everything `aria-describedby` points to (Mantine puts the error there). */
export function descriptionOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Waits until `field` is marked invalid and its description holds `message`. */
export async function expectFieldError(field: HTMLElement, message: string): Promise<void> {
  await waitFor(() => {
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain(message);
  });
}

/** The one textbox (or other input role) labelled `name`. */
export function textbox(name: string | RegExp): HTMLElement {
  return screen.getByRole('textbox', { name });
}

/**
 * Picks in a searchable select with the keyboard, as at the desk: type, wait until the option is
 * listed, then arrow down and Enter. (Mantine's dropdown never finishes its opening transition in
 * happy-dom, so its options stay hidden from a pointer but not from the keyboard.)
 */
export async function pick(user: User, input: HTMLElement, typed: string, option: RegExp): Promise<void> {
  await user.type(input, typed);
  const listbox = () => document.getElementById(input.getAttribute('aria-controls') ?? '');
  await waitFor(() => {
    const list = listbox();
    expect(list).not.toBeNull();
    expect(
      within(list!)
        .getAllByRole('option', { hidden: true })
        .map((o) => o.textContent),
    ).toEqual(expect.arrayContaining([expect.stringMatching(option)]));
  });
  await user.keyboard('{ArrowDown}{Enter}');
}
