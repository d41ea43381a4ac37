/** Texts of the Documents panel, in English: exactly the keys of `fr.ts`. */
import type { Texts } from '../texts';
import type { fr } from './fr';

export const en: Texts<typeof fr> = {
  title: 'Documents',
  none: 'No documents.',
  file: 'File (PDF, JPEG or PNG, 10 MB at most)',
  fileRequired: 'Choose a file.',
  kind: 'Kind of document',
  kinds: {
    id_document: 'Identity document',
    certificate: 'Certificate',
    court_decision: 'Court decision',
    other: 'Other',
  },
  description: 'Description (optional)',
  attach: 'Attach the document',
  sending: 'Sending the document',
  attached: 'Document attached.',
  metadataRemoved:
    'The photo’s metadata (where it was taken, date, device) were removed before it was stored.',
  by: 'by {{name}}',
  open: 'Open',
  delete: 'Delete',
  deleted: 'Document deleted.',
  confirmDelete: {
    title: 'Delete this document?',
    body: '“{{name}}” will be erased from the database for good. This cannot be undone.',
    confirm: 'Delete for good',
  },
  viewer: {
    close: 'Close the document',
    loading: 'Opening the document',
    pdfTitle: 'PDF document: {{name}}',
    imageAlt: 'Image: {{name}}',
    pdfUnreadable: 'This PDF cannot be shown.',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageImage: 'Page {{page}} of {{count}}',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    inAppOnly: 'Shown in the app only: no copy is saved on this computer.',
  },
};
