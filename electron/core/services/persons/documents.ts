/**
 * Printable documents for the person: the consent form to sign (French) and "who looked at my
 * file". Rendered in memory by the core and handed to the page as base64; never written to disk.
 */
import type { Content } from 'pdfmake/interfaces';
import type { ConsentScope } from '../../../../shared/domain/roles';
import { CONSENT_SCOPES } from '../../../../shared/domain/roles';
import { renderPdf } from '../../pdf/render';
import { readCentre } from '../centre/centre-service';
import type { DossierCall } from '../../api/routes';
import type { ParsedInput as In } from '../../../../shared/contract';
import { loadPerson } from './load-person';
import { consentsOf } from './persons-service';
import { accessLog } from './persons-service';
import { localDate, localTime } from '../../../../shared/domain/zoned-time';
import { SiteEntity } from '../centre/entities';

const SCOPE_TEXT: Record<ConsentScope, string> = {
  care_team:
    'Partager mon parcours et mes informations médicales avec l’équipe soignante du centre (accompagnateur·rices, infirmier·es, médecins, spécialistes).',
  social_legal:
    'Partager les informations sur les violences, ma situation sociale et mes démarches juridiques avec l’équipe sociale et juridique.',
  psy: 'Partager mes notes de psychologie au-delà de la ou du psychologue qui me suit.',
  external_referral: 'Transmettre les informations utiles à une structure partenaire quand on m’y oriente.',
  contact: 'Être contacté·e, uniquement par les moyens et avec les mots que j’ai choisis.',
  advocacy_story: 'Utiliser mon histoire, rendue anonyme, pour le plaidoyer et les rapports.',
};

const SECTION_FR: Record<string, string> = {
  identity: 'Identité',
  consent: 'Consentements',
  pathway: 'Parcours (passages, rendez-vous)',
  interview: 'Entretien communautaire',
  referrals: 'Orientations',
  medical: 'Consultations médicales',
  tests: 'Dépistages',
  prep: 'PrEP',
  vaccines: 'Vaccinations',
  specialist: 'Consultations spécialisées',
  psy: 'Psychologie',
  social: 'Social',
  violence: 'Violences',
  case_plan: 'Plan d’accompagnement',
  legal: 'Juridique',
};

const ACTION_FR: Record<string, string> = {
  read: 'a consulté',
  create: 'a créé',
  update: 'a modifié',
  merge: 'a fusionné',
  break_glass: 'accès d’urgence',
  delete: 'a supprimé',
};

function box(checked: boolean): string {
  return checked ? '☒' : '☐';
}

export async function consentForm(input: In<'persons.consentForm'>, call: DossierCall) {
  const { person, centre, consents, tz } = await (async (em) => {
    const person = await loadPerson(em, input.personId);
    const site = await em.getRepository(SiteEntity).findOneBy({ id: person.siteId });
    return {
      person,
      centre: await readCentre(em),
      consents: await consentsOf(em, person.id),
      tz: site?.timezone ?? 'Europe/Paris',
    };
  })(call.dossier.em);
  const given = new Set(consents.current.filter((c) => c.given).map((c) => c.scope));
  const today = localDate(call.dossier.now, tz).split('-').reverse().join('/');
  const content: Content[] = [
    { text: centre.name, style: 'small' },
    { text: 'Consentement au partage d’informations', style: 'title' },
    { text: `Dossier ${person.fileNumber} — ${person.nameUsed}`, margin: [0, 0, 0, 12] },
    {
      text: 'Au centre, toute transmission d’information entre professionnel·les se fait avec votre accord. Vous pouvez donner ou retirer chaque accord à tout moment, en le disant à un membre de l’équipe. Cochez ce que vous acceptez :',
      margin: [0, 0, 0, 10],
    },
    ...CONSENT_SCOPES.map((scope): Content => ({
      columns: [
        { width: 18, text: box(given.has(scope)), fontSize: 13 },
        { width: '*', text: SCOPE_TEXT[scope] },
      ],
      margin: [0, 0, 0, 8],
    })),
    {
      text: 'Vous pouvez demander à tout moment la liste des personnes de l’équipe qui ont consulté votre dossier.',
      margin: [0, 10, 0, 24],
      italics: true,
    },
    {
      columns: [
        { text: `Date : ${today}` },
        { text: 'Signature de la personne :' },
        { text: 'Pour le centre :' },
      ],
    },
  ];
  const pdf = await renderPdf({
    info: { title: 'Consentement' },
    content,
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 8, 0, 6] },
      small: { fontSize: 9, color: '#555' },
    },
  });
  return { filename: `consentement-${person.fileNumber}.pdf`, base64: pdf.toString('base64') };
}

export async function accessLogPdf(input: In<'persons.accessLogPdf'>, call: DossierCall) {
  const entries = await accessLog(input, call);
  const { person, centre, tz } = await (async (em) => {
    const person = await loadPerson(em, input.personId);
    const site = await em.getRepository(SiteEntity).findOneBy({ id: person.siteId });
    return { person, centre: await readCentre(em), tz: site?.timezone ?? 'Europe/Paris' };
  })(call.dossier.em);
  const body = entries.map((e) => {
    const at = new Date(e.at);
    return [
      `${localDate(at, tz).split('-').reverse().join('/')} ${localTime(at, tz)}`,
      e.userName ?? 'Système',
      ACTION_FR[e.action] ?? e.action,
      e.section ? (SECTION_FR[e.section] ?? e.section) : '—',
    ];
  });
  const pdf = await renderPdf({
    info: { title: 'Qui a consulté mon dossier' },
    content: [
      { text: centre.name, fontSize: 9, color: '#555' },
      { text: 'Qui a consulté mon dossier', fontSize: 16, bold: true, margin: [0, 8, 0, 6] },
      { text: `Dossier ${person.fileNumber} — ${person.nameUsed}`, margin: [0, 0, 0, 12] },
      {
        table: {
          headerRows: 1,
          widths: [90, '*', 80, '*'],
          body: [['Date', 'Personne de l’équipe', 'Action', 'Partie du dossier'], ...body],
        },
        layout: 'lightHorizontalLines',
      },
    ],
  });
  return { filename: `acces-${person.fileNumber}.pdf`, base64: pdf.toString('base64') };
}
