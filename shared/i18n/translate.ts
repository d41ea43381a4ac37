/**
 * `t` for the core (PDFs and any text the core writes for people): the same catalogues and
 * the same key rules as the renderer's i18next, without i18next or React. `{{name}}` is
 * replaced by `vars.name`; with a numeric `vars.count`, the plural form of the language is
 * chosen (`_zero` for 0 when the key has one, then `_one`, `_other`… as i18next does). A key
 * missing in a language falls back to French, then to the key itself.
 */
import type { Resources, TextKey } from './catalogues';
import { catalogueOf, DEFAULT_NAMESPACE, NAMESPACES } from './catalogues';
import type { Language } from './texts';

export type TextVars = Record<string, string | number>;

const catalogues: Record<Language, Resources> = { fr: catalogueOf('fr'), en: catalogueOf('en') };
const plurals = new Map<Language, Intl.PluralRules>();

function pluralRules(lang: Language): Intl.PluralRules {
  let rules = plurals.get(lang);
  if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
}

function lookup(lang: Language, key: string): string | undefined {
  const [first = '', ...rest] = key.split('.');
  const inNamespace = (NAMESPACES as readonly string[]).includes(first);
  const path = inNamespace ? rest : [first, ...rest];
  let node: unknown = catalogues[lang][(inNamespace ? first : DEFAULT_NAMESPACE) as keyof Resources];
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'string' ? node : undefined;
}

function resolve(lang: Language, key: string, count: number | undefined): string | undefined {
  if (count !== undefined) {
    const forms = [...(count === 0 ? ['zero'] : []), pluralRules(lang).select(count), 'other'];
    for (const form of forms) {
      const text = lookup(lang, `${key}_${form}`);
      if (text !== undefined) return text;
    }
  }
  return lookup(lang, key);
}

export function t(lang: Language, key: TextKey, vars: TextVars = {}): string {
  const count = typeof vars.count === 'number' ? vars.count : undefined;
  const text = resolve(lang, key, count) ?? resolve('fr', key, count) ?? key;
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Whether a key built at run time (from a code) has a text: then it is a `TextKey`. */
export function hasText(lang: Language, key: string): key is TextKey {
  return lookup(lang, key) !== undefined;
}
