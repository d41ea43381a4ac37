/**
 * The medical certificate of injuries as a PDF (docs/violence-care.md, section 8), following the
 * structure of the HAS model "certificat médical initial concernant une personne victime de
 * violences". Always in French (the language the courts of both reference countries accept), every
 * word from the `violence.certificatePdf.*` texts; times in the local time of the site where the
 * examination took place. The perpetrator category is never printed (the certificate records what
 * the doctor found and what the person said, not who did it). Rendered in memory, handed to the page
 * as base64; never written to disk.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ParsedInput as In } from '../../../../shared/contract';
import { isBlank, type Lesion } from '../../../../shared/domain/violence';
import { localDate, localTime } from '../../../../shared/domain/zoned-time';
import { t } from '../../../../shared/i18n/translate';
import type { DossierCall } from '../../api/routes';
import { invalid } from '../../errors';
import { renderPdf } from '../../pdf/render';
import { readCentre } from '../centre/centre-service';
import { findSite } from '../centre/repository';
import { loadPerson } from '../persons/repository';
import { findUser } from '../users/repository';
import { certificateOf } from './certificates';
import { findCertificate, replacementOf } from './repository';

const FR = 'fr' as const;
const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** `YYYY-MM-DD` as a French reader writes a date. */
const dayOf = (day: string): string => day.split('-').reverse().join('/');

/** The date of an instant at the site, French style. */
const dateAt = (instant: string, zone: string): string => dayOf(localDate(new Date(instant), zone));

function heading(text: string): Content {
  return { text, bold: true, fontSize: 11, margin: [0, 12, 0, 4] };
}

/** A free text as typed (its line breaks kept), or "Néant" when nothing was written. */
function body(text: string): Content {
  return { text: isBlank(text) ? t(FR, 'violence.certificatePdf.none') : text };
}

function lesionTable(lesions: readonly Lesion[]): Content {
  if (lesions.length === 0) return { text: t(FR, 'violence.certificatePdf.noLesion') };
  const head = (key: 'region' | 'kind' | 'size' | 'description'): TableCell => ({
    text: t(FR, `violence.certificatePdf.lesion.${key}`),
    bold: true,
  });
  return {
    table: {
      headerRows: 1,
      widths: ['22%', '22%', '14%', '*'],
      body: [
        [head('region'), head('kind'), head('size'), head('description')],
        ...lesions.map((l): TableCell[] => [
          l.region,
          l.kind,
          l.sizeCm === null
            ? ''
            : t(FR, 'violence.certificatePdf.lesion.cm', { size: String(l.sizeCm).replace('.', ',') }),
          l.description,
        ]),
      ],
    },
  };
}

function conclusion(ittDays: number | null, reserved: boolean): string {
  if (ittDays === null) return t(FR, 'violence.certificatePdf.ittNotAssessed');
  if (ittDays === 0) return t(FR, 'violence.certificatePdf.noItt');
  return t(FR, reserved ? 'violence.certificatePdf.ittReserved' : 'violence.certificatePdf.itt', {
    count: ittDays,
  });
}

export async function certificatePdf(input: In<'violence.certificatePdf'>, { dossier }: DossierCall) {
  const { em } = dossier;
  const c = await certificateOf(em, input.personId, input.certificateId);
  if (!c.issuedAt) throw invalid('certificateId', 'certificate_not_issued');
  const doctor = await findUser(em, c.doctorId);
  const person = await loadPerson(em, c.personId);
  const site = await findSite(em, c.siteId);
  const centre = await readCentre(em);
  const zone = site?.timezone ?? DEFAULT_TIME_ZONE;
  const replaced = c.replacesId ? await findCertificate(em, c.replacesId) : null;
  const replacement = await replacementOf(em, c.id);
  const name = person.legalName ?? person.nameUsed;
  const born = person.birthDate
    ? t(FR, 'violence.certificatePdf.born', { date: dayOf(person.birthDate) })
    : '';

  const intro = [
    t(FR, 'violence.certificatePdf.undersigned', {
      doctor: doctor?.displayName ?? '',
      profession: t(FR, 'roles.doctor'),
      number: doctor?.professionalNumber ?? '',
      date: dateAt(c.examinedAt, zone),
      time: localTime(new Date(c.examinedAt), zone),
      site: site ? (site.city ? `${site.name}, ${site.city}` : site.name) : '',
    }),
    c.requestedBy === 'requisition'
      ? t(FR, 'violence.certificatePdf.onRequisition', { ref: c.requisitionRef ?? '' })
      : t(FR, 'violence.certificatePdf.onRequest'),
    c.identityCheck === 'document'
      ? t(FR, 'violence.certificatePdf.identityChecked', {
          name,
          born,
          document: c.identityDocument ?? '',
        })
      : t(FR, 'violence.certificatePdf.identityDeclared', { name, born }),
  ].join(' ');

  const content: Content[] = [
    {
      stack: [
        { text: centre.name, bold: true, fontSize: 12 },
        ...(site ? [{ text: site.city ? `${site.name}, ${site.city}` : site.name }] : []),
        ...(site?.address ? [{ text: site.address }] : []),
        ...(site?.phone ? [{ text: t(FR, 'violence.certificatePdf.phone', { phone: site.phone }) }] : []),
      ],
      alignment: 'center',
    },
    {
      text: t(FR, 'violence.certificatePdf.title'),
      fontSize: 14,
      bold: true,
      alignment: 'center',
      margin: [0, 16, 0, 12],
    },
    ...(replaced?.issuedAt
      ? [
          {
            text: t(FR, 'violence.certificatePdf.replaces', { date: dateAt(replaced.issuedAt, zone) }),
            italics: true,
            margin: [0, 0, 0, 8],
          } satisfies Content,
        ]
      : []),
    ...(replacement?.issuedAt
      ? [
          {
            text: t(FR, 'violence.certificatePdf.replacedBy', { date: dateAt(replacement.issuedAt, zone) }),
            italics: true,
            bold: true,
            margin: [0, 0, 0, 8],
          } satisfies Content,
        ]
      : []),
    { text: intro },
    heading(t(FR, 'violence.certificatePdf.statementsTitle')),
    isBlank(c.statements)
      ? body(c.statements)
      : { text: t(FR, 'violence.certificatePdf.statements', { text: c.statements }) },
    heading(t(FR, 'violence.certificatePdf.complaintsTitle')),
    body(c.complaints),
    heading(t(FR, 'violence.certificatePdf.examinationTitle')),
    lesionTable(c.lesions),
    ...(isBlank(c.otherFindings)
      ? []
      : [
          {
            text: t(FR, 'violence.certificatePdf.otherFindings', { text: c.otherFindings }),
            margin: [0, 6, 0, 0],
          } satisfies Content,
        ]),
    heading(t(FR, 'violence.certificatePdf.psychologicalTitle')),
    body(c.psychologicalFindings),
    heading(t(FR, 'violence.certificatePdf.furtherExamsTitle')),
    body(c.furtherExams),
    heading(t(FR, 'violence.certificatePdf.conclusionTitle')),
    { text: conclusion(c.ittDays, c.ittReserved) },
    {
      text:
        c.requestedBy === 'requisition'
          ? t(FR, 'violence.certificatePdf.handedRequisition', { date: dateAt(c.issuedAt, zone) })
          : t(FR, 'violence.certificatePdf.handed', { date: dateAt(c.issuedAt, zone) }),
      margin: [0, 12, 0, 0],
    },
    {
      text: t(FR, 'violence.certificatePdf.madeAt', {
        place: site?.city ?? site?.name ?? '',
        date: dateAt(c.issuedAt, zone),
      }),
      alignment: 'right',
      margin: [0, 16, 0, 0],
    },
    {
      text: t(FR, 'violence.certificatePdf.signature', { doctor: doctor?.displayName ?? '' }),
      alignment: 'right',
      margin: [0, 4, 0, 70],
    },
  ];
  const pdf = await renderPdf({
    info: { title: t(FR, 'violence.certificatePdf.documentTitle') },
    pageMargins: [40, 40, 40, 50],
    // The person's name and the page on every page: a loose page still says whose it is.
    footer: (page: number, pages: number) => ({
      text: t(FR, 'violence.certificatePdf.footer', { name, page, pages }),
      alignment: 'center',
      fontSize: 8,
      margin: [40, 16, 40, 0],
    }),
    content,
  });
  return {
    filename: t(FR, 'violence.certificatePdf.filename', {
      file: person.fileNumber,
      date: localDate(new Date(c.issuedAt), zone),
    }),
    base64: pdf.toString('base64'),
  };
}
