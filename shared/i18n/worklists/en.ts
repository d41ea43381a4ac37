/** Texts of "À faire" (the worklists screen), in English: exactly the keys of `fr.ts`. */
import type { fr } from './fr';
import type { Texts } from '../texts';

export const en: Texts<typeof fr> = {
  nav: 'To do',
  title: 'To do',
  intro: 'What waits for you to act on your sites, list by list.',
  noPanels: 'No worklist for your roles.',
  empty: 'Nothing to do in this list.',
  columns: {
    person: 'Person',
    fileNumber: 'File number',
    due: 'To do',
    site: 'Site',
  },
  previous: 'Previous',
  next: 'Next',
  sites: 'Sites',
  sitesOf: 'Sites of the list “{{list}}”',
  mySites: 'My sites',
  countOf_one: '{{count}} person',
  countOf_other: '{{count}} people',
  badge_one: '{{count}} thing to do',
  badge_other: '{{count}} things to do',
  prep: {
    dueOn: 'Follow-up due on {{date}}',
    lists: {
      due_this_week: 'PrEP: follow-up this week',
      overdue: 'PrEP: follow-up overdue',
      lost_to_follow_up: 'PrEP: lost to follow-up',
    },
  },
  vaccinations: {
    dose: '{{vaccine}}, dose {{dose}} on {{date}}',
    booster: '{{vaccine}}, booster on {{date}}',
    lists: {
      due: 'Vaccines: doses due this week',
      overdue: 'Vaccines: doses overdue',
    },
  },
  screenings: {
    lists: {
      results_to_give: 'Results to give',
      confirmations_pending: 'Confirmations pending',
    },
    lines: {
      results_to_give: '{{test}}: {{reading}}, on {{at}}',
      confirmations_pending: '{{test}}, ordered on {{at}}',
    },
    readings: {
      positive: 'positive',
      negative: 'negative',
      invalid: 'invalid',
    },
  },
  treatments: {
    lists: {
      to_treat: 'Positives to treat',
      partners_to_notify: 'Partners to notify',
      cure_tests_due: 'Tests of cure due',
      referrals_not_attended: 'Hospital referrals not attended',
    },
    lines: {
      to_treat: '{{infection}}, positive on {{date}}',
      partners_to_notify: 'Partner “{{pseudonym}}” ({{infection}}), since {{date}}',
      cure_tests_due: '{{infection}}, test of cure due on {{date}}',
      referrals_not_attended: '{{infection}}, referred on {{date}}, appointment on {{appointment}}',
    },
  },
  waitingLists: {
    title: 'Waiting lists',
    specialty: 'Specialty',
    since_one: 'Since {{date}} ({{count}} day)',
    since_other: 'Since {{date}} ({{count}} days)',
  },
};
