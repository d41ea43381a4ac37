/**
 * Amounts typed in a currency's major unit ("12,50 EUR", "15000 XOF") to and from integer minor
 * units, with the currency's ISO 4217 exponent as the platform's Intl knows it (EUR 2, XOF 0).
 */

/** Digits of the currency's minor unit; 2 when Intl does not know the code. */
export function currencyExponent(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** "12,50" or "12.5" in EUR → 1250; null when the text is not an amount with at most the currency's decimals. */
export function toMinorUnits(typed: string, currency: string): number | null {
  const match = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(typed.trim());
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const decimals = match[3] ?? '';
  if (decimals.length > exponent) return null;
  const minor = Number(match[2]) * 10 ** exponent + Number(decimals.padEnd(exponent, '0') || '0');
  return match[1] === '-' ? -minor : minor;
}

/** 1250 EUR → "12.50" (the form's text for a stored value). */
export function fromMinorUnits(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** exponent;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exponent, '0')}`;
}
