/**
 * Search text normalisation: accents, case, spaces and punctuation do not matter ("Amélie",
 * "AMELIE", "a m é l i e" are the same), so a name typed in a hurry at reception still finds
 * the person.
 */
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
