/**
 * Texts of referrals to partners, in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  title: 'Orientations',
  new: 'Orienter vers un partenaire',
  dialogTitle: 'Nouvelle orientation',
  entry: 'Partenaire',
  entryPlaceholder: 'Rechercher dans l’annuaire',
  external: 'hors du centre',
  reason: 'Motif de l’orientation',
  status: 'Statut',
  appointmentAt: 'Date du rendez-vous',
  feedback: 'Retour',
  overrideReason: 'Motif (la personne n’a pas donné son accord pour une orientation externe)',
  overrideHelp:
    'Au moins 10 caractères. Ce motif est conservé avec l’orientation et dans le journal d’audit.',
  consentMissing:
    'La personne n’a pas donné son accord pour une orientation hors du centre. Indiquez pourquoi l’orienter malgré tout, ou annulez.',
  submit: 'Enregistrer l’orientation',
  created: 'Orientation enregistrée.',
  update: 'Mettre à jour',
  updateTitle: 'Orientation vers {{name}}',
  updated: 'Orientation mise à jour.',
  empty: 'Aucune orientation.',
  referredOn: 'le {{date}}',
  by: 'par {{name}}',
  appointmentOn: 'rendez-vous le {{date}}',
  withoutConsent: 'Sans accord de la personne : {{reason}}',
  entryRequired: 'Choisissez un partenaire.',
  conflict:
    'Cette orientation a été modifiée sur un autre poste. La liste est à jour : rouvrez-la pour voir la dernière version.',
};
