/** Texts of sign-in, password change and the lock screen, in English. Typed from `fr.ts`: a missing or extra key does not compile. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  strength: {
    label: 'Strength: {{level}}',
    levels: {
      veryWeak: 'very weak',
      weak: 'weak',
      fair: 'fair',
      good: 'good',
      veryGood: 'very good',
    },
    tooWeak: 'too easy to guess: add unrelated words, digits or signs.',
  },
  login: {
    title: 'Sign in',
    subtitle: 'Identify yourself to reach the care pathways.',
    submit: 'Sign in',
  },
  changePassword: {
    title: 'Choose a new password',
    intro:
      'Your current password is temporary. Choose a personal password of at least {{minimum}} characters that only you know.',
    submit: 'Change the password',
    wrongCurrent: 'The current password is wrong.',
  },
  lock: {
    title: 'Session locked',
    lockedBy: 'Session of {{name}} ({{username}})',
    intro: 'Enter your password to resume your session.',
    unlock: 'Unlock',
    switchUser: 'Switch user',
    autoLocked: 'The session was locked after a period of inactivity.',
    workKept: 'An unsaved form is kept as it is: unlock to find it again.',
  },
};
