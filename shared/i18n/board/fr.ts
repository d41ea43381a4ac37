/**
 * Texts of the reception board, in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  title: 'Tableau d’accueil',
  intro: 'Qui attend qui sur ce site, mis à jour en continu sur tous les postes.',
  site: 'Site',
  noSite: 'Aucun site ne vous est attribué : le tableau ne peut pas être affiché.',
  columns: {
    interview: 'Entretien',
    doctor: 'Médecin',
    nurse: 'Infirmier·e',
    specialist: 'Spécialiste',
  },
  nobody: 'Personne',
  emptyBoard: 'Aucun passage en cours sur ce site.',
  waitingMinutes: 'depuis {{minutes}} min',
  waitingHours: 'depuis {{hours}} h {{minutes}} min',
  withUser: 'avec {{name}}',
  requeued_one: 'remis·e dans la file {{count}} fois',
  requeued_other: 'remis·e dans la file {{count}} fois',
  call: 'Appeler',
  absent: 'Absent·e — remettre dans la file',
  nextStep: 'Étape suivante…',
  priority: 'Priorité…',
  openDossier: 'Dossier',
  nextSteps: 'Besoins',
  needs: {
    screening: 'Dépistage',
    prep: 'PrEP',
    vaccine: 'Vaccin',
    specialist: 'Spécialiste',
    social: 'Social',
    pep: 'PEP',
  },
  actionsFor: 'Actions pour {{name}}',
  cardLabel: '{{name}}, {{step}}',
  shortcuts:
    'N enregistrer une arrivée. Sur une carte : A appeler · R remettre dans la file · S étape suivante · P priorité · D dossier · ↑ ↓ carte précédente ou suivante.',
  called: '{{name}} est appelé·e.',
  requeuedDone: '{{name}} est remis·e dans la file, à sa place.',
  moved: '{{name}} : {{step}}.',
  priorityChanged: 'Priorité de {{name}} : {{priority}}.',
  conflict:
    'Ce passage vient d’être modifié sur un autre poste. Le tableau est à jour : vérifiez, puis recommencez si besoin.',
  updatedAt: 'Mis à jour à {{time}}',
  checkIn: 'Enregistrer une arrivée',
};
