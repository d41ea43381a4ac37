/**
 * Texts of the set-up wizard, in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  title: 'Installation de Parcours',
  intro:
    'Quelques informations pour préparer ce centre. Elles pourront être modifiées ensuite dans les paramètres du centre.',
  steps: {
    centre: 'Centre',
    centreDescription: 'Nom et langue',
    sites: 'Sites',
    sitesDescription: 'Lieux d’accueil',
    admin: 'Coordination',
    adminDescription: 'Premier compte',
    recovery: 'Code de secours',
    recoveryDescription: 'À noter',
  },
  siteLegend: 'Site {{number}}',
  addSite: 'Ajouter un site',
  removeSite: 'Retirer le site {{number}}',
  sitesHelp: 'Au moins un site. Le code est court, en majuscules (par exemple MTP).',
  adminHelp:
    'Ce compte de coordination gère l’équipe, les paramètres et le journal d’audit. Le mot de passe doit compter au moins {{minimum}} caractères.',
  submit: 'Créer le centre',
  recoveryTitle: 'Code de secours',
  recoveryIntro:
    'Ce code permet de récupérer les données du centre si plus aucun compte de coordination ne peut se connecter. Il ne sera plus jamais affiché.',
  recoveryAdvice: 'Recopiez-le sur papier et rangez-le sous clé, à part de l’ordinateur.',
  recoveryCodeLabel: 'Code de secours du centre',
  recoveryConfirm: 'Je l’ai noté et rangé en lieu sûr',
  continue: 'Continuer',
};
