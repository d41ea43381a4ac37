/** Texts of social support (what was given to a person), in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  tab: {
    title: 'Social',
    none: 'No support given.',
    add: 'New support',
    edit: 'Correct',
    givenOn: 'On {{date}}',
    givenBy: 'by {{name}}',
    quantity: 'Quantity: {{count}}',
    entry: 'Referred to: {{name}}',
  },
  kinds: {
    voucher: 'Voucher',
    food_basket: 'Food basket',
    shelter_referral: 'Emergency shelter referral',
    addiction_referral: 'Addiction centre referral',
    administrative_help: 'Administrative help',
    other: 'Other',
  },
  form: {
    title: 'Social support',
    kind: 'Kind',
    givenOn: 'Given on',
    amount: 'Value',
    amountHint: 'Amount in the currency, no spaces (e.g. 15000 or 12.50)',
    amountInvalid: 'Type an amount (digits, a comma or a point for decimals).',
    currency: 'Currency (ISO code)',
    quantity: 'Quantity',
    entry: 'Place (directory)',
    overrideReason: 'Reason (the person has not agreed to an external referral)',
    description: 'What was given',
    save: 'Save',
    saved: 'Support saved.',
  },
};
