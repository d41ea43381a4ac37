/**
 * The shape every language of a namespace must have: the French object's keys, every leaf a
 * string. `en.ts` is typed with it, so a key missing in English, or one English has and French
 * does not, is a compile error.
 */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** The languages of the interface and of the documents. French is the default and the fallback. */
export type Language = 'fr' | 'en';
