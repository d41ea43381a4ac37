/**
 * Texts of the person search, in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  title: 'Rechercher une personne',
  inputLabel: 'Nom, n° de dossier ou téléphone',
  placeholder: 'Nom utilisé, nom d’état civil, n° de dossier, téléphone…',
  pageHint: 'Les accents et les majuscules ne comptent pas ; un morceau du nom suffit.',
  resultsLabel: 'Résultats',
  typeToSearch: 'Tapez un nom, un numéro de dossier ou un téléphone.',
  noMatch: 'Aucune personne ne correspond à « {{query}} ».',
  createNamed: 'Nouvelle personne « {{name}} »',
  createAndCheckIn: 'Créer et enregistrer l’arrivée de « {{name}} »',
  limitReached: 'Les {{count}} premiers résultats : précisez la recherche.',
  bornIn: 'né·e en {{year}}',
  birthUnknown: 'année de naissance inconnue',
  openVisit: 'en cours de passage',
  matchedLegalName: 'correspond au nom d’état civil',
  matchedPhone: 'correspond au téléphone',
  checkInAction: 'Enregistrer l’arrivée',
  checkInFor: 'Enregistrer l’arrivée de {{name}}',
  hintChoose: 'choisir',
  hintOpen: 'ouvrir le dossier',
  hintCheckIn: 'enregistrer l’arrivée',
  keyEnter: 'Entrée',
  checkIn: {
    priority: 'Priorité',
    site: 'Site',
    noSite: 'Choisissez le site d’arrivée.',
    step: 'Attend',
    confirm: 'Confirmer l’arrivée',
    enterHint: 'Entrée pour confirmer',
    done: 'Arrivée de {{name}} enregistrée : {{step}}.',
  },
};
