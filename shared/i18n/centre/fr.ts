/**
 * Texts of the centre settings screen (sites, opening hours), in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  title: 'Centre',
  intro: 'Paramètres communs à tous les postes du centre.',
  settingsTitle: 'Paramètres',
  unusualReadsHelp:
    'Au-delà de ce nombre de dossiers différents ouverts en une heure par une même personne, le journal d’audit le signale à la coordination (de {{min}} à {{max}}).',
  autoLockHelp: 'Après ce délai sans activité, la session se verrouille (de {{min}} à {{max}} minutes).',
  phoneCountryCode: 'Indicatif du pays',
  phoneCountryCodeHelp:
    'Comme il s’écrit depuis l’étranger (+33 en France, +212 au Maroc) : un numéro saisi avec l’indicatif est retrouvé sous sa forme nationale.',
  phoneTrunkPrefix: 'Préfixe national',
  phoneTrunkPrefixHelp: 'Le chiffre qui remplace l’indicatif dans le pays (0 en France et au Maroc).',
  sitesTitle: 'Sites',
  addSite: 'Ajouter un site',
  newSiteTitle: 'Nouveau site',
  editSiteTitle: 'Modifier le site {{code}}',
  siteActive: 'Site actif',
  siteAddressHint: 'Imprimée en tête des ordonnances et des certificats de vaccination, avec le téléphone.',
  siteInactive: 'Inactif',
  conflictTitle: 'Modifié entre-temps',
  openingHours: {
    title: 'Horaires d’ouverture',
    help: 'À l’heure du site. Un rendez-vous doit tenir dans une plage d’ouverture.',
    alwaysOpen: 'Toujours ouvert (aucun créneau fermé)',
    closedDay: 'Fermé',
    addInterval: 'Ajouter une plage',
    removeInterval: 'Retirer la plage {{from}}–{{to}} du {{day}}',
    from: 'Ouverture {{day}} {{number}}',
    to: 'Fermeture {{day}} {{number}}',
    intervalOrder: 'La fermeture doit suivre l’ouverture.',
    overlap: 'Cette plage chevauche la précédente.',
    timeFormat: 'Heure attendue au format HH:MM.',
    summaryAlways: 'Toujours ouvert',
    summaryDays: '{{count}} jour(s) d’ouverture',
    days: {
      '1': 'Lundi',
      '2': 'Mardi',
      '3': 'Mercredi',
      '4': 'Jeudi',
      '5': 'Vendredi',
      '6': 'Samedi',
      '7': 'Dimanche',
    },
  },
};
