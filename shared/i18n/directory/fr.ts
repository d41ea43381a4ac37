/**
 * Texts of the directory of partners, in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  title: 'Annuaire',
  intro: 'Les partenaires vers qui orienter, et ce que l’équipe sait de leur accueil.',
  newEntry: 'Nouvelle fiche',
  category: 'Catégorie',
  allCategories: 'Toutes les catégories',
  includeInactive: 'Afficher les fiches archivées',
  verifiedOn: 'vérifié le {{date}}',
  neverVerified: 'jamais vérifié',
  staleHint: 'Vérifiée il y a plus de 12 mois : à revoir',
  markVerified: 'Toujours à jour',
  markedVerified: 'Fiche « {{name}} » marquée à jour.',
  internal: 'Service du centre',
  inactive: 'Archivée',
  languages: 'Langues : {{list}}',
  kinds: {
    organisation: 'Structure',
    professional: 'Professionnel·le',
  },
  fields: {
    name: 'Nom',
    kind: 'Type de fiche',
    category: 'Catégorie',
    city: 'Ville',
    region: 'Région',
    phone: 'Téléphone',
    email: 'E-mail',
    address: 'Adresse',
    languages: 'Langues parlées',
    languagesHint: 'Entrée après chaque langue',
    friendliness: 'Accueil sûr et bienveillant pour',
    notes: 'Notes de l’équipe',
    internal: 'Service interne au centre (pas besoin d’accord pour une orientation externe)',
    active: 'Fiche active',
  },
  createTitle: 'Nouvelle fiche',
  editTitle: 'Modifier « {{name}} »',
  saved: 'Fiche enregistrée.',
  conflict:
    'Cette fiche a été modifiée sur un autre poste. La liste est à jour : rouvrez-la pour voir la dernière version.',
  actionsFor: 'Actions pour {{name}}',
};
