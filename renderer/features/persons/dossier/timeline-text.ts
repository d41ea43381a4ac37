import i18n, { isTextKey } from '../../../i18n/setup';

/** A catalogue text for a key the core sent, or the value as it came when it is unknown. */
export function known(key: string, fallback: string | null): string {
  return isTextKey(key) ? i18n.t(key) : (fallback ?? '');
}
