/**
 * Social support (docs/violence-care.md, sections 3 and 4): what the social worker gave — a
 * voucher, a food basket, a shelter or addiction-centre referral, administrative help — when, by
 * whom and its value where it has one. Pure rules only: the core and the renderer share them.
 */
import type { DIRECTORY_CATEGORIES } from './catalogues';

export const SUPPORT_KINDS = [
  'voucher',
  'food_basket',
  'shelter_referral',
  'addiction_referral',
  'administrative_help',
  'other',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const SUPPORT_DESCRIPTION_MAX = 500;

/** An ISO 4217 code as stored: three capital letters (XOF, EUR, MAD…). */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** The directory category a referral kind needs; other kinds name no entry. */
export function entryCategoryOf(kind: SupportKind): (typeof DIRECTORY_CATEGORIES)[number] | null {
  if (kind === 'shelter_referral') return 'shelter';
  if (kind === 'addiction_referral') return 'addiction_centre';
  return null;
}

export type ValueRefusal = 'value_negative' | 'currency_required' | 'value_required';

/**
 * A value is an integer amount in minor units with its currency, or nothing: a negative amount
 * and an amount without currency are refused (on `valueMinor` / `currency`), and so is a currency
 * without an amount (on `valueMinor`).
 */
export function valueRefusal(
  valueMinor: number | null,
  currency: string | null,
): { field: 'valueMinor' | 'currency'; reason: ValueRefusal } | null {
  if (valueMinor !== null && valueMinor < 0) return { field: 'valueMinor', reason: 'value_negative' };
  if (valueMinor !== null && currency === null) return { field: 'currency', reason: 'currency_required' };
  if (valueMinor === null && currency !== null) return { field: 'valueMinor', reason: 'value_required' };
  return null;
}
