import { format, isValid, parseISO } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import { currentLanguage } from '../../i18n/setup';

/** A day as people read it (12/03/2026), in the interface language. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'P', { locale: currentLanguage() === 'en' ? enGB : fr }) : iso;
}

/** A `datetime-local` input's value (workstation time) for an ISO instant, and back. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = parseISO(iso);
  return isValid(date) ? format(date, "yyyy-MM-dd'T'HH:mm") : '';
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return isValid(date) ? date.toISOString() : null;
}
