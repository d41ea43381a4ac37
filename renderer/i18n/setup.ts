/**
 * i18next with the shared catalogues, one namespace per feature (docs/i18n.md). French is the
 * default and the fallback: a key missing in English shows French rather than a raw key. The
 * language lives in memory only.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { TextKey } from '../../shared/i18n/catalogues';
import { i18nextNamespaceOptions } from '../../shared/i18n/catalogues';

export type { TextKey };

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

void i18n.use(initReactI18next).init({
  // One namespace per feature (shared/i18n/namespaces.ts). The namespace separator is the key
  // separator: `persons.form.createTitle` resolves in the `persons` namespace because `persons`
  // is declared in `ns`; a key whose first segment is no namespace (`app.save`) is in `common`.
  ...i18nextNamespaceOptions(),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // The catalogues are bundled: initialise synchronously so the first render is translated.
  initAsync: false,
  // React escapes what it renders; escaping here too would show entities.
  interpolation: { escapeValue: false },
});

function syncDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
}
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export function setLanguage(lng: Language): void {
  if (lng !== i18n.language) void i18n.changeLanguage(lng);
}

/**
 * A key built at run time from a value the compiler cannot follow (a code the core sent, a
 * catalogue value typed as `string`): a `TextKey` only if the catalogue has it.
 */
export function isTextKey(key: string): key is TextKey {
  return i18n.exists(key);
}

/** The text of a key built at run time, or `fallback` when the catalogue has no such key. */
export function textOr(key: string, fallback: string): string {
  return isTextKey(key) ? i18n.t(key) : fallback;
}

/**
 * The key of a catalogue value (`catalogue.<name>.<value>`) where the compiler only sees
 * `string`s. Every value of the domain's catalogues has a text in both languages
 * (tests/unit/i18n-catalogues.test.ts), which is what makes this cast safe.
 */
export function catalogueKey(name: string, value: string): TextKey {
  return `catalogue.${name}.${value}` as TextKey;
}

export default i18n;
