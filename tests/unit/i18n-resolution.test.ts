/**
 * Keys keep their feature as first segment (`persons.form.createTitle`) while the texts live in
 * one namespace per feature: i18next, set up as the renderer sets it up, and the core's `t`
 * (the PDFs) must find the same text for every key of every namespace, in both languages.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TextKey } from '../../shared/i18n/catalogues';
import {
  catalogueOf,
  DEFAULT_NAMESPACE,
  i18nextNamespaceOptions,
  NAMESPACES,
} from '../../shared/i18n/catalogues';
import { t } from '../../shared/i18n/translate';

type Tree = { readonly [key: string]: unknown };

function leaves(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[name, value] as [string, string]] : leaves(value as Tree, name);
  });
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

async function instance(lng: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    ...i18nextNamespaceOptions(),
    lng,
    fallbackLng: 'fr',
    initAsync: false,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
  });
  return i18n;
}

describe.each(['fr', 'en'] as const)('key resolution in %s', (lng) => {
  const catalogue = catalogueOf(lng) as unknown as Record<string, Tree>;
  const all = NAMESPACES.flatMap((ns) => leaves(catalogue[ns] ?? {}, ns === DEFAULT_NAMESPACE ? '' : ns));

  it('i18next and the core find the text of every key, as written in code', async () => {
    const i18n = await instance(lng);
    expect(all.length).toBeGreaterThan(500);
    const wrong: string[] = [];
    for (const [key, text] of all) {
      if (PLURAL.test(key) || text.includes('{{')) continue;
      if (i18n.t(key) !== text) wrong.push(`i18next ${key}: ${String(i18n.t(key))}`);
      if (t(lng, key as TextKey) !== text) wrong.push(`core ${key}: ${t(lng, key as TextKey)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('both interpolate and choose plural forms the same way', async () => {
    const i18n = await instance(lng);
    const bases = new Set(all.filter(([key]) => PLURAL.test(key)).map(([key]) => key.replace(PLURAL, '')));
    expect(bases.size).toBeGreaterThan(3);
    const vars = { name: 'Alex', file: 'MTP-0001', step: 'X', minutes: 5, hours: 2, query: 'q', scope: 's' };
    for (const base of bases)
      for (const count of [0, 1, 2, 7])
        expect(t(lng, base as TextKey, { ...vars, count }), `${base} (${count})`).toBe(
          i18n.t(base, { ...vars, count }),
        );
    for (const [key] of all.filter(([k, v]) => !PLURAL.test(k) && v.includes('{{')))
      expect(t(lng, key as TextKey, vars), key).toBe(i18n.t(key, vars));
  });

  it('a key of a feature is found only with its namespace prefix; a common key only without', async () => {
    const i18n = await instance(lng);
    expect(i18n.exists('persons.form.createTitle')).toBe(true);
    expect(i18n.exists('form.createTitle')).toBe(false);
    expect(i18n.exists('app.save')).toBe(true);
    expect(i18n.t('persons.form.createTitle')).toBe(t(lng, 'persons.form.createTitle'));
  });
});

describe('core t', () => {
  it('falls back to French, then to the key, and leaves unknown variables as written', () => {
    expect(t('en', 'app.save')).toBe('Save');
    expect(t('fr', 'app.save')).toBe('Enregistrer');
    expect(t('fr', 'nope.nothing' as TextKey)).toBe('nope.nothing');
    expect(t('en', 'errors.throttledSeconds', { count: 1 })).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    expect(t('fr', 'dossier.merge.done', {})).toContain('{{file}}');
  });
});
