/**
 * Texts of consents (screens and the consent form PDF), in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  intro:
    'Le consentement régit le partage entre professionnel·les, pas le recueil. Il peut être retiré à tout moment ; chaque changement est conservé.',
  currentTitle: 'Consentements actuels',
  historyTitle: 'Historique',
  noHistory: 'Aucun consentement recueilli pour l’instant.',
  printForm: 'Imprimer le formulaire',
  give: 'Donner',
  withdraw: 'Retirer',
  giveFor: 'Donner le consentement : {{scope}}',
  withdrawFor: 'Retirer le consentement : {{scope}}',
  giveTitle: 'Consentement donné : {{scope}}',
  withdrawTitle: 'Consentement retiré : {{scope}}',
  giveConfirm: 'Enregistrer le consentement',
  withdrawConfirm: 'Enregistrer le retrait',
  recordedGiven: 'Consentement enregistré : {{scope}}.',
  recordedWithdrawn: 'Retrait enregistré : {{scope}}.',
  note: 'Note',
  noteHelp: 'Facultatif : dans quelles conditions la personne l’a exprimé.',
  missing: {
    title: 'Consentement à demander',
    scopes:
      'Pas encore de réponse pour : {{scopes}}. Sans accord pour l’équipe soignante, le médecin ne voit pas l’entretien.',
    record: 'Recueillir le consentement',
  },
  columns: {
    scope: 'Partage',
    state: 'État',
    when: 'Date',
    by: 'Recueilli par',
    note: 'Note',
  },
  state: {
    given: 'Donné',
    withdrawn: 'Retiré',
    never: 'Non recueilli',
  },
  scopes: {
    care_team: 'Équipe soignante',
    social_legal: 'Équipe sociale et juridique',
    psy: 'Notes psychologiques',
    external_referral: 'Partenaires extérieurs',
    contact: 'Contact',
    advocacy_story: 'Plaidoyer',
  },
  descriptions: {
    care_team: 'Partager le parcours et les informations médicales au sein de l’équipe soignante du centre.',
    social_legal:
      'Partager les informations sur les violences, le social et le juridique avec l’équipe concernée.',
    psy: 'Partager les notes psychologiques au-delà du/de la psychologue.',
    external_referral: 'Transmettre des informations à un partenaire lors d’une orientation.',
    contact: 'Contacter la personne, par les canaux de ses préférences de contact.',
    advocacy_story: 'Utiliser son histoire, anonymisée, pour le plaidoyer et les rapports.',
  },
  /** The consent form the person signs (PDF made by the core), addressed to the person. */
  pdf: {
    documentTitle: 'Consentement',
    title: 'Consentement au partage d’informations',
    file: 'Dossier {{file}} — {{name}}',
    intro:
      'Au centre, toute transmission d’information entre professionnel·les se fait avec votre accord. Vous pouvez donner ou retirer chaque accord à tout moment, en le disant à un membre de l’équipe. Cochez ce que vous acceptez :',
    scopes: {
      care_team:
        'Partager mon parcours et mes informations médicales avec l’équipe soignante du centre (accompagnateur·rices, infirmier·es, médecins, spécialistes).',
      social_legal:
        'Partager les informations sur les violences, ma situation sociale et mes démarches juridiques avec l’équipe sociale et juridique.',
      psy: 'Partager mes notes de psychologie au-delà de la ou du psychologue qui me suit.',
      external_referral:
        'Transmettre les informations utiles à une structure partenaire quand on m’y oriente.',
      contact: 'Être contacté·e, uniquement par les moyens et avec les mots que j’ai choisis.',
      advocacy_story: 'Utiliser mon histoire, rendue anonyme, pour le plaidoyer et les rapports.',
    },
    accessRight:
      'Vous pouvez demander à tout moment la liste des personnes de l’équipe qui ont consulté votre dossier.',
    date: 'Date : {{date}}',
    signature: 'Signature de la personne :',
    forCentre: 'Pour le centre :',
    filename: 'consentement-{{file}}.pdf',
  },
};
