/** Texts of the person search, in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  title: 'Find a person',
  inputLabel: 'Name, file number or phone',
  placeholder: 'Name used, legal name, file number, phone…',
  pageHint: 'Accents and capitals do not matter; part of the name is enough.',
  resultsLabel: 'Results',
  typeToSearch: 'Type a name, a file number or a phone number.',
  noMatch: 'Nobody matches “{{query}}”.',
  createNamed: 'New person “{{name}}”',
  createAndCheckIn: 'Create and check in “{{name}}”',
  limitReached: 'The first {{count}} results: narrow the search.',
  bornIn: 'born in {{year}}',
  birthUnknown: 'year of birth unknown',
  openVisit: 'visit in progress',
  matchedLegalName: 'matches the legal name',
  matchedPhone: 'matches the phone',
  checkInAction: 'Check in',
  checkInFor: 'Check {{name}} in',
  hintChoose: 'choose',
  hintOpen: 'open the file',
  hintCheckIn: 'check in',
  keyEnter: 'Enter',
  checkIn: {
    priority: 'Priority',
    site: 'Site',
    noSite: 'Choose the site of arrival.',
    step: 'Waiting for',
    confirm: 'Confirm arrival',
    enterHint: 'Enter to confirm',
    done: '{{name}} checked in: {{step}}.',
  },
};
