/**
 * The label of a catalogue entry: the translated one for a shipped code, the centre's own for an
 * entry it added (shown as typed).
 */
import type { TFunction } from 'i18next';
import { isTextKey } from '../../i18n/setup';

/** i18n keys cannot hold a dot: A63.0 is `clinicalCatalogues.diagnoses.A63_0`. */
export function diagnosisLabel(t: TFunction, entry: { code: string; label?: string | undefined }): string {
  const key = `clinicalCatalogues.diagnoses.${entry.code.replace(/\./g, '_')}`;
  return entry.label ?? (isTextKey(key) ? t(key) : entry.code);
}

export function specialtyLabel(t: TFunction, entry: { code: string; label?: string | undefined }): string {
  const key = `clinicalCatalogues.specialties.${entry.code}`;
  return entry.label ?? (isTextKey(key) ? t(key) : entry.code);
}
