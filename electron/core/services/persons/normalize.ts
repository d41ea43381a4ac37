/**
 * Search text normalisation: accents, case, spaces and punctuation do not matter ("Amélie",
 * "AMELIE", "a m é l i e" are the same), so a name typed in a hurry at reception still finds
 * the person.
 */
import { DEFAULT_PHONE_PREFIX as CENTRE_DEFAULT_PHONE_PREFIX } from '../../../../shared/contract/centre';
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '');
}

/** Similarity of two names in [0, 1] by shared trigrams (Dice coefficient). */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeText(a);
  const y = normalizeText(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const grams = (s: string) => {
    const padded = `  ${s} `;
    const set = new Map<string, number>();
    for (let i = 0; i < padded.length - 2; i++) {
      const g = padded.slice(i, i + 3);
      set.set(g, (set.get(g) ?? 0) + 1);
    }
    return set;
  };
  const gx = grams(x);
  const gy = grams(y);
  let shared = 0;
  let total = 0;
  for (const [g, n] of gx) {
    shared += Math.min(n, gy.get(g) ?? 0);
    total += n;
  }
  for (const n of gy.values()) total += n;
  return (2 * shared) / total;
}

/** How the centre's country writes its numbers: "+33" abroad, "0" at home (France); "+212"/"0" (Morocco). */
export interface PhonePrefix {
  countryCode: string;
  trunkPrefix: string;
}

export const DEFAULT_PHONE_PREFIX: PhonePrefix = CENTRE_DEFAULT_PHONE_PREFIX;

/**
 * The digits of a phone number in the centre's national form, for the index and for queries
 * alike: "+33 6 10 20 30 40", "0033 6 10 20 30 40" and "+33 (0)6 10 20 30 40" all become
 * "0610203040", as "06 10 20 30 40" does. A number of another country keeps its international
 * digits (without "+" or "00"); a fragment is normalised the same way, so "+336102" finds
 * "06 10 20…".
 */
export function phoneDigits(value: string, prefix: PhonePrefix): string {
  const text = value.replace(/\(\s*0\s*\)/g, '');
  const digits = digitsOnly(text);
  let international: string | null = null;
  if (/^[^\d+]*\+/.test(text)) international = digits;
  // "00" dials abroad only when a country code follows, and none starts with 0: "00 00 42", the
  // middle of a number read aloud, stays digits.
  else if (/^00[1-9]/.test(digits)) international = digits.slice(2);
  if (international === null) return digits;
  const country = digitsOnly(prefix.countryCode);
  if (country && international.startsWith(country))
    return prefix.trunkPrefix + international.slice(country.length);
  return international;
}
