/** Texts of the centre settings screen (sites, opening hours), in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  title: 'Centre',
  intro: "Settings shared by all the centre's computers.",
  settingsTitle: 'Settings',
  unusualReadsHelp:
    'Beyond this number of different dossiers opened in one hour by one person, the audit log points it out to the coordination ({{min}} to {{max}}).',
  autoLockHelp:
    'After this long without activity, the session locks itself (from {{min}} to {{max}} minutes).',
  phoneCountryCode: 'Country calling code',
  phoneCountryCodeHelp:
    'As dialled from abroad (+33 in France, +212 in Morocco): a number typed with the code is found in its national form.',
  phoneTrunkPrefix: 'National prefix',
  phoneTrunkPrefixHelp: 'The digit that replaces the calling code at home (0 in France and Morocco).',
  sitesTitle: 'Sites',
  addSite: 'Add a site',
  newSiteTitle: 'New site',
  editSiteTitle: 'Edit site {{code}}',
  siteActive: 'Active site',
  siteAddressHint: 'Printed at the top of prescriptions and vaccination certificates, with the phone.',
  siteInactive: 'Inactive',
  conflictTitle: 'Changed in the meantime',
  openingHours: {
    title: 'Opening hours',
    help: "In the site's time. An appointment must fit within one opening interval.",
    alwaysOpen: 'Always open (no closed slot)',
    closedDay: 'Closed',
    addInterval: 'Add an interval',
    removeInterval: 'Remove the interval {{from}}–{{to}} on {{day}}',
    from: 'Opens {{day}} {{number}}',
    to: 'Closes {{day}} {{number}}',
    intervalOrder: 'Closing must come after opening.',
    overlap: 'This interval overlaps the previous one.',
    timeFormat: 'Time expected as HH:MM.',
    summaryAlways: 'Always open',
    summaryDays: '{{count}} opening day(s)',
    days: {
      '1': 'Monday',
      '2': 'Tuesday',
      '3': 'Wednesday',
      '4': 'Thursday',
      '5': 'Friday',
      '6': 'Saturday',
      '7': 'Sunday',
    },
  },
};
