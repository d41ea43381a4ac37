/**
 * The bridge between the contract's zod schemas and Mantine forms: the page checks what it can
 * with the very schemas the core uses, and the core's `validation` errors land next to the
 * field they name (`error.field` is the dotted path, the same path Mantine forms use).
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiError } from '../../shared/contract';
import { fieldIssueFromApiError, fieldIssueFromZod, fieldIssueText } from '../i18n/error-text';

export type FieldErrors = Record<string, string>;

/** Checks `input` with a contract schema; one translated message per field path (the first issue). */
export function schemaErrors(
  schema: z.ZodType,
  input: unknown,
  t: TFunction,
  keep: (path: string) => boolean = () => true,
): FieldErrors {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!keep(path) || path in errors) continue;
    errors[path] = fieldIssueText(t, fieldIssueFromZod(issue));
  }
  return errors;
}

interface FormWithErrors {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Puts a core error next to its field when the form shows that field.
 * Returns false when the error is not about a visible field: the caller shows it as a whole.
 */
export function showFieldError(
  form: FormWithErrors,
  error: ApiError,
  t: TFunction,
  formPathOf: (field: string) => string | null,
): boolean {
  if (error.code !== 'validation' || !error.field) return false;
  const path = formPathOf(error.field);
  if (!path) return false;
  form.setFieldError(path, fieldIssueText(t, fieldIssueFromApiError(error)));
  return true;
}

/** For forms whose paths are the contract's: accept the listed fields as they are. */
export function samePathIn(fields: readonly string[]): (field: string) => string | null {
  return (field) => (fields.includes(field) ? field : null);
}
