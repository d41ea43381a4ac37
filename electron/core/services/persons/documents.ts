/**
 * Printable documents for the person: the consent form to sign and "who looked at my file", in
 * the language asked for (else the centre's). Every word comes from the catalogues the screens
 * use (`consents.pdf.*`, `dossier.access.*`, shared/i18n). Rendered in memory by the core and
 * handed to the page as base64; never written to disk.
 */
import type { Content } from 'pdfmake/interfaces';
import { hasText, t } from '../../../../shared/i18n/translate';
import { CONSENT_SCOPES } from '../../../../shared/domain/roles';
import { renderPdf } from '../../pdf/render';
import { readCentre } from '../centre/centre-service';
import type { DossierCall } from '../../api/routes';
import type { ParsedInput as In } from '../../../../shared/contract';
import { loadPerson } from './repository';
import { consentsOf } from './persons-service';
import { readAccessLog } from './access-log';
import { localDate } from '../../../../shared/domain/zoned-time';
import { findSite } from '../centre/repository';

function box(checked: boolean): string {
  return checked ? '☒' : '☐';
}

export async function consentForm(input: In<'persons.consentForm'>, call: DossierCall) {
  const { person, centre, consents, tz } = await (async (em) => {
    const person = await loadPerson(em, input.personId);
    const site = await findSite(em, person.siteId);
    return {
      person,
      centre: await readCentre(em),
      consents: await consentsOf(em, person.id),
      tz: site?.timezone ?? 'Europe/Paris',
    };
  })(call.dossier.em);
  const lang = input.locale ?? centre.defaultLocale;
  const given = new Set(consents.current.filter((c) => c.given).map((c) => c.scope));
  const file = { file: person.fileNumber, name: person.nameUsed };
  const today = localDate(call.dossier.now, tz).split('-').reverse().join('/');
  const content: Content[] = [
    { text: centre.name, style: 'small' },
    { text: t(lang, 'consents.pdf.title'), style: 'title' },
    { text: t(lang, 'consents.pdf.file', file), margin: [0, 0, 0, 12] },
    { text: t(lang, 'consents.pdf.intro'), margin: [0, 0, 0, 10] },
    ...CONSENT_SCOPES.map((scope): Content => ({
      columns: [
        { width: 18, text: box(given.has(scope)), fontSize: 13 },
        { width: '*', text: t(lang, `consents.pdf.scopes.${scope}`) },
      ],
      margin: [0, 0, 0, 8],
    })),
    { text: t(lang, 'consents.pdf.accessRight'), margin: [0, 10, 0, 24], italics: true },
    {
      columns: [
        { text: t(lang, 'consents.pdf.date', { date: today }) },
        { text: t(lang, 'consents.pdf.signature') },
        { text: t(lang, 'consents.pdf.forCentre') },
      ],
    },
  ];
  const pdf = await renderPdf({
    info: { title: t(lang, 'consents.pdf.documentTitle') },
    content,
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 8, 0, 6] },
      small: { fontSize: 9, color: '#555' },
    },
  });
  return { filename: t(lang, 'consents.pdf.filename', file), base64: pdf.toString('base64') };
}

/** `YYYY-MM-DD` as the person reads a date. */
function dayOf(day: string): string {
  return day.split('-').reverse().join('/');
}

/**
 * "Who looked at my file" for the person: one line per team member, local day, part of the file
 * and action (how many times, first and last time), with the reasons of any break-the-glass.
 */
export async function accessLogPdf(input: In<'persons.accessLogPdf'>, call: DossierCall) {
  const { em } = call.dossier;
  const person = await loadPerson(em, input.personId);
  const centre = await readCentre(em);
  const { groups, withheld } = await readAccessLog(em, person, call.dossier.canRead);
  const lang = input.locale ?? centre.defaultLocale;
  const file = { file: person.fileNumber, name: person.nameUsed };
  const body = groups.map((g) => {
    const action = `audit.actions.${g.action}`;
    const section = `sections.${String(g.section)}`;
    return [
      dayOf(g.day),
      g.readerName ?? t(lang, 'app.system'),
      hasText(lang, action) ? t(lang, action) : g.action,
      g.section ? (hasText(lang, section) ? t(lang, section) : g.section) : t(lang, 'app.none'),
      String(g.count),
      g.count === 1
        ? g.firstTime
        : t(lang, 'dossier.access.pdf.timeRange', { first: g.firstTime, last: g.lastTime }),
      g.reasons.join('\n'),
    ];
  });
  const pdf = await renderPdf({
    info: { title: t(lang, 'dossier.access.title') },
    content: [
      { text: centre.name, fontSize: 9, color: '#555' },
      { text: t(lang, 'dossier.access.title'), fontSize: 16, bold: true, margin: [0, 8, 0, 6] },
      { text: t(lang, 'dossier.access.pdf.file', file), margin: [0, 0, 0, 6] },
      { text: t(lang, 'dossier.access.pdf.grouped'), fontSize: 9, color: '#555', margin: [0, 0, 0, 12] },
      {
        table: {
          headerRows: 1,
          widths: [58, '*', 62, 70, 28, 58, '*'],
          body: [
            [
              t(lang, 'dossier.access.pdf.day'),
              t(lang, 'dossier.access.who'),
              t(lang, 'dossier.access.action'),
              t(lang, 'dossier.access.section'),
              t(lang, 'dossier.access.pdf.count'),
              t(lang, 'dossier.access.pdf.times'),
              t(lang, 'dossier.access.reason'),
            ],
            ...body,
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
      ...(withheld
        ? [{ text: t(lang, 'dossier.access.withheld'), fontSize: 9, margin: [0, 12, 0, 0] } as Content]
        : []),
    ],
  });
  return { filename: t(lang, 'dossier.access.pdf.filename', file), base64: pdf.toString('base64') };
}
