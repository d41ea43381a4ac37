/**
 * Texts of sexual health interviews, in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  new: 'Nouvel entretien',
  start: 'Commencer l’entretien',
  resume: 'Reprendre l’entretien',
  newTitle: 'Entretien en santé sexuelle',
  editTitle: 'Modifier l’entretien',
  subtitle: '{{name}} · {{file}}',
  forVisit: 'passage de {{time}}',
  save: 'Enregistrer l’entretien',
  saved: 'Entretien enregistré.',
  conflictTitle: 'Modifié entre-temps',
  notVisible:
    'Cet entretien n’est pas accessible : il a peut-être été déplacé, ou il est masqué faute de consentement.',
  none: 'Aucun entretien.',
  by: 'par {{name}}',
  cardLabel: 'Entretien du {{at}}',
  noSummary: 'Pas de synthèse rédigée.',
  showDetails: 'Voir le détail',
  hideDetails: 'Masquer le détail',
  pepBadge: 'TPE : exposition {{hours}} h avant',
  pep: {
    title: 'Alerte TPE',
    live: 'Exposition il y a {{since}} h : traitement post-exposition à proposer en urgence, il reste {{left}} h.',
    saved:
      'Exposition {{since}} h avant l’entretien : traitement post-exposition à proposer en urgence, il reste {{left}} h. Le passage est passé en priorité.',
  },
  sections: {
    interview: 'Entretien',
    risk: 'Dernière prise de risque',
    practices: 'Pratiques et prévention',
    violence: 'Violences',
    needs: 'Besoins',
  },
  fields: {
    heldAt: 'Date et heure de l’entretien',
    reason: 'Motif de la venue',
    lastRiskAt: 'Date et heure de la dernière prise de risque',
    lastRiskHelp: 'Moins de 72 h avant l’entretien : traitement post-exposition.',
    hoursAgo: 'ou il y a … heures',
    hoursAgoHelp: 'Calcule la date à partir de l’heure de l’entretien.',
    hoursAgoNegative: 'Un nombre d’heures écoulées, 0 ou plus : le risque ne peut pas suivre l’entretien.',
    exposures: 'Expositions',
    practices: 'Pratiques',
    partnersCount: 'Nombre de partenaires',
    partnersHelp: 'Sur les trois derniers mois.',
    prevention: 'Prévention utilisée',
    substances: 'Produits consommés',
    chemsex: 'Chemsex',
    violenceScreening: 'Repérage des violences',
    needs: 'Besoins exprimés (deviennent les prochaines étapes du passage)',
    summary: 'Synthèse pour le médecin',
    summaryHelp: 'Ce que le médecin lira en premier, avant la consultation.',
    notes: 'Notes',
  },
};
