/** Texts of the directory of partners, in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  title: 'Directory',
  intro: 'The partners to refer people to, and what the team knows about how they welcome people.',
  newEntry: 'New entry',
  category: 'Category',
  allCategories: 'All categories',
  includeInactive: 'Show archived entries',
  verifiedOn: 'checked on {{date}}',
  neverVerified: 'never checked',
  staleHint: 'Checked more than 12 months ago: review it',
  markVerified: 'Still true',
  markedVerified: 'Entry “{{name}}” marked as up to date.',
  internal: 'Centre service',
  inactive: 'Archived',
  languages: 'Languages: {{list}}',
  kinds: {
    organisation: 'Organisation',
    professional: 'Professional',
  },
  fields: {
    name: 'Name',
    kind: 'Kind of entry',
    category: 'Category',
    city: 'City',
    region: 'Region',
    phone: 'Phone',
    email: 'Email',
    address: 'Address',
    languages: 'Languages spoken',
    languagesHint: 'Enter after each language',
    friendliness: 'Safe and friendly for',
    notes: "The team's notes",
    internal: 'Service inside the centre (no consent to external referral needed)',
    active: 'Active entry',
  },
  createTitle: 'New entry',
  editTitle: 'Edit “{{name}}”',
  saved: 'Entry saved.',
  conflict:
    'This entry was changed on another workstation. The list is up to date: open it again to see the latest version.',
  actionsFor: 'Actions for {{name}}',
};
