/**
 * Texts of checking a person in (visits), in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  appointment: {
    label: 'Rendez-vous du jour',
    help: 'L’arrivée marque ce rendez-vous « Arrivé·e ».',
    option: '{{time}} · {{type}} · {{who}}',
    none: 'Sans rendez-vous',
  },
  checkInTitle: 'Enregistrer une arrivée',
  person: 'Personne',
  personPlaceholder: 'Nom, numéro de dossier ou téléphone',
  personNoResult: 'Aucune personne trouvée.',
  matchedOnLegalName: 'trouvé·e par le nom d’état civil',
  openVisit: 'déjà en passage',
  startStep: 'Première étape',
  priority: 'Priorité',
  submit: 'Enregistrer l’arrivée',
  checkedIn: 'Arrivée de {{name}} enregistrée.',
  personRequired: 'Choisissez une personne.',
};
