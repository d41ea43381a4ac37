/**
 * `t()` keys are checked by the compiler against the French catalogues (docs/i18n.md).
 * `defaultNS` lists `common` first, then every namespace, so a key is `app.save` (common) or
 * `<namespace>.<path>` (`persons.form.createTitle`), exactly as i18next resolves it at run time
 * with `nsSeparator` equal to `keySeparator`.
 */
import 'i18next';
import type { DefaultNamespaces, Resources } from '../../shared/i18n/catalogues';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: DefaultNamespaces;
    nsSeparator: '.';
    keySeparator: '.';
    // i18next's return type reads the first segment of a key as its namespace; for a key of
    // `common` (`app.save`) that segment is a top-level key of `common`, so `common`'s top-level
    // keys are listed as well. Only the type sees them: at run time they resolve in `common`.
    resources: Resources & Resources['common'];
  }
}
