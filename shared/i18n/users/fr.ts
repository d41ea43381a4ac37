/**
 * Texts of the team screen (accounts, roles, sites), in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  title: 'Équipe',
  intro: 'Comptes des membres de l’équipe, leurs rôles et leurs sites.',
  newMember: 'Nouveau membre',
  columns: {
    name: 'Nom',
    username: 'Identifiant',
    roles: 'Rôles',
    sites: 'Sites',
    lastLogin: 'Dernière connexion',
    status: 'Statut',
  },
  status: {
    active: 'Actif',
    inactive: 'Désactivé',
    mustChange: 'Mot de passe provisoire',
  },
  never: 'Jamais',
  createTitle: 'Nouveau membre de l’équipe',
  createSubmit: 'Créer le compte',
  professionalNumberHelp:
    'Numéro RPPS ou ADELI imprimé sur les ordonnances (prescripteurs) : lettres et chiffres.',
  professionalNumberShort: 'RPPS / ADELI {{number}}',
  usualSiteHelp:
    'Le site où ses sessions commencent sur un poste qui n’en a pas encore retenu (sinon le premier de ses sites).',
  editTitle: 'Modifier {{name}}',
  resetPassword: 'Réinitialiser le mot de passe',
  resetTitle: 'Réinitialiser le mot de passe de {{name}} ?',
  resetBody:
    'Son mot de passe actuel ne fonctionnera plus. Un mot de passe provisoire sera affiché une seule fois, à lui remettre en main propre.',
  resetConfirm: 'Réinitialiser',
  deactivate: 'Désactiver',
  deactivateTitle: 'Désactiver le compte de {{name}} ?',
  deactivateBody:
    'Cette personne ne pourra plus se connecter. Son historique et le journal d’audit sont conservés.',
  deactivateConfirm: 'Désactiver le compte',
  deactivated: 'Le compte de {{name}} est désactivé.',
  temporaryTitle: 'Mot de passe provisoire',
  temporaryIntro:
    'Remettez ce mot de passe à {{name}} ({{username}}). Il ne sera plus affiché : il devra être changé à la première connexion.',
  temporaryPassword: 'Mot de passe provisoire',
  temporaryDone: 'C’est remis',
  conflictTitle: 'Modifié entre-temps',
  actionsFor: 'Actions pour {{name}}',
};
