/** Texts of checking a person in (visits), in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  appointment: {
    label: 'Today’s appointment',
    help: 'The arrival marks this appointment “Arrived”.',
    option: '{{time}} · {{type}} · {{who}}',
    none: 'No appointment',
  },
  checkInTitle: 'Record an arrival',
  person: 'Person',
  personPlaceholder: 'Name, file number or phone',
  personNoResult: 'Nobody found.',
  matchedOnLegalName: 'found by legal name',
  openVisit: 'already visiting',
  startStep: 'First step',
  priority: 'Priority',
  submit: 'Record the arrival',
  checkedIn: 'Arrival of {{name}} recorded.',
  personRequired: 'Choose a person.',
};
