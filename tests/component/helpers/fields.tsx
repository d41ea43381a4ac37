/**
 * Reading a field the way assistive technology does: its error or help is what `aria-describedby`
 * points to, so "the error is next to its field" means it is in the field's description.
 */
import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

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
