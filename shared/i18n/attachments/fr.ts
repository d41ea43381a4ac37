/**
 * Texts of the Documents panel (attachments of an incident, a case plan, a legal procedure), in
 * French: the default language and the fallback of every other one. `en.ts` has the same keys.
 */
export const fr = {
  title: 'Documents',
  none: 'Aucun document.',
  file: 'Fichier (PDF, JPEG ou PNG, 10 Mo au plus)',
  fileRequired: 'Choisissez un fichier.',
  kind: 'Type de document',
  kinds: {
    id_document: 'Pièce d’identité',
    certificate: 'Certificat',
    court_decision: 'Décision de justice',
    other: 'Autre',
  },
  description: 'Description (facultative)',
  attach: 'Joindre le document',
  sending: 'Envoi du document',
  attached: 'Document joint.',
  metadataRemoved:
    'Les métadonnées de la photo (lieu de prise de vue, date, appareil) ont été retirées avant l’enregistrement.',
  by: 'par {{name}}',
  open: 'Ouvrir',
  delete: 'Supprimer',
  deleted: 'Document supprimé.',
  confirmDelete: {
    title: 'Supprimer ce document ?',
    body: '« {{name}} » sera effacé définitivement de la base. Cette action ne peut pas être annulée.',
    confirm: 'Supprimer définitivement',
  },
  viewer: {
    close: 'Fermer le document',
    loading: 'Ouverture du document',
    pdfTitle: 'Document PDF : {{name}}',
    imageAlt: 'Image : {{name}}',
    pdfUnreadable: 'Ce PDF ne peut pas être affiché.',
    previousPage: 'Page précédente',
    nextPage: 'Page suivante',
    pageImage: 'Page {{page}} sur {{count}}',
    zoomIn: 'Agrandir',
    zoomOut: 'Réduire',
    inAppOnly: 'Affiché dans l’application uniquement : aucune copie n’est enregistrée sur ce poste.',
  },
};
