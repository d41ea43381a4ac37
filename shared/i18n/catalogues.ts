/**
 * The catalogues as i18next and the core's `t` read them: per language, one object per
 * namespace. Built from the registry (`namespaces.ts`); nothing here lists a namespace by hand.
 *
 * Keys keep their feature as first segment (`persons.form.createTitle`): the namespace
 * separator is the key separator, so i18next resolves a key whose first segment is a declared
 * namespace into that namespace, and any other key into `common`.
 */
import * as registry from './namespaces';
import type { Language } from './texts';

export type Namespace = keyof typeof registry;
export const DEFAULT_NAMESPACE = 'common' satisfies Namespace;

/** Every namespace, `common` first (i18next's default namespace). */
export const NAMESPACES: readonly Namespace[] = [
  DEFAULT_NAMESPACE,
  ...(Object.keys(registry) as Namespace[]).filter((ns) => ns !== DEFAULT_NAMESPACE).sort(),
];

/** The French texts of every namespace: the type the compiler checks keys against. */
export type Resources = { [N in Namespace]: (typeof registry)[N]['fr'] };

/** The texts of one language, namespace by namespace (i18next's `resources[lng]`). */
export function catalogueOf(lang: Language): Resources {
  return Object.fromEntries(NAMESPACES.map((ns) => [ns, registry[ns][lang]])) as Resources;
}

/**
 * How i18next must be set up for keys to resolve as written (renderer/i18n/setup.ts spreads it;
 * tests/unit/i18n-resolution.test.ts checks i18next and the core's `t` agree on every key).
 */
export function i18nextNamespaceOptions() {
  return {
    resources: { fr: catalogueOf('fr'), en: catalogueOf('en') },
    ns: [...NAMESPACES],
    defaultNS: DEFAULT_NAMESPACE,
    nsSeparator: '.',
    keySeparator: '.',
  };
}

/** i18next's `defaultNS` type: `common` first, then every other namespace as a key prefix. */
export type DefaultNamespaces = readonly [typeof DEFAULT_NAMESPACE, ...Exclude<Namespace, 'common'>[]];

/** Plural suffixes i18next adds (`_one`, `_other`…): a key is written without them. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? WithoutPlural<K> : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** Every text key as written in code: `app.save` (common), `persons.form.createTitle`. */
export type TextKey = {
  [N in Namespace]: N extends typeof DEFAULT_NAMESPACE
    ? Leaves<Resources[N]>
    : `${N}.${Leaves<Resources[N]>}`;
}[Namespace];

/**
 * Where the text of an error reason (`details.reason` of a `validation` error) is looked up, in
 * order: domain reasons under `validation.reason.*`, formats the contract names under
 * `validation.*`. The renderer and the reasons-have-texts test both use this.
 */
export function reasonTextKeys(reason: string): string[] {
  return [`validation.reason.${reason}`, `validation.${reason}`];
}
