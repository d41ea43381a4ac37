import type { Locator, Page } from '@playwright/test';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The field whose visible label is exactly `label`, with or without the asterisk Mantine adds to
 * required fields ("Code *"). Plain `getByLabel(label, { exact: true })` misses required fields,
 * and the inexact form would also match "Confirmer le mot de passe" for "Mot de passe".
 */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));
}

/** The option `answer` of the radio group whose label is exactly `question` (asterisk or not). */
export function choice(scope: Page | Locator, question: string, answer: string): Locator {
  return scope
    .getByRole('radiogroup', { name: new RegExp(`^${escapeRegExp(question)}( \\*)?$`) })
    .getByRole('radio', { name: answer, exact: true });
}
