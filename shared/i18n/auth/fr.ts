/**
 * Texts of sign-in, password change and the lock screen, in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  strength: {
    label: 'Solidité : {{level}}',
    levels: {
      veryWeak: 'très faible',
      weak: 'faible',
      fair: 'moyenne',
      good: 'bonne',
      veryGood: 'très bonne',
    },
    tooWeak: 'trop facile à deviner : ajoutez des mots sans lien, des chiffres ou des signes.',
  },
  login: {
    title: 'Connexion',
    subtitle: 'Identifiez-vous pour accéder aux parcours.',
    submit: 'Se connecter',
  },
  changePassword: {
    title: 'Choisissez un nouveau mot de passe',
    intro:
      'Le mot de passe actuel est provisoire. Choisissez un mot de passe personnel d’au moins {{minimum}} caractères que vous seul·e connaissez.',
    submit: 'Changer le mot de passe',
    wrongCurrent: 'Le mot de passe actuel est incorrect.',
  },
  lock: {
    title: 'Session verrouillée',
    lockedBy: 'Session de {{name}} ({{username}})',
    intro: 'Saisissez votre mot de passe pour reprendre votre session.',
    unlock: 'Déverrouiller',
    switchUser: "Changer d'utilisateur",
    autoLocked: 'La session a été verrouillée après une période d’inactivité.',
    workKept: 'Un formulaire non enregistré est conservé tel quel : déverrouillez pour le retrouver.',
  },
};
