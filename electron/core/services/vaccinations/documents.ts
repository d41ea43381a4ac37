/**
 * The vaccination certificate: the centre and the site, the person (legal name if recorded, else
 * the name used; birth date), one row per dose (vaccine, dose n/N, date, lot, who gave it), the
 * next dose due of each course in progress, the issue date and a signature area. In the language
 * asked for, else the centre's; texts from the `vaccinations` namespace. Rendered in memory and
 * handed to the page as base64, never written to disk.
 */
import type { Content } from 'pdfmake/interfaces';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { VaccineCode } from '../../../../shared/domain/clinical-catalogues';
import { siteToday } from '../../../../shared/domain/schedules';
import { t } from '../../../../shared/i18n/translate';
import type { DossierCall } from '../../api/routes';
import { renderPdf } from '../../pdf/render';
import { readCentre } from '../centre/centre-service';
import { findSite } from '../centre/repository';
import { loadPerson } from '../persons/repository';
import { coursesOfPerson } from './repository';
import { toCourses } from './vaccinations-service';

/** `YYYY-MM-DD` as a French reader writes a date. */
function dayOf(day: string): string {
  return day.split('-').reverse().join('/');
}

export async function certificatePdf(input: In<'vaccinations.certificatePdf'>, call: DossierCall) {
  const { em, now } = call.dossier;
  const person = await loadPerson(em, input.personId);
  const site = await findSite(em, person.siteId);
  const centre = await readCentre(em);
  const lang = input.locale ?? centre.defaultLocale;
  const courses = await toCourses(em, await coursesOfPerson(em, person.id));
  // Oldest course first on paper, each course's doses in order.
  const ordered = [...courses].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const vaccine = (code: VaccineCode) => t(lang, `vaccinations.vaccines.${code}`);
  const rows = ordered.flatMap((course) =>
    course.doses.map((dose) => [
      vaccine(course.vaccineCode),
      t(lang, 'vaccinations.pdf.doseOf', { n: dose.doseNumber, total: course.dosesNeeded }),
      dayOf(dose.givenOn),
      dose.lot,
      dose.givenByName ?? '',
    ]),
  );
  const nextDue: Content[] = ordered
    .filter((c) => c.status === 'in_progress' && c.nextDueOn && c.nextDose)
    .map((c) => ({
      text: t(lang, 'vaccinations.pdf.nextDue', {
        vaccine: vaccine(c.vaccineCode),
        dose: c.nextDose ?? 0,
        date: dayOf(c.nextDueOn ?? ''),
      }),
      margin: [0, 2, 0, 2],
    }));
  // A complete course with a booster rule: its booster is the next dose to give.
  const boosters: Content[] = ordered
    .filter((c) => c.status === 'complete' && c.nextDueOn)
    .map((c) => ({
      text: t(lang, 'vaccinations.pdf.boosterDue', {
        vaccine: vaccine(c.vaccineCode),
        date: dayOf(c.nextDueOn ?? ''),
      }),
      margin: [0, 2, 0, 2],
    }));
  const today = siteToday(now, site?.timezone ?? 'Europe/Paris');
  const file = { file: person.fileNumber };
  const content: Content[] = [
    { text: centre.name, bold: true },
    ...(site
      ? [{ text: [site.name, site.city].filter(Boolean).join(', '), fontSize: 9, color: '#555' }]
      : []),
    ...(site?.address ? [{ text: site.address, fontSize: 9, color: '#555' }] : []),
    ...(site?.phone
      ? [{ text: t(lang, 'vaccinations.pdf.phone', { phone: site.phone }), fontSize: 9, color: '#555' }]
      : []),
    { text: t(lang, 'vaccinations.pdf.title'), fontSize: 16, bold: true, margin: [0, 12, 0, 8] },
    { text: t(lang, 'vaccinations.pdf.person', { name: person.legalName ?? person.nameUsed }) },
    ...(person.birthDate
      ? [{ text: t(lang, 'vaccinations.pdf.birthDate', { date: dayOf(person.birthDate) }) }]
      : []),
    { text: t(lang, 'vaccinations.pdf.file', file), fontSize: 9, color: '#555', margin: [0, 0, 0, 12] },
    rows.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 40, 62, 80, '*'],
            body: [
              [
                t(lang, 'vaccinations.pdf.vaccine'),
                t(lang, 'vaccinations.pdf.dose'),
                t(lang, 'vaccinations.pdf.date'),
                t(lang, 'vaccinations.pdf.lot'),
                t(lang, 'vaccinations.pdf.givenBy'),
              ],
              ...rows,
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: t(lang, 'vaccinations.pdf.noDose'), italics: true },
    { text: '', margin: [0, 8, 0, 0] },
    ...nextDue,
    ...boosters,
    {
      columns: [
        { text: t(lang, 'vaccinations.pdf.issuedOn', { date: dayOf(today) }) },
        { text: t(lang, 'vaccinations.pdf.signature') },
      ],
      margin: [0, 24, 0, 0],
    },
  ];
  const pdf = await renderPdf({ info: { title: t(lang, 'vaccinations.pdf.documentTitle') }, content });
  return { filename: t(lang, 'vaccinations.pdf.filename', file), base64: pdf.toString('base64') };
}
