/** Texts of the reception board, in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  title: 'Reception board',
  intro: 'Who is waiting for whom on this site, kept up to date on every workstation.',
  site: 'Site',
  noSite: 'No site is assigned to you: the board cannot be shown.',
  columns: {
    interview: 'Interview',
    doctor: 'Doctor',
    nurse: 'Nurse',
    specialist: 'Specialist',
  },
  nobody: 'Nobody',
  emptyBoard: 'No open visit on this site.',
  waitingMinutes: 'for {{minutes}} min',
  waitingHours: 'for {{hours}} h {{minutes}} min',
  withUser: 'with {{name}}',
  requeued_one: 'put back in the queue {{count}} time',
  requeued_other: 'put back in the queue {{count}} times',
  call: 'Call in',
  absent: 'Not there — back in the queue',
  nextStep: 'Next step…',
  priority: 'Priority…',
  openDossier: 'File',
  nextSteps: 'Needs',
  needs: {
    screening: 'Screening',
    prep: 'PrEP',
    vaccine: 'Vaccine',
    specialist: 'Specialist',
    social: 'Social',
    pep: 'PEP',
  },
  actionsFor: 'Actions for {{name}}',
  cardLabel: '{{name}}, {{step}}',
  shortcuts:
    'N record an arrival. On a card: A call in · R back in the queue · S next step · P priority · D file · ↑ ↓ previous or next card.',
  called: '{{name}} is called in.',
  requeuedDone: '{{name}} is back in the queue, in their place.',
  moved: '{{name}}: {{step}}.',
  priorityChanged: 'Priority of {{name}}: {{priority}}.',
  conflict:
    'This visit was just changed on another workstation. The board is up to date: check it, then try again if needed.',
  updatedAt: 'Updated at {{time}}',
  checkIn: 'Record an arrival',
};
