/**
 * Texts of coordination meetings (list, new meeting, reading one), in French: the default
 * language and the fallback of every other one. `en.ts` beside it has exactly the same keys.
 */
export const fr = {
  nav: 'Réunions',
  title: 'Réunions de coordination',
  intro:
    'Les réunions de l’équipe sur vos sites : qui y était, les personnes discutées, les décisions et les actions décidées.',
  new: 'Nouvelle réunion',
  empty: 'Aucune réunion enregistrée.',
  previous: 'Précédentes',
  next: 'Suivantes',
  columns: {
    heldOn: 'Date',
    site: 'Site',
    participants: 'Participant·es',
    cases: 'Personnes discutées',
  },
  form: {
    title: 'Nouvelle réunion de coordination',
    heldOn: 'Date de la réunion',
    site: 'Site',
    participants: 'Participant·es de l’équipe',
    participantsHint: 'Membres de l’équipe qui suivent les plans d’accompagnement',
    external: 'Participant·es extérieur·es',
    generalNotes: 'Notes générales',
    cases: 'Personnes discutées',
    findPerson: 'Chercher une personne (nom ou n° de dossier)',
    search: 'Chercher',
    add: 'Ajouter {{name}}',
    noResult: 'Aucune personne trouvée.',
    decisions: 'Décisions',
    openActions: 'Actions en cours du plan',
    markDone: 'Faite : {{title}}',
    noOpenActions: 'Aucune action en cours.',
    noPlan: 'Pas de plan d’accompagnement lisible pour cette personne.',
    newActions: 'Nouvelles actions',
    addAction: 'Ajouter l’action',
    remove: 'Retirer {{name}}',
    removeAction: 'Retirer l’action {{title}}',
    save: 'Enregistrer la réunion',
    saved: 'Réunion enregistrée.',
  },
  panel: {
    title: 'Réunions',
    empty: 'Discutée dans aucune réunion de coordination.',
    line: '{{date}} · {{participants}}',
  },
  detail: {
    title: 'Réunion du {{date}}',
    external: 'Extérieur·es : {{names}}',
    decisions: 'Décisions',
    actions: 'Actions décidées',
    leftOut_one:
      '{{count}} personne discutée n’est pas affichée : elle ne partage plus son suivi avec l’équipe.',
    leftOut_other:
      '{{count}} personnes discutées ne sont pas affichées : elles ne partagent plus leur suivi avec l’équipe.',
    hidden: 'Vous ne pouvez pas lire cette réunion.',
  },
};
